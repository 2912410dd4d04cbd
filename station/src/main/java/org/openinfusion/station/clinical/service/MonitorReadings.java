package org.openinfusion.station.clinical.service;

import java.time.Duration;
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
 * learnt from its continuous values, which are current when received, as the session worker learns it for a bed's cuff.
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

    private final Map<String, Map<Stream, Reading>> byBed = new TreeMap<>();
    private final Map<DeviceRef, Duration> clockOffsets = new HashMap<>();

    public void sample(NumericSample s) {
        if (!isCuff(s.stream())) {
            clockOffsets.put(s.source(), Duration.between(s.deviceTime(), s.receiveTime()));
        }
        if (VitalCheck.VISIT_STREAMS.contains(s.stream().key())) {
            // a reading delivered late never replaces a later one of the stream
            byBed.computeIfAbsent(s.source().bedId(), b -> new EnumMap<>(Stream.class))
                    .merge(s.stream(), new Reading(s.source(), s.stream(), s.value(), s.receiveTime(), measuredAt(s)),
                            (was, now) -> now.measuredAt().isBefore(was.measuredAt()) ? was : now);
        }
    }

    private Instant measuredAt(NumericSample s) {
        Duration offset = clockOffsets.get(s.source());
        if (offset == null) {
            return s.receiveTime();
        }
        Instant corrected = s.deviceTime().plus(offset);
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
