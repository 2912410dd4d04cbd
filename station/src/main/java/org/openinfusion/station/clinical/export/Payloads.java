package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openinfusion.station.clinical.audit.AuditEntry;

/** Typed reads of audit payload fields (payloads are plain JSON maps: docs/audit.md). */
final class Payloads {
    private Payloads() {
    }

    /** The field as text, or null when absent or null. */
    static String text(Map<String, Object> payload, String key) {
        Object v = payload.get(key);
        return v == null ? null : v.toString();
    }

    static OptionalDouble number(Map<String, Object> payload, String key) {
        return payload.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    static Optional<Instant> instant(Map<String, Object> payload, String key) {
        if (payload.get(key) instanceof String s) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** When the event happened: its payload's {@code at}, else the entry's own time. */
    static Instant at(AuditEntry e) {
        return instant(e.payload(), "at").orElse(e.time());
    }

    static boolean flag(Map<String, Object> payload, String key) {
        return Boolean.TRUE.equals(payload.get(key));
    }
}
