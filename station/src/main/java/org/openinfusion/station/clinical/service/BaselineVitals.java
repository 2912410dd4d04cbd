package org.openinfusion.station.clinical.service;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/**
 * The vitals the discharge check compares (HR, NIBP systolic and diastolic), with their times: the latest per bed
 * since the bed's current session was created (a new session forgets the previous one's values), and per session the
 * pre-dose values: the latest measured between the baseline step and the infusion start. At the infusion start these
 * are recorded in the audit trail (predose.vitals_recorded) and only the recorded ones are the discharge check's
 * baseline; after a restart they are read back from the trail. Single-threaded.
 */
final class BaselineVitals {
    private final Map<String, Map<Stream, DischargeCheck.Reading>> latestByBed = new HashMap<>();
    private final Map<String, Map<Stream, DischargeCheck.Reading>> baselineBySession = new HashMap<>();
    private final Map<String, String> preDoseSessionOnBed = new HashMap<>();

    void sample(NumericSample s) {
        if (!DischargeCheck.COMPARED.contains(s.stream())) {
            return;
        }
        String bed = s.source().bedId();
        DischargeCheck.Reading reading = new DischargeCheck.Reading(s.value(), s.receiveTime());
        latestByBed.computeIfAbsent(bed, b -> new EnumMap<>(Stream.class)).put(s.stream(), reading);
        String session = preDoseSessionOnBed.get(bed);
        if (session != null) {
            baselineBySession.get(session).put(s.stream(), reading);
        }
    }

    /** A session was created on this bed: values from before it (a previous participant's) are never used again. */
    void sessionCreated(String bed) {
        latestByBed.remove(bed);
        preDoseSessionOnBed.remove(bed);
    }

    /** The baseline step starts now: pre-dose values are those measured from now until the infusion starts. */
    void baseline(String bed, String sessionId) {
        preDoseSessionOnBed.put(bed, sessionId);
        baselineBySession.putIfAbsent(sessionId, new EnumMap<>(Stream.class));
    }

    /** Baseline values stop being taken once the infusion starts. */
    void infusionStarted(String bed) {
        preDoseSessionOnBed.remove(bed);
    }

    /** The values recorded in the trail as this session's pre-dose vitals (at the start, or read back after a restart). */
    void recorded(String sessionId, Map<Stream, DischargeCheck.Reading> values) {
        recordedBySession.put(sessionId, Map.copyOf(values));
    }

    boolean isRecorded(String sessionId) {
        return recordedBySession.containsKey(sessionId);
    }

    private final Map<String, Map<Stream, DischargeCheck.Reading>> recordedBySession = new HashMap<>();

    Map<Stream, DischargeCheck.Reading> latest(String bed) {
        return Map.copyOf(latestByBed.getOrDefault(bed, Map.of()));
    }

    /** This session's pre-dose values so far; empty when none were measured after its baseline step began. */
    Map<Stream, DischargeCheck.Reading> preDose(String sessionId) {
        return Map.copyOf(baselineBySession.getOrDefault(sessionId, Map.of()));
    }

    /** The discharge check's baseline: this session's recorded pre-dose values; empty until they are recorded. */
    Map<Stream, DischargeCheck.Reading> baselineOf(String sessionId) {
        return recordedBySession.getOrDefault(sessionId, Map.of());
    }
}
