package org.openinfusion.station.clinical.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/**
 * What each device's clock says against the station's, and so when a value was measured on the station's clock: one
 * estimator for every reader that judges a value's age (the session worker's cuff readings and its trail's offsets,
 * the visit worker's vital signs). Pure and single-threaded: each worker keeps its own.
 *
 * <p><b>The offset.</b> A device's clock offset (receive time minus device time) is learnt from its continuous values:
 * the least seen over the last {@link #WINDOW}, since delivery only ever adds to it (values held by the broker or the
 * monitor while the station was away arrive late together, and the latest of them would make a late cuff reading in the
 * same flush look as fresh as its arrival). A device clock set back counts fully once the window has passed.
 *
 * <p><b>Measured at.</b> A value is the <em>earlier</em> of its receive time and its device time corrected by the
 * offset: a cuff reading (taken at one time, sent once) delivered late is as old as the cuff says, never as fresh as its
 * arrival; and the offset's jitter cannot make a value younger than its arrival. Without a learnt offset (a device that
 * sends no continuous value, or none yet) the device's own clock may be off by any amount, so the receive time is used.
 * (The session worker's alarms take a continuous value as current when it arrives and ask this only of cuff readings.)
 */
public final class LearntClockOffsets {
    /** How far back a device's least clock offset is taken from. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<DeviceRef, LeastOffset> offsets = new HashMap<>();

    /** Learns from {@code s} (its device's continuous values only) and returns when it was measured. */
    public Instant measuredAt(NumericSample s) {
        learn(s);
        return offset(s.source()).map(o -> s.deviceTime().plus(o)).filter(corrected -> corrected.isBefore(s.receiveTime()))
                .orElse(s.receiveTime());
    }

    /** Learns the offset from a continuous value; a cuff reading teaches nothing (its device time is its own). */
    public void learn(NumericSample s) {
        if (!isCuff(s.stream())) {
            offsets.computeIfAbsent(s.source(), d -> new LeastOffset()).add(s.receiveTime(), Duration.between(s.deviceTime(), s.receiveTime()));
        }
    }

    /** The device's offset in effect (the least over the window), if any continuous value of it was seen. */
    public Optional<Duration> offset(DeviceRef device) {
        return Optional.ofNullable(offsets.get(device)).map(LeastOffset::least);
    }

    /** The cuff's values: a reading taken at one time and sent once, not a continuous value. */
    public static boolean isCuff(Stream stream) {
        return stream == Stream.NIBP_SYS || stream == Stream.NIBP_DIA || stream == Stream.NIBP_MEAN;
    }

    /** The least of the offsets seen over the window: a queue whose offsets rise from its head (a sliding minimum). */
    private static final class LeastOffset {
        private record Seen(Instant at, Duration offset) {
        }

        private final ArrayDeque<Seen> rising = new ArrayDeque<>();

        void add(Instant at, Duration offset) {
            while (!rising.isEmpty() && rising.peekLast().offset().compareTo(offset) >= 0) {
                rising.pollLast();
            }
            rising.addLast(new Seen(at, offset));
            while (rising.peekFirst().at().isBefore(at.minus(WINDOW))) {
                rising.pollFirst();
            }
        }

        Duration least() {
            return rising.peekFirst().offset();
        }
    }
}
