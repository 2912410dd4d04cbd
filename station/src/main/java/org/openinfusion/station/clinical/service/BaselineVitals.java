package org.openinfusion.station.clinical.service;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/**
 * The vitals the discharge check compares (HR, NIBP systolic and diastolic): the latest per bed, and per session
 * the baseline, taken as the latest values when the baseline starts (or the first ones after it). Single-threaded.
 */
final class BaselineVitals {
    static final List<Stream> COMPARED = List.of(Stream.HR, Stream.NIBP_SYS, Stream.NIBP_DIA);

    private final Map<String, Map<Stream, Double>> latestByBed = new HashMap<>();
    private final Map<String, Map<Stream, Double>> baselineBySession = new HashMap<>();
    private final Map<String, String> sessionOnBed = new HashMap<>();

    void sample(NumericSample s) {
        if (!COMPARED.contains(s.stream())) {
            return;
        }
        String bed = s.source().bedId();
        latestByBed.computeIfAbsent(bed, b -> new EnumMap<>(Stream.class)).put(s.stream(), s.value());
        String session = sessionOnBed.get(bed);
        if (session != null) {
            baselineBySession.get(session).putIfAbsent(s.stream(), s.value());
        }
    }

    /** The baseline starts now on this bed. */
    void baseline(String bed, String sessionId) {
        sessionOnBed.put(bed, sessionId);
        Map<Stream, Double> values = new EnumMap<>(Stream.class);
        values.putAll(latest(bed));
        baselineBySession.put(sessionId, values);
    }

    /** Baseline values stop being filled in once the infusion starts. */
    void infusionStarted(String bed) {
        sessionOnBed.remove(bed);
    }

    Map<Stream, Double> latest(String bed) {
        return Map.copyOf(latestByBed.getOrDefault(bed, Map.of()));
    }

    Map<Stream, Double> baselineOf(String sessionId) {
        return Map.copyOf(baselineBySession.getOrDefault(sessionId, Map.of()));
    }
}
