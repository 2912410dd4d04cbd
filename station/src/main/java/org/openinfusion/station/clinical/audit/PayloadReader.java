package org.openinfusion.station.clinical.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/** Typed reads of one written payload; a missing or mistyped required field is an IllegalArgumentException. */
record PayloadReader(String type, Map<String, Object> payload, Instant written) {
    /** When the event happened: the payload's "at", else when the entry was written. */
    Instant at() {
        Instant at = instant("at");
        return at == null ? written : at;
    }

    String text(String key) {
        Object v = payload.get(key);
        return v == null ? null : v.toString();
    }

    String required(String key) {
        String v = text(key);
        if (v == null) {
            throw new IllegalArgumentException(type + " entry has no " + key);
        }
        return v;
    }

    Instant instant(String key) {
        String v = text(key);
        return v == null ? null : Instant.parse(v);
    }

    Number number(String key) {
        if (payload.get(key) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(type + " entry has no number " + key);
    }

    double decimal(String key) {
        return number(key).doubleValue();
    }

    int whole(String key) {
        return number(key).intValue();
    }

    /** An optional whole number: absent (or not a number) is empty. */
    OptionalInt optionalWhole(String key) {
        return payload.get(key) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    Duration seconds(String key) {
        return Duration.ofSeconds(number(key).longValue());
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(payload.get(key));
    }

    Map<?, ?> map(String key) {
        return payload.get(key) instanceof Map<?, ?> m ? m : Map.of();
    }
}
