package org.openinfusion.station.clinical.review;

/**
 * A review request that cannot be answered, with the bus failure code and a message fit to show the physician
 * (never naming a subject). Codes: 400 bad request, 422 wrong password (401 stays "signed out"), 404 unknown session, 409 state conflict,
 * 423 account locked, 500 anything else.
 */
public final class ReviewException extends RuntimeException {
    public static final int BAD_REQUEST = 400;
    public static final int WRONG_PASSWORD = 422;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;
    public static final int LOCKED = 423;
    public static final int FAILED = 500;

    private final int code;

    public ReviewException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ReviewException badRequest(String message) {
        return new ReviewException(BAD_REQUEST, message);
    }

    static ReviewException notFound(String sessionId) {
        return new ReviewException(NOT_FOUND, "No session " + sessionId + " in the audit trail.");
    }

    static ReviewException conflict(String message) {
        return new ReviewException(CONFLICT, message);
    }
}
