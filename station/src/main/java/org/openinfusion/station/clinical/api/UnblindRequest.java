package org.openinfusion.station.clinical.api;

/**
 * Emergency unblinding of the session on {@code bed}, asked at the bedside by {@code user} with a reason; sent to
 * {@code Addresses.SESSION_UNBLIND}. Only roles allowed to unblind get the arm; every request is audited.
 */
public record UnblindRequest(String user, String bed, String reason) {
    public UnblindRequest {
        if (user == null || user.isBlank() || bed == null || bed.isBlank()) {
            throw new IllegalArgumentException("user and bed are required");
        }
    }
}
