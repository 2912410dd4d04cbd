package org.openinfusion.sim.s5;

import java.io.ByteArrayOutputStream;

/**
 * S/5 DRI framing: {@code 0x7E | record | checksum | 0x7E}; 0x7E and 0x7D inside (the checksum
 * included) are sent as {@code 7D 5E} and {@code 7D 5D}. The checksum is the 8-bit sum of the
 * unescaped record bytes.
 */
public final class DriFrame {

    public static final int FLAG = 0x7E;
    public static final int ESCAPE = 0x7D;
    public static final int ESCAPE_XOR = 0x20;

    private DriFrame() {
    }

    public static int checksum(byte[] record) {
        int sum = 0;
        for (byte b : record) {
            sum += b & 0xFF;
        }
        return sum & 0xFF;
    }

    public static byte[] encode(byte[] record) {
        return encode(record, false);
    }

    /** The frame for {@code record}; with {@code corruptChecksum} the checksum is one too high. */
    public static byte[] encode(byte[] record, boolean corruptChecksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.length + 8);
        out.write(FLAG);
        for (byte b : record) {
            writeStuffed(out, b & 0xFF);
        }
        writeStuffed(out, (checksum(record) + (corruptChecksum ? 1 : 0)) & 0xFF);
        out.write(FLAG);
        return out.toByteArray();
    }

    private static void writeStuffed(ByteArrayOutputStream out, int b) {
        if (b == FLAG || b == ESCAPE) {
            out.write(ESCAPE);
            out.write(b ^ ESCAPE_XOR);
        } else {
            out.write(b);
        }
    }
}
