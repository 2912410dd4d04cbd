package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.security.Principal;

/**
 * The rules of an e-signature (21 CFR 11.50): only a closed record can be signed. While it is unchanged, it can
 * be signed "reviewed" by one or more physicians and then "approved" once; an approved record takes no further
 * signature, and nobody signs twice with the same meaning, until an amendment changes it. The signature states
 * the signer's printed name, the time and the meaning, and names the last audit entry it covers (sequence number
 * and hash). The password check is the caller's. Pure.
 */
public final class SignOff {
    private SignOff() {
    }

    /**
     * @throws ReviewException 409 when the session is open, already approved and unchanged since, or already signed
     *     with this meaning by this signer and unchanged since
     */
    public static void requireSignable(SessionEntries s, SignatureMeaning meaning, String signerId) {
        if (!s.closed()) {
            throw ReviewException.conflict("Session " + s.sessionId() + " is still open on bed " + s.bed()
                    + ": only a closed session can be signed.");
        }
        List<Signature> current = s.currentSignatures();
        for (Signature sig : current) {
            if (sig.meaning() == SignatureMeaning.APPROVED) {
                throw alreadySigned(s, sig, "amend it first to sign again.");
            }
        }
        for (Signature sig : current) {
            if (sig.meaning() == meaning && sig.userId().equals(signerId)) {
                throw alreadySigned(s, sig, "you cannot sign it again with the same meaning.");
            }
        }
    }

    private static ReviewException alreadySigned(SessionEntries s, Signature sig, String what) {
        return ReviewException.conflict("Session " + s.sessionId() + " is already signed (" + sig.meaning().label() + " by "
                + sig.printedName() + " at " + sig.at() + ") and has not changed since; " + what);
    }

    /** The signature to record, covering the session's last entry; checks {@link #requireSignable} first. */
    public static TrailEvent.RecordSigned signature(SessionEntries s, SignatureMeaning meaning, Principal signer, Instant at) {
        requireSignable(s, meaning, signer.userId());
        Recorded covered = s.last();
        return new TrailEvent.RecordSigned(meaning.name().toLowerCase(Locale.ROOT), signer.name(), at, covered.seq(),
                covered.written().hash());
    }
}
