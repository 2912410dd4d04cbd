package org.openinfusion.station.clinical.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openinfusion.station.clinical.alarm.VitalCheck;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/**
 * The latest value of each vital sign a rating visit takes (VitalCheck.VISIT_STREAMS), per bed, as the devices stream
 * them to the station: which device, the value, when the station received it and when it was measured on the station's
 * clock. Fed from the station's numeric samples; single-threaded (the visit worker). Kept in memory only (docs/visits.md:
 * a value is taken only while it is seconds to minutes old, and the devices send again within that after a restart).
 *
 * <p><b>Measured at (what a value's age is judged on).</b> Each device's clock offset (receive time minus device time) is
 * learnt from its continuous values: the least seen over the last {@link #OFFSET_WINDOW}, since delivery only ever adds
 * to it (values held by the broker or the monitor while the station was away arrive late together, and the latest of
 * them would make a late cuff reading in the same flush look as fresh as its arrival).
 * A value's measured-at is then the <em>earlier</em> of its receive time and its device time corrected by that offset:
 * a cuff reading delivered late (buffered, sent again after a reconnect) is as old as the cuff says, never as fresh as its
 * arrival; and a corrected device time later than the arrival (the offset's jitter) cannot make a value younger than
 * its arrival either. Without a learnt offset (a device that sends no continuous value, or none yet) the device's own
 * clock may be off by any amount, so the receive time is used.
 */
public final class MonitorReadings {
    /**
     * One value from a device at a bed.
     *
     * @param measuredAt when it was measured on the station's clock: the earlier of {@code receivedAt} and its device
     *                   time corrected by the device's clock offset, or {@code receivedAt} when no offset is known
     */
    public record Reading(DeviceRef device, Stream stream, double value, Instant receivedAt, Instant measuredAt) {
    }

    /** How far back a device's least clock offset is taken from (a device clock set back counts fully after it). */
    static final Duration OFFSET_WINDOW = Duration.ofMinutes(10);

    private final Map<String, Map<Stream, Reading>> byBed = new TreeMap<>();
    private final Map<DeviceRef, LeastOffset> clockOffsets = new HashMap<>();

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
            while (rising.peekFirst().at().isBefore(at.minus(OFFSET_WINDOW))) {
                rising.pollFirst();
            }
        }

        Duration least() {
            return rising.peekFirst().offset();
        }
    }

    public void sample(NumericSample s) {
        if (!isCuff(s.stream())) {
            clockOffsets.computeIfAbsent(s.source(), d -> new LeastOffset())
                    .add(s.receiveTime(), Duration.between(s.deviceTime(), s.receiveTime()));
        }
        if (VitalCheck.VISIT_STREAMS.contains(s.stream().key())) {
            // a reading delivered late never replaces a later one of the stream
            byBed.computeIfAbsent(s.source().bedId(), b -> new EnumMap<>(Stream.class))
                    .merge(s.stream(), new Reading(s.source(), s.stream(), s.value(), s.receiveTime(), measuredAt(s)),
                            (was, now) -> now.measuredAt().isBefore(was.measuredAt()) ? was : now);
        }
    }

    private Instant measuredAt(NumericSample s) {
        LeastOffset offset = clockOffsets.get(s.source());
        if (offset == null) {
            return s.receiveTime();
        }
        Instant corrected = s.deviceTime().plus(offset.least());
        return corrected.isBefore(s.receiveTime()) ? corrected : s.receiveTime();
    }

    /** The cuff's values: a reading taken at one time and sent once, not a continuous value (its device time is its own). */
    private static boolean isCuff(Stream stream) {
        return stream == Stream.NIBP_SYS || stream == Stream.NIBP_DIA || stream == Stream.NIBP_MEAN;
    }

    /** The beds a device has streamed a visit's vital sign from, in order of their ids. */
    public List<String> beds() {
        return List.copyOf(byBed.keySet());
    }

    /** A bed's latest values, in the order of the visit's form. */
    public List<Reading> latest(String bedId) {
        Map<Stream, Reading> m = Optional.ofNullable(byBed.get(bedId)).orElse(Map.of());
        return VitalCheck.VISIT_STREAMS.stream().flatMap(k -> Stream.byKey(k).map(m::get).stream()).toList();
    }
}
