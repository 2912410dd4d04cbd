package org.openinfusion.station.clinical.session;

/** A session step that is not allowed now; the message says what state the session is in and what would be allowed. */
public final class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
