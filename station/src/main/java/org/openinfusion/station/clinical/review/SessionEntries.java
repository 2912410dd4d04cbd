package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openinfusion.station.clinical.audit.AuditEntry;

/**
 * One session's verified audit entries and the facts review reads from them: who, what protocol, when it was
 * created, started, closed, its signatures and whether it changed since the last one. Pure.
 *
 * <p>A record counts as changed since its last signature when any entry after that signature is not itself a
 * signature or a blinding event (after closing, only amendments and their rating corrections can be written).
 */
public final class SessionEntries {
    /** Audit type of an e-signature (payload: meaning, printedName, signedAt, lastSeq, lastHash). */
    public static final String SIGNED = "record.signed";
    /** Audit type of a review amendment (payload: reason, kind note|rating, text | ratingId, correctionId). */
    public static final String AMENDED = "record.amended";

    private final String sessionId;
    private final List<AuditEntry> entries;
    private final AuditEntry created;
    private final List<Signature> signatures = new ArrayList<>();
    /** Sequence number of the last entry that changed the record (anything but a signature or a blinding act). */
    private final long lastChangeSeq;
    private final boolean changedSinceSigned;

    /** @throws IllegalArgumentException when the entries hold no session.created entry */
    public SessionEntries(String sessionId, List<AuditEntry> entries) {
        this.sessionId = sessionId;
        this.entries = List.copyOf(entries);
        this.created = first("session.created");
        if (created == null) {
            throw new IllegalArgumentException("session " + sessionId + " has no session.created entry");
        }
        long lastChange = 0;
        for (AuditEntry e : this.entries) {
            if (e.type().equals(SIGNED)) {
                signatures.add(signature(e));
            } else if (!e.type().startsWith("blinding.")) {
                lastChange = e.seq();
            }
        }
        lastChangeSeq = lastChange;
        changedSinceSigned = !signatures.isEmpty() && signatures.getLast().auditSeq() < lastChangeSeq;
    }

    public String sessionId() {
        return sessionId;
    }

    public List<AuditEntry> entries() {
        return entries;
    }

    public String subjectCode() {
        return text(created, "subjectCode");
    }

    public String protocolId() {
        return text(created, "protocol");
    }

    public int protocolVersion() {
        return number(created, "protocolVersion").intValue();
    }

    public String bed() {
        return text(created, "bed");
    }

    public String kitId() {
        return text(created, "kitId");
    }

    public double weightKg() {
        return number(created, "weightKg").doubleValue();
    }

    public Instant createdAt() {
        return at(created);
    }

    /** When the step was taken (its payload's "at"), or null when the session never took it. */
    public Instant when(String type) {
        AuditEntry e = first(type);
        return e == null ? null : at(e);
    }

    public Instant closedAt() {
        return when("session.closed");
    }

    public boolean closed() {
        return closedAt() != null;
    }

    public Instant infusionStart() {
        return when("session.infusion_started");
    }

    public List<Signature> signatures() {
        return List.copyOf(signatures);
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
    public AuditEntry last() {
        return entries.getLast();
    }

    public SessionListing listing() {
        ReviewFilter.RecordState state = state();
        return new SessionListing(sessionId, subjectCode(), protocolId(), protocolVersion(), bed(), createdAt(), closedAt(), state,
                lastSignature(), changedSinceSigned, state == ReviewFilter.RecordState.CLOSED);
    }

    /** Entries of the given type, in order. */
    public List<AuditEntry> ofType(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).toList();
    }

    private AuditEntry first(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).findFirst().orElse(null);
    }

    private static Signature signature(AuditEntry e) {
        String meaning = text(e, "meaning");
        return new Signature(e.actor(), text(e, "printedName"), SignatureMeaning.valueOf(meaning.toUpperCase(Locale.ROOT)),
                instant(e, "signedAt"), e.seq());
    }

    /** The time an entry's payload states ("at"), else the time it was written. */
    static Instant at(AuditEntry e) {
        Instant at = instant(e, "at");
        return at == null ? e.time() : at;
    }

    static Instant instant(AuditEntry e, String key) {
        return e.payload().get(key) instanceof String s ? Instant.parse(s) : null;
    }

    static String text(AuditEntry e, String key) {
        Object v = e.payload().get(key);
        return v == null ? null : v.toString();
    }

    static Number number(AuditEntry e, String key) {
        return e.payload().get(key) instanceof Number n ? n : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(AuditEntry e, String key) {
        return e.payload().get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
