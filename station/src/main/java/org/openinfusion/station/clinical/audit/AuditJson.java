package org.openinfusion.station.clinical.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Canonical JSON (map keys sorted at every level, no spaces) and the chain hash. */
final class AuditJson {
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private AuditJson() {
    }

    static String canonical(Map<String, ?> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the text is not one JSON object */
    static Map<String, Object> parse(String json) {
        try {
            Map<String, Object> map = MAPPER.readValue(json, MAP);
            if (map == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload as it will read back from the file, so the hash can be recomputed from the file. */
    static Map<String, Object> normalise(Map<String, Object> payload) {
        requirePlainJson("payload", payload);
        return parse(canonical(payload));
    }

    /** Only String, finite Number, Boolean, null, List and Map with String keys: nothing that JSON would bend. */
    private static void requirePlainJson(String path, Object value) {
        switch (value) {
            case null -> { }
            case String s -> { }
            case Boolean b -> { }
            case Number n when !Double.isFinite(n.doubleValue()) && (n instanceof Double || n instanceof Float) ->
                    throw new IllegalArgumentException(path + " is not finite: " + n);
            case Number n -> { }
            case Map<?, ?> m -> m.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException(path + " has a non-text key: " + k);
                }
                requirePlainJson(path + "." + key, v);
            });
            case List<?> l -> {
                for (int i = 0; i < l.size(); i++) {
                    requirePlainJson(path + "[" + i + "]", l.get(i));
                }
            }
            default -> throw new IllegalArgumentException(path + " is a " + value.getClass().getSimpleName()
                    + "; use text, numbers, booleans, lists and maps");
        }
    }

    /** SHA-256 (lower-case hex) of the previous hash, a newline, and the entry's canonical JSON. */
    static String chainHash(String previousHash, String canonicalBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((previousHash + "\n" + canonicalBody).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
