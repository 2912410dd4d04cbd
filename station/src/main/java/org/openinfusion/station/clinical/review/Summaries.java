package org.openinfusion.station.clinical.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionRecord.BloodPressure;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.Stream;

/**
 * The session summary in the spirit of the esketamine monitoring form (docs/review.md, "Summary"). Pure.
 *
 * <ul>
 *   <li>Blood pressure: a cuff reading is a stored systolic and diastolic value with the same device time.
 *   Pre-dose: the last reading at or before the infusion start; at 40 minutes: the reading nearest to start + 40 min,
 *   within {@link #NEAR} either side; at the end: the reading nearest to the end of infusion, within {@link #NEAR}.</li>
 *   <li>Peak dissociation: the highest total of the effective (not superseded) CADSS ratings of the full form taken
 *   after the infusion start (clinical.md: CADSS peaks at the end of the infusion; the baseline is the reference it
 *   rises from, never the peak); only when there is none, of a short form (named in {@code peakDissociationForm}:
 *   "CADSS" or e.g. "CADSS-6"). A rating counts when it was finished at or after the infusion start at a time point that
 *   is not a pre-dose one ({@code preDose}: the protocol's time points timed from the session start or the
 *   pretreatment), so a baseline rated late is still no peak. None after the start (no infusion, or only baseline
 *   ratings): no peak. Ties go to the earlier rating.</li>
 *   <li>Lowest sedation: the lowest effective MOAA/S score.</li>
 *   <li>Minutes monitored: from the first to the last stored vital sign (HR, SpO2, EtCO2, RR, NIBP) in the session;
 *   without stored vitals (store down, or none recorded) from creation to close; null while open.</li>
 *   <li>Counts: alarms raised, adverse-event markers (nausea, vomiting, emergence reaction, anxiety, headache),
 *   infusion deviations.</li>
 * </ul>
 */
final class Summaries {
    /** How far from its target time a cuff reading may be to count as "at 40 minutes" or "at the end". */
    static final Duration NEAR = Duration.ofMinutes(5);
    private static final List<Stream> VITALS = List.of(Stream.HR, Stream.SPO2, Stream.ETCO2, Stream.RESP_RATE, Stream.NIBP_SYS,
            Stream.NIBP_DIA, Stream.NIBP_MEAN);

    private Summaries() {
    }

    /** @param preDose the protocol's pre-dose (baseline) time points, whose ratings are never a peak */
    static SessionRecord.Summary of(SessionEntries s, List<RatingRecord> ratings, Map<Stream, List<StoredValue>> values,
                                    InstrumentCatalog instruments, Set<String> preDose) {
        List<BloodPressure> cuff = readings(values);
        Instant start = s.infusionStart();
        Instant end = s.when(SessionEvent.InfusionCompleted.class);
        BloodPressure pre = start == null ? null
                : cuff.stream().filter(r -> !r.at().isAfter(start)).reduce((a, b) -> b).orElse(null);
        BloodPressure at40 = start == null ? null : nearest(cuff, start.plus(Duration.ofMinutes(40)));
        BloodPressure atEnd = end == null ? null : nearest(cuff, end);

        // Only complete ratings in effect: a total of the items that were assessed is not a total of the scale.
        List<RatingRecord> effective = ratings.stream().filter(r -> r.supersededBy() == null && r.total() != null
                && r.items().stream().allMatch(i -> i.value() != null)).toList();
        List<RatingRecord> cadss = effective.stream().filter(r -> r.instrumentId().equals("cadss"))
                .filter(r -> start != null && !r.finishedAt().isBefore(start) && !preDose.contains(r.timePoint())).toList();
        List<RatingRecord> full = cadss.stream().filter(r -> r.form().equals("cadss")).toList();
        Optional<RatingRecord> peak = (full.isEmpty() ? cadss : full).stream()
                .max(Comparator.comparingInt(RatingRecord::total).thenComparing(RatingRecord::finishedAt, Comparator.reverseOrder()));
        Integer lowestMoaas = effective.stream().filter(r -> r.instrumentId().equals("moaas")).map(RatingRecord::total)
                .min(Integer::compare).orElse(null);

        Instant ready = s.when(SessionEvent.ReadyForDischarge.class);
        return new SessionRecord.Summary(pre, at40, atEnd, peak.map(RatingRecord::total).orElse(null),
                peak.map(r -> formName(instruments, r.instrumentId(), r.form())).orElse(null), peak.map(RatingRecord::timePoint).orElse(null), lowestMoaas,
                minutesMonitored(s, values), ready, start == null || ready == null ? null : Duration.between(start, ready).toMinutes(),
                s.history().alarms(AlarmEvent.Kind.RAISED).size(), adverseEvents(s.history()), deviations(s.history()));
    }

    /** Adverse events staff recorded (one per id, however often updated); a marker (nausea...) is not one until recorded. */
    private static int adverseEvents(SessionHistory s) {
        return s.adverseEvents().size();
    }

    private static int deviations(SessionHistory s) {
        return (int) s.all(TrailEvent.InfusionChanged.class).stream().filter(f -> f.event().change() instanceof InfusionEvent.Deviation).count();
    }

    /** Systolic and diastolic values stored with the same time, in time order. */
    static List<BloodPressure> readings(Map<Stream, List<StoredValue>> values) {
        Map<Instant, Double> dia = new HashMap<>();
        values.getOrDefault(Stream.NIBP_DIA, List.of()).forEach(v -> dia.put(v.time(), v.value()));
        List<BloodPressure> out = new ArrayList<>();
        for (StoredValue sys : values.getOrDefault(Stream.NIBP_SYS, List.of())) {
            Double d = dia.get(sys.time());
            if (d != null) {
                out.add(new BloodPressure(sys.time(), sys.value(), d));
            }
        }
        out.sort(Comparator.comparing(BloodPressure::at));
        return out;
    }

    private static BloodPressure nearest(List<BloodPressure> cuff, Instant target) {
        return cuff.stream().filter(r -> Duration.between(r.at(), target).abs().compareTo(NEAR) <= 0)
                .min(Comparator.comparing(r -> Duration.between(r.at(), target).abs())).orElse(null);
    }

    private static Long minutesMonitored(SessionEntries s, Map<Stream, List<StoredValue>> values) {
        List<Instant> times = VITALS.stream().flatMap(st -> values.getOrDefault(st, List.of()).stream()).map(StoredValue::time).sorted().toList();
        if (!times.isEmpty()) {
            return Duration.between(times.getFirst(), times.getLast()).toMinutes();
        }
        return s.closed() ? Duration.between(s.createdAt(), s.closedAt()).toMinutes() : null;
    }

    /** A form's display name: the instrument's label ("CADSS") for the full form, else the short form's ("CADSS-6"). */
    static String formName(InstrumentCatalog instruments, String instrumentId, String form) {
        boolean full = form == null || form.equals(instrumentId);
        try {
            var i = instruments.get(instrumentId);
            return full ? i.label() : i.shortForm(form).map(f -> f.name()).orElse(form);
        } catch (NoSuchElementException e) {
            return full ? instrumentId : form;
        }
    }
}
