package org.openinfusion.station.device.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Rejection;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;

/**
 * Decodes a SenML (RFC 8428) JSON pack of numerics and states, record by record: a bad record is
 * rejected alone. Rules in docs/mqtt.md ("Numerics").
 */
final class SenmlDecoder {
    /** RFC 8428 section 4.5.3: a resolved time below 2^28 s is relative to "now". */
    private static final double RELATIVE_TIME_LIMIT = 1 << 28;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final TimeWindow window;

    SenmlDecoder(TimeWindow window) {
        this.window = window;
    }

    /** Mutable base values that carry from one record to the next, as RFC 8428 section 4.6 says. */
    private static final class Base {
        String name = "";
        double time;
        String unit;
    }

    void decode(DeviceRef source, byte[] payload, Instant received, List<Observation> out, List<Rejection> rejected) {
        JsonNode pack;
        try {
            pack = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            rejected.add(new Rejection(RejectReason.MALFORMED_PAYLOAD, "not JSON: " + firstLine(e.getOriginalMessage())));
            return;
        } catch (IOException e) {
            rejected.add(new Rejection(RejectReason.MALFORMED_PAYLOAD, "not JSON: " + firstLine(e.getMessage())));
            return;
        }
        if (pack == null || !pack.isArray() || pack.isEmpty()) {
            rejected.add(new Rejection(RejectReason.MALFORMED_PAYLOAD, "a SenML pack is a non-empty JSON array"));
            return;
        }
        Base base = new Base();
        for (int i = 0; i < pack.size(); i++) {
            try {
                out.add(record(source, pack.get(i), base, received));
            } catch (DecodeException e) {
                rejected.add(new Rejection(e.rejection().reason(), "record " + i + ": " + e.getMessage()));
            }
        }
    }

    private Observation record(DeviceRef source, JsonNode r, Base base, Instant received) throws DecodeException {
        if (!r.isObject()) {
            throw new DecodeException(RejectReason.MALFORMED_PAYLOAD, "not a JSON object");
        }
        applyBase(r, base);
        Stream stream = stream(base.name + optionalText(r, "n", ""));
        Instant time = window.check(time(r, base), received);
        long seq = seq(r);
        checkUnit(stream, r.has("u") ? text(r, "u") : base.unit);
        if (stream.kind() == StreamKind.NUMERIC) {
            return new NumericSample(source, stream, numericValue(stream, r), time, received, seq);
        }
        return new StateSample(source, stream, stateValue(stream, r), time, received, seq);
    }

    private static void applyBase(JsonNode r, Base base) throws DecodeException {
        if (r.has("bver") && (!r.get("bver").isIntegralNumber() || r.get("bver").asInt() != 10)) {
            throw new DecodeException(RejectReason.WRONG_TYPE, "bver must be 10");
        }
        if (r.has("bn")) {
            base.name = text(r, "bn");
        }
        if (r.has("bt")) {
            base.time = number(r, "bt");
        }
        if (r.has("bu")) {
            base.unit = text(r, "bu");
        }
    }

    private static Stream stream(String name) throws DecodeException {
        if (name.isEmpty()) {
            throw new DecodeException(RejectReason.MISSING_FIELD, "no name (n)");
        }
        return Stream.byKey(name)
                .filter(s -> s.kind() != StreamKind.WAVEFORM)
                .orElseThrow(() -> new DecodeException(RejectReason.UNKNOWN_STREAM, "no numeric stream '" + name + "'"));
    }

    private static Instant time(JsonNode r, Base base) throws DecodeException {
        if (!r.has("t") && !r.has("bt")) {
            if (base.time == 0) {
                throw new DecodeException(RejectReason.MISSING_FIELD, "no time (bt or t)");
            }
        }
        double seconds = base.time + (r.has("t") ? number(r, "t") : 0);
        if (!Double.isFinite(seconds)) {
            throw new DecodeException(RejectReason.NOT_A_NUMBER, "time is " + seconds);
        }
        if (seconds < RELATIVE_TIME_LIMIT) {
            throw new DecodeException(RejectReason.BAD_TIME, "relative time " + seconds + " s: devices must send absolute times");
        }
        try {
            return Instant.EPOCH.plusNanos(Math.multiplyExact(Math.round(seconds * 1e6), 1000L));
        } catch (ArithmeticException e) { // this record alone: the pack's other records stand
            throw new DecodeException(RejectReason.BAD_TIME, "time " + seconds + " s is out of range");
        }
    }

    private static long seq(JsonNode r) throws DecodeException {
        JsonNode seq = r.get("seq");
        if (seq == null) {
            throw new DecodeException(RejectReason.MISSING_FIELD, "no sequence number (seq)");
        }
        if (!seq.isIntegralNumber() || !seq.canConvertToLong()) {
            throw new DecodeException(RejectReason.WRONG_TYPE, "seq must be an integer");
        }
        if (seq.longValue() < 0) {
            throw new DecodeException(RejectReason.OUT_OF_RANGE, "negative seq " + seq.longValue());
        }
        return seq.longValue();
    }

    private static void checkUnit(Stream stream, String unit) throws DecodeException {
        if (unit != null && !unit.equals(stream.unit())) {
            throw new DecodeException(RejectReason.WRONG_UNIT, stream.key() + " is in '" + stream.unit() + "', not '" + unit + "'");
        }
    }

    private static double numericValue(Stream stream, JsonNode r) throws DecodeException {
        if (!r.has("v")) {
            throw new DecodeException(r.has("vs") || r.has("vb") || r.has("vd") ? RejectReason.WRONG_TYPE : RejectReason.MISSING_FIELD,
                    stream.key() + " needs a numeric value (v)");
        }
        double v = number(r, "v");
        if (!Double.isFinite(v)) {
            throw new DecodeException(RejectReason.NOT_A_NUMBER, stream.key() + " is " + v);
        }
        if (!stream.accepts(v)) {
            throw new DecodeException(RejectReason.OUT_OF_RANGE, stream.key() + " " + v + " outside "
                    + stream.min() + " - " + stream.max() + " " + stream.unit());
        }
        return v;
    }

    private static String stateValue(Stream stream, JsonNode r) throws DecodeException {
        if (!r.has("vs")) {
            throw new DecodeException(r.has("v") || r.has("vb") || r.has("vd") ? RejectReason.WRONG_TYPE : RejectReason.MISSING_FIELD,
                    stream.key() + " needs a string value (vs)");
        }
        String vs = text(r, "vs");
        if (!stream.accepts(vs)) {
            throw new DecodeException(RejectReason.OUT_OF_RANGE, stream.key() + " has no state '" + abbreviate(vs) + "'");
        }
        return vs;
    }

    private static double number(JsonNode r, String field) throws DecodeException {
        JsonNode n = r.get(field);
        if (!n.isNumber()) {
            throw new DecodeException(RejectReason.WRONG_TYPE, field + " must be a number");
        }
        return n.doubleValue();
    }

    private static String text(JsonNode r, String field) throws DecodeException {
        JsonNode n = r.get(field);
        if (!n.isTextual()) {
            throw new DecodeException(RejectReason.WRONG_TYPE, field + " must be a string");
        }
        return n.textValue();
    }

    private static String optionalText(JsonNode r, String field, String fallback) throws DecodeException {
        return r.has(field) ? text(r, field) : fallback;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }
}
