package org.openinfusion.station.config;

import java.nio.file.Path;

/** The durable on-disk buffer between ingest and storage. */
public record BufferConfig(Path dir, long maxBytes, long segmentBytes, double warnFraction) {
    static BufferConfig from(Settings s, Path dataDir) {
        long max = s.bytes("buffer.maxBytes");
        long segment = s.bytes("buffer.segmentBytes");
        if (segment < 1 << 16 || segment > max) {
            throw s.error("buffer.segmentBytes", "must be at least 64KiB and at most buffer.maxBytes");
        }
        String dir = s.string("buffer.dir");
        return new BufferConfig(dir.isEmpty() ? dataDir.resolve("buffer") : Path.of(dir), max, segment,
                s.fraction("buffer.warnFraction"));
    }
}
