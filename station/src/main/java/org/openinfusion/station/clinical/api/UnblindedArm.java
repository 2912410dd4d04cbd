package org.openinfusion.station.clinical.api;

/**
 * The reply to an authorised {@link UnblindRequest}: the session's arm, for the requester's screen only. Never logged:
 * {@link #toString()} prints no arm.
 */
public record UnblindedArm(String sessionId, String kitId, String armCode, String armDescription) {
    @Override
    public String toString() {
        return "UnblindedArm[session " + sessionId + ", kit " + kitId + ", arm sealed]";
    }
}
