package org.openinfusion.station.clinical.service;

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
 * them to the station: which device, the value, and when the station received it (station time, as the bedside alarms
 * age a value). Fed from the station's numeric samples; single-threaded (the visit worker). Keeps nothing else.
 */
public final class MonitorReadings {
    /** One value from a device at a bed. */
    public record Reading(DeviceRef device, Stream stream, double value, Instant receivedAt) {
    }

    private final Map<String, Map<Stream, Reading>> byBed = new TreeMap<>();

    public void sample(NumericSample s) {
        if (VitalCheck.VISIT_STREAMS.contains(s.stream().key())) {
            byBed.computeIfAbsent(s.source().bedId(), b -> new EnumMap<>(Stream.class))
                    .put(s.stream(), new Reading(s.source(), s.stream(), s.value(), s.receiveTime()));
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
