package org.openinfusion.sim.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The raw capture text format (device-simulators/README.md, "Raw capture format"): one chunk a line,
 * {@code <ISO-8601 instant> <RX|TX> <hex bytes, lower case, no spaces>}; {@code #} starts a comment line.
 */
public final class CaptureFormat {

    private static final HexFormat HEX = HexFormat.of();

    private CaptureFormat() {
    }

    public static String format(CaptureChunk chunk) {
        return chunk.at() + " " + chunk.direction() + " " + HEX.formatHex(chunk.bytes());
    }

    /** The chunk on {@code line}; empty for a comment or blank line. */
    public static Optional<CaptureChunk> parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        String[] fields = text.split("\\s+");
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected '<instant> <RX|TX> <hex>', got: " + line);
        }
        try {
            return Optional.of(new CaptureChunk(Instant.parse(fields[0]), Direction.valueOf(fields[1]),
                    HEX.parseHex(fields[2])));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad capture line: " + line + " (" + e.getMessage() + ")", e);
        }
    }

    public static List<CaptureChunk> read(Path file) throws IOException {
        List<CaptureChunk> chunks = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            try {
                parse(line).ifPresent(chunks::add);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return chunks;
    }
}
