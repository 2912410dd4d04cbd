package org.openinfusion.station.clinical.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happened, before the log gives it a sequence number, a time and a hash. Holds subject codes
 * only, never names or other patient identifiers.
 *
 * @param type dotted lower-case name, e.g. "rating.recorded", "alarm.acknowledged"
 * @param actor user id of the person (or "station" for the system) who caused the event
 * @param sessionId the session it belongs to, or null for station-wide events
 * @param payload JSON-compatible values: String, Number, Boolean, null, List, Map with String keys
 */
public record AuditEvent(String type, String actor, String sessionId, Map<String, Object> payload) {
    public static final String CORRECTION = "correction";
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be dotted lower-case words: " + type);
        }
        requirePrintable(actor, "actor");
        if (sessionId != null) {
            requirePrintable(sessionId, "sessionId");
        }
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /**
     * A correction of an earlier entry: a new entry of type "correction" whose payload names the
     * original (sequence, hash, type), gives the reason and the corrected values. Nothing is overwritten.
     */
    public static AuditEvent correctionOf(AuditEntry original, String actor, String reason,
                                          Map<String, Object> correctedValues) {
        requirePrintable(reason, "reason");
        Map<String, Object> corrects = new LinkedHashMap<>();
        corrects.put("seq", original.seq());
        corrects.put("hash", original.hash());
        corrects.put("type", original.type());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("corrects", corrects);
        payload.put("reason", reason);
        payload.put("values", correctedValues);
        return new AuditEvent(CORRECTION, actor, original.sessionId(), payload);
    }

    private static void requirePrintable(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must be non-blank without control characters");
        }
    }
}
