package org.openinfusion.sim.asena;

import java.nio.charset.StandardCharsets;

/** Asena framing: {@code '!' + body + '|' + CRC + '\r'}, the body being {@code COMMAND{^arg}}. */
public final class AsenaFrame {

    public static final char START = '!';
    public static final char CRC_SEPARATOR = '|';
    public static final char END = '\r';
    public static final String FIELD_SEPARATOR = "^";

    private AsenaFrame() {
    }

    public static byte[] encode(String body) {
        return encode(body, false);
    }

    /** The frame for {@code body}; with {@code corruptCrc} the CRC sent is one more than the right one. */
    public static byte[] encode(String body, boolean corruptCrc) {
        int crc = Crc16Ccitt.of(body.getBytes(StandardCharsets.US_ASCII)) + (corruptCrc ? 1 : 0);
        return (START + body + CRC_SEPARATOR + Crc16Ccitt.hex(crc) + END).getBytes(StandardCharsets.US_ASCII);
    }
}
