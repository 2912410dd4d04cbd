package org.openinfusion.station.clinical.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
 * <p><b>Measured at (what a value's age is judged on)</b> is {@link LearntClockOffsets}'s, the same as the session worker's: a
 * device's clock offset is the least seen over the last {@link LearntClockOffsets#WINDOW}, and a cuff reading is the earlier of
 * its receive time and its corrected device time.
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
    static final Duration OFFSET_WINDOW = LearntClockOffsets.WINDOW;

    private final Map<String, Map<Stream, Reading>> byBed = new TreeMap<>();
    private final LearntClockOffsets clocks = new LearntClockOffsets();

    public void sample(NumericSample s) {
        Instant measuredAt = clocks.measuredAt(s);
        if (VitalCheck.VISIT_STREAMS.contains(s.stream().key())) {
            // a reading delivered late never replaces a later one of the stream
            byBed.computeIfAbsent(s.source().bedId(), b -> new EnumMap<>(Stream.class))
                    .merge(s.stream(), new Reading(s.source(), s.stream(), s.value(), s.receiveTime(), measuredAt),
                            (was, now) -> now.measuredAt().isBefore(was.measuredAt()) ? was : now);
        }
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
