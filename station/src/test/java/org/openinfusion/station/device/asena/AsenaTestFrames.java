package org.openinfusion.station.device.asena;

import java.nio.charset.StandardCharsets;

/** Hand-built Asena responses for tests. */
final class AsenaTestFrames {
    private AsenaTestFrames() {
    }

    /** {@code !body|CRC\r} with the CRC computed by the production CRC (itself checked against the reference vectors). */
    static byte[] frame(String body) {
        return ("!" + body + "|" + String.format("%04X", Crc16.of(body)) + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] inf(String alarm, String mode, String rate, String vi, String remaining) {
        return frame("INF^1234567^" + alarm + "^" + mode + "^" + rate + "^ml/h^x^" + vi + "^ml^12^mmHg^" + remaining + "^LOG^42");
    }
}
