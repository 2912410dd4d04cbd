package org.openinfusion.station.clinical.export;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.domain.Stream;

/**
 * CDISC SDTM VS (vital signs), one row set per cuff reading: SYSBP, DIABP and MAP from the reading itself, and
 * HR (the ECG's heart rate), PULSE (the oximeter's pulse rate), RESP, OXYSAT and ETCO2 from the stored value nearest to the
 * cuff's time, when one lies within {@link #NEAREST} of it. Planned times: the reading's time from the infusion start
 * rounded to the protocol's cuff interval (VSTPTNUM in minutes, VSTPT, VSELTM); VSDTC is each value's own time.
 */
final class SdtmVs {
    static final Duration NEAREST = Duration.ofSeconds(30);
    static final List<String> COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "VSSEQ", "VSGRPID", "VSTESTCD", "VSTEST",
            "VSORRES", "VSORRESU", "VSSTRESC", "VSSTRESN", "VSSTRESU", "VISITNUM", "VISIT", "VISITDY", "VSDTC", "VSTPT", "VSTPTNUM",
            "VSELTM", "VSTPTREF", "VSRFTDTC");

    /** The VS tests written, with their CDISC test codes and units and the streams they come from (first preferred). */
    enum Test {
        SYSBP("Systolic Blood Pressure", "mmHg", Stream.NIBP_SYS),
        DIABP("Diastolic Blood Pressure", "mmHg", Stream.NIBP_DIA),
        MAP("Mean Arterial Pressure", "mmHg", Stream.NIBP_MEAN),
        /** The ECG's heart rate. */
        HR("Heart Rate", "beats/min", Stream.HR),
        /** The oximeter's pulse rate only (never the ECG's heart rate). */
        PULSE("Pulse Rate", "beats/min", Stream.PULSE_RATE),
        RESP("Respiratory Rate", "breaths/min", Stream.RESP_RATE),
        OXYSAT("Oxygen Saturation", "%", Stream.SPO2),
        /** Sponsor-defined: not in the CDISC VS test code list. */
        ETCO2("End-Tidal Carbon Dioxide", "mmHg", Stream.ETCO2);

        final String label;
        final String unit;
        final List<Stream> streams;

        Test(String label, String unit, Stream... streams) {
            this.label = label;
            this.unit = unit;
            this.streams = List.of(streams);
        }

        boolean cuff() {
            return streams.getFirst().name().startsWith("NIBP");
        }
    }

    private static final Set<Stream> STREAMS = EnumSet.of(Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN, Stream.HR,
            Stream.PULSE_RATE, Stream.RESP_RATE, Stream.SPO2, Stream.ETCO2);

    private SdtmVs() {
    }

    static Csv table(List<SessionTrail> sessions, TimeSeriesReader series, ProtocolCatalog protocols, Instant now) {
        return tables(sessions, series, protocols, now, Optional.empty()).parent();
    }

    /**
     * VS and SUPPVS. When {@code visits} is given (an export of the whole trail), the vital signs recorded at every
     * rating visit (docs/visits.md: entered by hand or taken from a monitor) follow the sessions' rows with the visit's
     * VISITNUM, VISIT and VISITDY as its ratings have in QS, no time point, EPOCH "FOLLOW-UP" after the subject's first
     * exposure and "SCREENING" before it; SUPPVS gives each such row's source (VSSRC "HAND-ENTERED" or "MONITOR" with the
     * bed and devices in VSSRCDEV) and the audit entry it comes from. Rows from the store are device values and have none.
     */
    static Sdtm.Parts tables(List<SessionTrail> sessions, TimeSeriesReader series, ProtocolCatalog protocols, Instant now,
                             Optional<StudyVisits> visits) {
        Csv csv = new Csv(COLUMNS);
        Sdtm.Sequence seq = new Sdtm.Sequence();
        Map<String, LocalDate> firstInfusion = new HashMap<>();
        sessions.forEach(s -> s.infusionStart().ifPresent(t -> firstInfusion.merge(Sdtm.usubjid(s), day(t), (a, b) -> a.isBefore(b) ? a : b)));
        for (SessionTrail s : sessions) {
            Duration every = s.protocol(protocols).vitals().nibpEvery();
            List<StoredValue> values = new DeviceClocks(s.history()).numerics(series, s.bed(), STREAMS, s.createdAt(), VitalsCsv.end(s, now));
            LocalDate first = firstInfusion.get(Sdtm.usubjid(s));
            String visitDay = first == null ? "" : String.valueOf(SubjectTimeline.studyDay(first, day(s.infusionStart().orElse(s.createdAt()))));
            int reading = 0;
            for (Map.Entry<Instant, Map<Stream, StoredValue>> cuff : cuffReadings(values).entrySet()) {
                reading++;
                Instant at = cuff.getKey();
                Optional<Duration> planned = s.infusionStart().map(start -> nominal(Duration.between(start, at), every));
                for (Test t : Test.values()) {
                    Optional<StoredValue> v = t.cuff() ? Optional.ofNullable(cuff.getValue().get(t.streams.getFirst()))
                            : nearest(values, t.streams, at);
                    if (v.isPresent()) {
                        String usubjid = Sdtm.usubjid(s);
                        String value = Sdtm.number(v.get().value());
                        csv.row(Sdtm.studyId(s), "VS", usubjid, seq.next(usubjid), "V" + Sdtm.visitNum(s) + " READING " + reading, t.name(), t.label,
                                value, t.unit, value, value, t.unit, Sdtm.visitNum(s), Sdtm.visit(s), visitDay, Sdtm.dtc(v.get().time()),
                                planned.map(SdtmVs::timePoint).orElse(""), planned.map(d -> String.valueOf(d.toMinutes())).orElse(""),
                                planned.map(Sdtm::duration).orElse(""), planned.isPresent() ? Sdtm.TPTREF : "",
                                Sdtm.dtc(s.infusionStart().orElse(null)));
                    }
                }
            }
        }
        Sdtm.Supp supp = new Sdtm.Supp("VS");
        Map<Integer, String> epochs = new HashMap<>();
        visits.ifPresent(v -> followUps(v, protocols, csv, seq, supp, Sdtm.firstExposure(sessions), epochs));
        Csv out = Sdtm.withEpoch(Sdtm.lastBeforeExposure(csv, "VS", "VSSTRESU", sessions), "VSDTC", sessions);
        return new Sdtm.Parts(Sdtm.withEpochs(out, epochs), supp.table());
    }

    /** The vital signs of every held rating visit, in timeline order, each recording a group ("P1 DAY 1 VITALS 1"). */
    private static void followUps(StudyVisits visits, ProtocolCatalog protocols, Csv csv, Sdtm.Sequence seq, Sdtm.Supp supp,
                                  Map<String, Instant> exposure, Map<Integer, String> epochs) {
        for (HeldRatingVisits.Visit v : HeldRatingVisits.of(visits, protocols)) {
                String usubjid = v.usubjid();
                int group = 0;
                // the values in effect: a physician's correction (an amendment) replaces the value it corrects, with
                // its own source (entered by hand) and audit entry; the original stays in the audit trail
                for (StudyVisits.VitalsInEffect vitals : v.session().vitalsInEffect()) {
                    group++;
                    for (StudyVisits.VitalInEffect inEffect : vitals.values()) {
                        TrailEvent.VitalReading reading = inEffect.reading();
                        String source = inEffect.source();
                        Optional<Test> test = Stream.byKey(reading.stream()).flatMap(SdtmVs::test);
                        if (test.isEmpty()) {
                            continue;
                        }
                        Test x = test.get();
                        String value = Sdtm.number(reading.value());
                        int n = seq.next(usubjid);
                        epochs.put(csv.rows().size(), exposure.get(usubjid) != null && !reading.measuredAt().isBefore(exposure.get(usubjid))
                                ? Sdtm.FOLLOW_UP : Sdtm.SCREENING);
                        csv.row(v.studyId(), "VS", usubjid, n, v.visit() + " VITALS " + group, x.name(), x.label, value, x.unit, value, value,
                                x.unit, v.visitNum(), v.visit(), v.visitDay(), Sdtm.dtc(reading.measuredAt()), "", "", "", "", "");
                        supp.add(v.studyId(), usubjid, n, "VSSRC", "Source of Result", source == null ? HAND_ENTERED : MONITOR, "ASSIGNED");
                        supp.add(v.studyId(), usubjid, n, "VSSRCDEV", "Source Bed and Devices", source, "COLLECTED");
                        supp.add(v.studyId(), usubjid, n, "VSSRCSEQ", "Source Audit Entry Sequence", String.valueOf(inEffect.seq()), "ASSIGNED");
                    }
                }
            }
    }

    static final String HAND_ENTERED = "HAND-ENTERED";
    static final String MONITOR = "MONITOR";

    /** The VS test of a station stream (its first-preferred stream). */
    private static Optional<Test> test(Stream stream) {
        for (Test t : Test.values()) {
            if (t.streams.getFirst() == stream) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** Cuff readings by time: the NIBP values of one device sharing a device time form one reading. */
    private static Map<Instant, Map<Stream, StoredValue>> cuffReadings(List<StoredValue> values) {
        Map<Instant, Map<Stream, StoredValue>> readings = new LinkedHashMap<>();
        values.stream().filter(v -> v.stream().name().startsWith("NIBP")).sorted(Comparator.comparing(StoredValue::time))
                .forEach(v -> readings.computeIfAbsent(v.time(), t -> new LinkedHashMap<>()).putIfAbsent(v.stream(), v));
        return readings;
    }

    /** The value of the first stream that has one within {@link #NEAREST} of {@code at}; the nearest, earlier on a tie. */
    private static Optional<StoredValue> nearest(List<StoredValue> values, List<Stream> streams, Instant at) {
        for (Stream stream : streams) {
            Optional<StoredValue> best = values.stream().filter(v -> v.stream() == stream)
                    .filter(v -> Duration.between(v.time(), at).abs().compareTo(NEAREST) <= 0)
                    .min(Comparator.comparing((StoredValue v) -> Duration.between(v.time(), at).abs()).thenComparing(StoredValue::time));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    /** The planned time of a reading: its elapsed time rounded to the nearest multiple of the cuff interval. */
    static Duration nominal(Duration elapsed, Duration every) {
        long steps = Math.round((double) elapsed.toMillis() / every.toMillis());
        return every.multipliedBy(steps);
    }

    static String timePoint(Duration planned) {
        long minutes = planned.toMinutes();
        if (minutes == 0) {
            return Sdtm.TPTREF;
        }
        return Math.abs(minutes) + " MIN " + (minutes > 0 ? "AFTER " : "BEFORE ") + Sdtm.TPTREF;
    }
}
