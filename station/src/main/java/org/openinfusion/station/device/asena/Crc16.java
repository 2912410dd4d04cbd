package org.openinfusion.station.device.asena;

import java.nio.charset.StandardCharsets;

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
public final class Crc16 {
    private Crc16() {
    }

    public static int of(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    public static int of(String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        return of(b, 0, b.length);
    }

    /** Four upper-case hex digits, as the Asena writes them. */
    public static String hex(int crc) {
        return String.format("%04X", crc);
    }
}
