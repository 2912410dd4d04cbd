package org.openinfusion.station.device.asena;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a read-only {@link AsenaQuery} as {@code !COMMAND|CRC\r}. Its only input is the query enum:
 * no free text, no arguments, so programming commands cannot be encoded. Pure.
 */
public final class AsenaEncoder {
    private AsenaEncoder() {
    }

    public static byte[] encode(AsenaQuery query) {
        String body = query.name();
        return ("!" + body + "|" + Crc16.hex(Crc16.of(body)) + "\r").getBytes(StandardCharsets.US_ASCII);
    }
}
