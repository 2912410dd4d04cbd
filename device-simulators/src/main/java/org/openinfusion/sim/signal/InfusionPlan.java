package org.openinfusion.sim.signal;

import java.time.Duration;
import java.util.Objects;

/**
 * A fixed-final-volume infusion: {@code volumeMl} over {@code duration}, starting {@code startOffset}
 * after the simulation starts (clinical.md: 100 mL over 40 min runs at 150 mL/h).
 */
public record InfusionPlan(Duration startOffset, Duration duration, double volumeMl) {

    public static final Duration DEFAULT_START_OFFSET = Duration.ofMinutes(1);
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(40);
    public static final double DEFAULT_VOLUME_ML = 100.0;

    public InfusionPlan {
        Objects.requireNonNull(startOffset, "startOffset");
        Objects.requireNonNull(duration, "duration");
        if (startOffset.isNegative()) {
            throw new IllegalArgumentException("infusion start offset must not be negative: " + startOffset);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("infusion duration must be positive: " + duration);
        }
        if (!(volumeMl > 0 && volumeMl <= 10_000)) {
            throw new IllegalArgumentException("infusion volume must be in (0, 10000] mL: " + volumeMl);
        }
    }

    /** 0.5 mg/kg protocol default: 100 mL over 40 minutes, starting 1 minute into the simulation. */
    public static InfusionPlan defaults() {
        return new InfusionPlan(DEFAULT_START_OFFSET, DEFAULT_DURATION, DEFAULT_VOLUME_ML);
    }

    public InfusionPlan withStartOffset(Duration offset) {
        return new InfusionPlan(offset, duration, volumeMl);
    }

    /** Rate in mL/h: volume x 60 / minutes (1.5 V for 40 minutes). */
    public double rateMlPerHour() {
        return volumeMl * 3600.0 / durationSeconds();
    }

    public double startSeconds() {
        return startOffset.toNanos() / 1e9;
    }

    public double durationSeconds() {
        return duration.toNanos() / 1e9;
    }

    public double endSeconds() {
        return startSeconds() + durationSeconds();
    }
}
