package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One written audit entry: an {@link AuditEvent} with its sequence number (from 1), time, the previous
 * entry's hash and its own hash = SHA-256(previous hash + "\n" + canonical JSON of every other field).
 * On disk it is one line: the canonical JSON including "hash" (format in docs/audit.md).
 */
public record AuditEntry(long seq, Instant time, String type, String actor, String sessionId,
                         Map<String, Object> payload, String previousHash, String hash) {
    private static final Set<String> FIELDS =
            Set.of("seq", "time", "type", "actor", "session", "payload", "prev", "hash");

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
        }
        new AuditEvent(type, actor, sessionId, payload);
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** Seals an event as the entry after {@code previousHash}. */
    static AuditEntry seal(long seq, Instant time, AuditEvent event, String previousHash) {
        Map<String, Object> payload = AuditJson.normalise(event.payload());
        AuditEntry unsigned = new AuditEntry(seq, time, event.type(), event.actor(), event.sessionId(), payload,
                previousHash, "");
        return new AuditEntry(seq, time, event.type(), event.actor(), event.sessionId(), payload, previousHash,
                unsigned.computeHash());
    }

    /** @throws IllegalArgumentException when the line is not a well-formed entry */
    static AuditEntry fromLine(String line) {
        Map<String, Object> m = AuditJson.parse(line);
        if (!m.keySet().equals(FIELDS)) {
            throw new IllegalArgumentException("fields " + m.keySet() + " are not " + FIELDS);
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) m.get("payload");
            return new AuditEntry(((Number) m.get("seq")).longValue(), Instant.parse((String) m.get("time")),
                    (String) m.get("type"), (String) m.get("actor"), (String) m.get("session"), payload,
                    (String) m.get("prev"), (String) m.get("hash"));
        } catch (ClassCastException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("malformed field: " + e.getMessage(), e);
        }
    }

    public String toLine() {
        Map<String, Object> all = body();
        all.put("hash", hash);
        return AuditJson.canonical(all);
    }

    public String computeHash() {
        return AuditJson.chainHash(previousHash, AuditJson.canonical(body()));
    }

    private Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("time", time.toString());
        m.put("type", type);
        m.put("actor", actor);
        m.put("session", sessionId);
        m.put("payload", payload);
        m.put("prev", previousHash);
        return m;
    }
}
