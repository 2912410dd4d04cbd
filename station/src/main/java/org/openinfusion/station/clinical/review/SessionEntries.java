package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * One session's history and the facts review reads from it: who, what protocol, when it was created, started,
 * closed, its signatures and whether it changed since the last one. Pure.
 *
 * <p>A record counts as changed since its last signature when any entry after that signature is not itself a
 * signature or a blinding event (after closing, only amendments and their rating corrections can be written).
 */
public final class SessionEntries {
    private final SessionHistory history;
    private final List<Signature> signatures;
    /** Sequence number of the last entry that changed the record (anything but a signature or a blinding act). */
    private final long lastChangeSeq;
    private final boolean changedSinceSigned;

    public SessionEntries(SessionHistory history) {
        this.history = history;
        this.signatures = history.signatures().stream().map(SessionEntries::signature).toList();
        this.lastChangeSeq = history.lastChangeSeq();
        this.changedSinceSigned = !signatures.isEmpty() && signatures.getLast().auditSeq() < lastChangeSeq;
    }

    public SessionHistory history() {
        return history;
    }

    public String sessionId() {
        return history.id().value();
    }

    public String subjectCode() {
        return history.created().subjectCode();
    }

    public String protocolId() {
        return history.created().protocolId();
    }

    public int protocolVersion() {
        return history.created().protocolVersion();
    }

    public String bed() {
        return history.created().bedId();
    }

    public String kitId() {
        return history.created().kitId();
    }

    public double weightKg() {
        return history.created().measures().weightKg();
    }

    public Instant createdAt() {
        return history.createdAt();
    }

    /** When the session took the step, or null when it never did. */
    public Instant when(Class<? extends SessionEvent> step) {
        return history.step(step).map(SessionHistory.Fact::at).orElse(null);
    }

    public Instant closedAt() {
        return when(SessionEvent.Closed.class);
    }

    public boolean closed() {
        return closedAt() != null;
    }

    public Instant infusionStart() {
        return when(SessionEvent.InfusionStarted.class);
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public Signature lastSignature() {
        return signatures.isEmpty() ? null : signatures.getLast();
    }

    /** The signatures given since the record last changed (an amendment makes every earlier one historical). */
    public List<Signature> currentSignatures() {
        return signatures.stream().filter(sig -> sig.auditSeq() > lastChangeSeq).toList();
    }

    /** Signed, and something (an amendment) was written after the last signature. */
    public boolean amendedSinceSigned() {
        return changedSinceSigned;
    }

    public ReviewFilter.RecordState state() {
        if (!closed()) {
            return ReviewFilter.RecordState.OPEN;
        }
        return !signatures.isEmpty() && !changedSinceSigned ? ReviewFilter.RecordState.SIGNED : ReviewFilter.RecordState.CLOSED;
    }

    /** The newest entry of the session: what a signature made now would cover. */
    public Recorded last() {
        return history.last();
    }

    public SessionListing listing() {
        ReviewFilter.RecordState state = state();
        return new SessionListing(sessionId(), subjectCode(), protocolId(), protocolVersion(), bed(), createdAt(), closedAt(), state,
                lastSignature(), changedSinceSigned, state == ReviewFilter.RecordState.CLOSED);
    }

    private static Signature signature(SessionHistory.Fact<TrailEvent.RecordSigned> f) {
        TrailEvent.RecordSigned s = f.event();
        return new Signature(f.entry().actor(), s.printedName(), SignatureMeaning.valueOf(s.meaning().toUpperCase(Locale.ROOT)),
                s.signedAt(), f.entry().seq());
    }
}
