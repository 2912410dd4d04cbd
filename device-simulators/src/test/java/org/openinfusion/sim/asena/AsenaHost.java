package org.openinfusion.sim.asena;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A tiny independent host side of the Asena link for tests, from device-protocols.md alone. */
final class AsenaHost {

    private AsenaHost() {
    }

    static String frame(String body) {
        return "!" + body + "|" + crc(body) + "\r";
    }

    /** The text between '!' and '|' of one frame. */
    static String body(String frame) {
        return frame.substring(frame.indexOf('!') + 1, frame.lastIndexOf('|'));
    }

    /** True when {@code frame} is {@code !body|CRC\r} with the right CRC. */
    static boolean crcOk(String frame) {
        int bar = frame.lastIndexOf('|');
        return frame.startsWith("!") && frame.endsWith("\r") && bar > 0
                && frame.substring(bar + 1, frame.length() - 1).equals(crc(body(frame)));
    }

    static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            for (int i = 7; i >= 0; i--) {
                boolean top = ((crc >> 15) & 1) != (((b & 0xFF) >> i) & 1);
                crc = ((crc << 1) & 0xFFFF) ^ (top ? 0x1021 : 0);
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }
}
