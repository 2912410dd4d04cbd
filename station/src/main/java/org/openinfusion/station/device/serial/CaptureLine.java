package org.openinfusion.station.device.serial;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of a raw capture (docs/raw-capture.md): {@code <ISO-8601 instant> <RX|TX> <hex>}, hex in
 * lower case without spaces. RX is device to host, TX host to device.
 */
public record CaptureLine(Instant time, Direction direction, byte[] bytes) {
    public enum Direction { RX, TX }

    private static final HexFormat HEX = HexFormat.of();

    public CaptureLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String format() {
        return time + " " + direction + " " + HEX.formatHex(bytes);
    }

    /** Parses a line that is neither blank nor a comment. */
    public static CaptureLine parse(String line) {
        String[] p = line.trim().split(" ");
        if (p.length != 3) {
            throw new IllegalArgumentException("expected '<instant> <RX|TX> <hex>'");
        }
        try {
            return new CaptureLine(Instant.parse(p[0]), Direction.valueOf(p[1]), HEX.parseHex(p[2]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad instant '" + p[0] + "'");
        }
    }

    public static boolean isContent(String line) {
        String t = line.trim();
        return !t.isEmpty() && !t.startsWith("#");
    }
}
