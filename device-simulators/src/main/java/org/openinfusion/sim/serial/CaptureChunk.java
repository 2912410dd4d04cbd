package org.openinfusion.sim.serial;

import java.time.Instant;
import java.util.Objects;

/** One line of a raw capture: bytes seen on the line at one instant, in one direction. */
public record CaptureChunk(Instant at, Direction direction, byte[] bytes) {

    public CaptureChunk {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a capture chunk holds at least one byte");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
