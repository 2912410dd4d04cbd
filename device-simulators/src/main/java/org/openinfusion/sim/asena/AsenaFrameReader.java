package org.openinfusion.sim.asena;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the host's bytes into requests: a {@code '!'} starts one (dropping any unfinished text),
 * {@code '\r'} ends it. Text outside a frame is ignored; an over-long frame is reported malformed.
 */
final class AsenaFrameReader {

    private static final int MAX_FRAME = 256;

    /** What arrived: a checked body, a body whose CRC is wrong, or text that is no frame. */
    sealed interface Received {
        record Valid(String body) implements Received {
        }

        record BadCrc(String body) implements Received {
        }

        record Malformed(String text) implements Received {
        }
    }

    private final StringBuilder pending = new StringBuilder();
    private boolean inFrame;

    List<Received> accept(byte[] bytes) {
        List<Received> frames = new ArrayList<>(1);
        for (char c : new String(bytes, StandardCharsets.ISO_8859_1).toCharArray()) {
            if (c == AsenaFrame.START) {
                pending.setLength(0);
                inFrame = true;
            } else if (!inFrame) {
                continue;
            } else if (c == AsenaFrame.END) {
                frames.add(check(pending.toString()));
                inFrame = false;
            } else if (pending.length() == MAX_FRAME) {
                frames.add(new Received.Malformed(pending.toString()));
                inFrame = false;
            } else {
                pending.append(c);
            }
        }
        return frames;
    }

    static Received check(String text) {
        int bar = text.lastIndexOf(AsenaFrame.CRC_SEPARATOR);
        if (bar < 1 || !text.substring(bar + 1).matches("[0-9A-Fa-f]{4}")) {
            return new Received.Malformed(text);
        }
        String body = text.substring(0, bar);
        boolean good = Integer.parseInt(text.substring(bar + 1), 16) == Crc16Ccitt.of(
                body.getBytes(StandardCharsets.ISO_8859_1));
        return good ? new Received.Valid(body) : new Received.BadCrc(body);
    }
}
