package org.openinfusion.sim.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes a SenML (RFC 8428) JSON pack as docs/mqtt.md specifies: the first record carries the
 * base time {@code bt} (absolute, seconds since the epoch); a record taken at another time carries
 * {@code t} relative to it; every record has {@code n}, {@code v} or {@code vs}, {@code seq}, and
 * {@code u} for numeric streams.
 */
public final class SenmlEncoder {

    private static final JsonFactory JSON = new JsonFactory();

    public byte[] encode(long baseTimeMicros, List<SenmlRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a SenML pack needs at least one record");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * records.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (int i = 0; i < records.size(); i++) {
                writeRecord(json, records.get(i), baseTimeMicros, i == 0);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SenML to memory", e);
        }
        return out.toByteArray();
    }

    private static void writeRecord(JsonGenerator json, SenmlRecord record, long baseTimeMicros, boolean first)
            throws IOException {
        json.writeStartObject();
        if (first) {
            json.writeFieldName("bt");
            json.writeNumber(seconds(baseTimeMicros));
        }
        json.writeStringField("n", record.stream().wireName());
        if (record.timeMicros() != baseTimeMicros) {
            json.writeFieldName("t");
            json.writeNumber(seconds(record.timeMicros() - baseTimeMicros));
        }
        if (record.stream().isState()) {
            json.writeStringField("vs", record.state());
        } else {
            json.writeStringField("u", record.stream().unit());
            json.writeFieldName("v");
            json.writeNumber(decimal(record.value(), record.stream().decimals()));
        }
        json.writeNumberField("seq", record.seq());
        json.writeEndObject();
    }

    /** Microseconds as plain decimal seconds: 1763800000123456 -> "1763800000.123456". */
    static String seconds(long micros) {
        return plain(BigDecimal.valueOf(micros, 6));
    }

    static String decimal(double value, int decimals) {
        return plain(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }
}
