package org.openinfusion.station.device.s5;

import java.io.ByteArrayOutputStream;

/** Frames a DRI record for the wire: {@code 7E | stuffed(record, checksum) | 7E}. Pure. */
public final class S5Frames {
    public static final int FLAG = 0x7E;
    public static final int ESCAPE = 0x7D;
    /** Largest record: 40-byte header + 1450 data bytes. */
    public static final int MAX_RECORD = 1490;

    private S5Frames() {
    }

    /** 8-bit sum of the bytes. */
    public static int checksum(byte[] b, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += b[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    public static byte[] frame(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.length + 8);
        out.write(FLAG);
        for (byte b : record) {
            stuff(out, b & 0xFF);
        }
        stuff(out, checksum(record, 0, record.length));
        out.write(FLAG);
        return out.toByteArray();
    }

    private static void stuff(ByteArrayOutputStream out, int b) {
        if (b == FLAG || b == ESCAPE) {
            out.write(ESCAPE);
            out.write(b ^ 0x20);
        } else {
            out.write(b);
        }
    }
}
