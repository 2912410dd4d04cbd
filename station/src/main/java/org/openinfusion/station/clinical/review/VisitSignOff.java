package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.security.Principal;

/**
 * The e-signature of a rating visit (docs/visits.md), by the rules of an infusion session's ({@link SignOff}): only a
 * completed visit can be signed; while it is unchanged, "reviewed" by one or more physicians, then "approved" once;
 * nobody signs twice with the same meaning. The signature names the visit's last audit entry. Pure.
 */
public final class VisitSignOff {
    private VisitSignOff() {
    }

    /** A rating visit's signatures, as its record shows them: every one, and those still covering it. */
    public record VisitSignatures(String visitSessionId, boolean completed, List<Signature> signatures, List<Signature> current) {
        public VisitSignatures {
            signatures = List.copyOf(signatures);
            current = List.copyOf(current);
        }

        public static VisitSignatures of(StudyVisits.VisitSession v) {
            return new VisitSignatures(v.id(), v.completedAt().isPresent(), VisitSignOff.all(v), VisitSignOff.current(v));
        }
    }

    /** Every signature of the visit, in trail order. */
    public static List<Signature> all(StudyVisits.VisitSession v) {
        return v.entries().stream().flatMap(r -> r.as(TrailEvent.RecordSigned.class).map(s -> signature(r, s)).stream()).toList();
    }

    /**
     * The signatures made after the visit's last change: its last clinical entry (rating, correction, vitals, note,
     * adverse event, amendment, completion). Administrative entries after it (the patient tablet locked when idle, or
     * taken back; other signatures) change no clinical content and leave the signatures standing
     * ({@link SessionHistory#changesTheRecord}).
     */
    public static List<Signature> current(StudyVisits.VisitSession v) {
        long lastChange = lastChangeSeq(v);
        return all(v).stream().filter(s -> s.auditSeq() > lastChange).toList();
    }

    /** The sequence number of the visit's last entry that changes its record; 0 when none. */
    public static long lastChangeSeq(StudyVisits.VisitSession v) {
        return v.entries().stream().filter(r -> SessionHistory.changesTheRecord(r.event())).mapToLong(Recorded::seq).max().orElse(0);
    }

    /** @throws ReviewException 409 when the visit is not completed, approved, or already signed so by this signer */
    public static void requireSignable(StudyVisits.VisitSession v, SignatureMeaning meaning, String signerId) {
        if (v.completedAt().isEmpty()) {
            throw ReviewException.conflict("This visit is not completed: only a completed visit can be signed.");
        }
        for (Signature sig : current(v)) {
            if (sig.meaning() == SignatureMeaning.APPROVED) {
                throw ReviewException.conflict("This visit is already approved (" + sig.printedName() + " at " + sig.at() + ").");
            }
            if (sig.meaning() == meaning && sig.userId().equals(signerId)) {
                throw ReviewException.conflict("This visit is already signed (" + sig.meaning().label() + " by " + sig.printedName() + " at "
                        + sig.at() + "); you cannot sign it again with the same meaning.");
            }
        }
    }

    /** The signature to record, covering the visit's last entry; checks {@link #requireSignable} first. */
    public static TrailEvent.RecordSigned signature(StudyVisits.VisitSession v, SignatureMeaning meaning, Principal signer, Instant at) {
        requireSignable(v, meaning, signer.userId());
        Recorded covered = v.entries().getLast();
        return new TrailEvent.RecordSigned(meaning.name().toLowerCase(Locale.ROOT), signer.name(), at, covered.seq(), covered.written().hash());
    }

    private static Signature signature(Recorded r, TrailEvent.RecordSigned s) {
        return new Signature(r.actor(), s.printedName(), SignatureMeaning.valueOf(s.meaning().toUpperCase(Locale.ROOT)), s.signedAt(), r.seq());
    }
}
