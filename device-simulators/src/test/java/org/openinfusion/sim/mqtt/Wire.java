package org.openinfusion.sim.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Reads payloads back in tests, straight from the layout in docs/mqtt.md. */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** The fields of a binary chunk header (offsets 0, 1, 2, 4, 8, 16; big-endian). */
    record Header(int version, int encoding, int count, long rateMilliHertz, long firstMicros, long firstSeq) {
    }

    static Header header(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        return new Header(buffer.get(0), buffer.get(1), Short.toUnsignedInt(buffer.getShort(2)),
                Integer.toUnsignedLong(buffer.getInt(4)), buffer.getLong(8), buffer.getLong(16));
    }

    static float sample(byte[] payload, int index) {
        return ByteBuffer.wrap(payload).getFloat(24 + 4 * index);
    }

    static JsonNode senml(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
