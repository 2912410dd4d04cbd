package org.openinfusion.sim.asena;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
public final class Crc16Ccitt {

    private Crc16Ccitt() {
    }

    public static int of(byte[] bytes) {
        int crc = 0xFFFF;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** The CRC of {@code text} (ASCII) as 4 upper-case hex digits. */
    public static String hex(String text) {
        return hex(of(text.getBytes(StandardCharsets.US_ASCII)));
    }

    static String hex(int crc) {
        return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
    }
}
