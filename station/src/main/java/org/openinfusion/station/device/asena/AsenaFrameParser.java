package org.openinfusion.station.device.asena;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openinfusion.station.device.Problem;

/**
 * Finds {@code !TEXT|CRC\r} frames in a byte stream, checks the CRC, and splits the text at '^'.
 * Resynchronises on every '!': bytes outside a frame, non-ASCII bytes (a baud-rate mismatch) and
 * frames cut short by a new '!' are dropped and counted. Pure and incremental. Not thread-safe.
 */
public final class AsenaFrameParser {
    public static final int MAX_FRAME = 1024;

    /** Receives frame fields and counted problems. */
    public interface Listener {
        void frame(List<String> fields);

        void problem(Problem kind, String detail);
    }

    private final byte[] buf = new byte[MAX_FRAME];
    private int length;
    private boolean inFrame;
    private boolean overflow;
    private int stray;

    public void accept(byte[] data, int offset, int count, Listener l) {
        for (int i = offset; i < offset + count; i++) {
            int b = data[i] & 0xFF;
            if (b == '!') {
                flushStray(l);
                if (inFrame) {
                    l.problem(overflow ? Problem.OVERSIZED : Problem.TRUNCATED, length + " bytes before a new '!'");
                }
                start();
            } else if (!inFrame) {
                stray += b == '\n' ? 0 : 1;
            } else if (b == '\r') {
                end(l);
            } else if (b < 0x20 || b > 0x7E) {
                inFrame = false;
                stray += length + 2;
            } else if (length == buf.length) {
                overflow = true;
            } else {
                buf[length++] = (byte) b;
            }
        }
        if (!inFrame) {
            flushStray(l);
        }
    }

    /** Forgets a partial frame (after a reconnect). */
    public void reset() {
        inFrame = false;
        stray = 0;
    }

    private void start() {
        inFrame = true;
        overflow = false;
        length = 0;
    }

    private void flushStray(Listener l) {
        if (stray > 0) {
            l.problem(Problem.STRAY_BYTES, stray + " bytes outside a frame");
            stray = 0;
        }
    }

    private void end(Listener l) {
        inFrame = false;
        if (overflow) {
            l.problem(Problem.OVERSIZED, "frame longer than " + MAX_FRAME + " bytes");
            return;
        }
        int bar = length - 5;
        if (bar < 1 || buf[bar] != '|') {
            l.problem(Problem.MALFORMED, "no '|CRC' at the end of a " + length + "-byte frame");
            return;
        }
        String crcText = new String(buf, bar + 1, 4, StandardCharsets.US_ASCII);
        int crc;
        try {
            crc = Integer.parseInt(crcText, 16);
        } catch (NumberFormatException e) {
            l.problem(Problem.MALFORMED, "CRC '" + crcText + "' is not hexadecimal");
            return;
        }
        if (crc != Crc16.of(buf, 0, bar)) {
            l.problem(Problem.BAD_CHECKSUM, "CRC " + crcText + " does not match");
            return;
        }
        l.frame(List.of(new String(buf, 0, bar, StandardCharsets.US_ASCII).split("\\^", -1)));
    }
}
