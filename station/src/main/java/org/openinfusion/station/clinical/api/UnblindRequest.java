package org.openinfusion.station.clinical.api;

import java.util.Objects;

/**
 * Emergency unblinding of the session on {@code bed}, asked at the bedside by {@code user} with a reason and an
 * e-signature (the password entered again; {@code enteredUserId} as well at the first e-signature of a sign-in, else
 * empty); sent to {@code Addresses.SESSION_UNBLIND}. Only roles allowed to unblind get the arm; every request is audited.
 * The station blanks the password once it has checked it; {@link #toString()} prints neither it nor the reason.
 */
public record UnblindRequest(String user, String bed, String reason, String enteredUserId, char[] password) {
    public UnblindRequest {
        if (user == null || user.isBlank() || bed == null || bed.isBlank()) {
            throw new IllegalArgumentException("user and bed are required");
        }
        enteredUserId = Objects.requireNonNullElse(enteredUserId, "").strip();
        password = password == null ? new char[0] : password;
    }

    @Override
    public String toString() {
        return "UnblindRequest[user " + user + ", bed " + bed + "]";
    }
}
