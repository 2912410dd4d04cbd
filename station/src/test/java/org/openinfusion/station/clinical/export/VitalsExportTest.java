package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.FakeSeries;

/** The vitals CSV and SDTM VS from a recorded session and the values its bed stored (an in-memory store). */
class VitalsExportTest {
    private final TrailBuilder.Recorded trail = ExportFixtures.trail();

    @Test
    void theVitalsCsvHasEveryStoredNumericOfTheSessionWindowAsRecorded() {
        // given the stored values of bed-01 and the session from 08:00 to 12:00
        FakeSeries store = TrailBuilder.vitals();
        List<StoredValue> inWindow = store.numerics(TrailBuilder.BED, Set.of(Stream.values()), TrailBuilder.CREATED, TrailBuilder.CLOSED);
        // when exported
        ExportFile file = ExportFixtures.export(ExportFormat.VITALS_CSV, trail.entries(), Optional.of(trail.first()), store,
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING);
        // then one row per stored value, in time order, each equal to what was stored
        assertEquals("KET-401-2026-11-22-infusion-vitals.csv", file.fileName(), "subject, day and visit: never the session id");
        CsvTable csv = CsvTable.parse(file.content());
        assertEquals(List.of("session_id", "subject_code", "bed", "time", "elapsed_from_infusion_start_s", "device", "stream",
                "mdc_code", "mdc_ref_id", "value", "unit"), csv.header());
        assertEquals(inWindow.size(), csv.rows().size());
        for (int i = 0; i < inWindow.size(); i++) {
            StoredValue v = inWindow.get(i);
            Map<String, String> row = csv.rows().get(i);
            assertEquals(v.time(), Instant.parse(row.get("time")));
            assertEquals(v.stream().key(), row.get("stream"));
            assertEquals(v.device(), row.get("device"));
            assertEquals(v.value(), Double.parseDouble(row.get("value")), row.toString());
            assertEquals(Duration.between(TrailBuilder.INFUSION_START, v.time()).toSeconds(),
                    Long.parseLong(row.get("elapsed_from_infusion_start_s")));
        }
        Map<String, String> hr = csv.only("time", "2026-11-22T09:40:03Z");
        assertEquals(Map.of("session_id", trail.first(), "subject_code", "KET-401", "bed", "bed-01", "time", "2026-11-22T09:40:03Z",
                "elapsed_from_infusion_start_s", "2403", "device", "monitor", "stream", "hr", "mdc_code", "147842",
                "mdc_ref_id", "MDC_ECG_HEART_RATE", "value", "70"), Map.copyOf(withoutUnit(hr)));
        assertEquals("/min", hr.get("unit"));
        assertEquals("11.375", csv.where(r -> r.get("time").equals("2026-11-22T09:13:00Z") && r.get("stream").equals("pump_vi"))
                .getFirst().get("value"), "52.5 mL/h for 13 minutes");
        assertTrue(csv.where("time", "2026-11-22T07:59:00Z").isEmpty(), "before the session");
        assertTrue(csv.where("time", "2026-11-22T12:00:00Z").isEmpty(), "the close ends the window");
        assertEquals("66", csv.only("time", "2026-11-22T11:59:59Z").get("value"));
        assertEquals(-899, Long.parseLong(csv.rows().getFirst().get("elapsed_from_infusion_start_s")), "before the start: negative");
    }

    private static Map<String, String> withoutUnit(Map<String, String> row) {
        Map<String, String> copy = new HashMap<>(row);
        copy.remove("unit");
        return copy;
    }

    @Test
    void aSessionStillOpenIsReadUpToNow() {
        // given the trail as it stood at 09:30, the session open
        List<AuditEntry> soFar = trail.entries().stream().filter(e -> e.time().isBefore(Instant.parse("2026-11-22T09:30:00Z"))).toList();
        Clock halfPastNine = Clock.fixed(Instant.parse("2026-11-22T09:30:00Z"), ZoneOffset.UTC);
        // when exported then
        CsvTable csv = CsvTable.parse(ExportFixtures.export(ExportFormat.VITALS_CSV, soFar, Optional.of(trail.first()),
                TrailBuilder.vitals(), InstrumentCatalog.builtIn(), halfPastNine).content());
        assertEquals("2026-11-22T09:29:59Z", csv.rows().getLast().get("time"));
    }

    @Test
    void vsHasOneRowSetPerCuffReadingWithTheNearestContinuousValuesAndPlannedTimes() {
        CsvTable vs = ExportFixtures.first(ExportFormat.SDTM_VS);
        assertEquals(List.of("STUDYID", "DOMAIN", "USUBJID", "VSSEQ", "VSGRPID", "VSTESTCD", "VSTEST", "VSORRES", "VSORRESU",
                "VSSTRESC", "VSSTRESN", "VSSTRESU", "VSLOBXFL", "VISITNUM", "VISIT", "VISITDY", "EPOCH", "VSDTC", "VSTPT", "VSTPTNUM", "VSELTM",
                "VSTPTREF", "VSRFTDTC"), vs.header());
        assertTrue(vs.rows().stream().allMatch(r -> r.get("VISITDY").equals("1")), "the session's infusion day is study day 1");
        // twelve cuff readings (08:50 to 09:45): SYSBP, DIABP, MAP, HR, PULSE, RESP, OXYSAT each but no HR at 09:45 (ECG
        // off); ETCO2 stops after 09:30
        assertEquals(12 * 7 - 1 + 9, vs.rows().size());
        assertEquals(12, vs.where("VSTESTCD", "SYSBP").size());
        assertEquals(9, vs.where("VSTESTCD", "ETCO2").size());
        Set<String> seq = new HashSet<>();
        vs.rows().forEach(r -> assertTrue(seq.add(r.get("VSSEQ")), "VSSEQ unique"));
        assertTrue(vs.rows().stream().allMatch(r -> r.get("STUDYID").equals("ketamine-naltrexone-crossover")
                && r.get("USUBJID").equals("ketamine-naltrexone-crossover-KET-401") && r.get("DOMAIN").equals("VS")
                && r.get("VSORRES").equals(r.get("VSSTRESC")) && Double.parseDouble(r.get("VSSTRESN")) == Double.parseDouble(r.get("VSORRES"))
                && r.get("VISITNUM").equals("1")));

        // the reading at 40 minutes
        List<Map<String, String>> at40 = vs.where("VSELTM", "PT40M");
        assertEquals(List.of("SYSBP", "DIABP", "MAP", "HR", "PULSE", "RESP", "OXYSAT"), at40.stream().map(r -> r.get("VSTESTCD")).toList());
        Map<String, String> sys = at40.getFirst();
        assertEquals(List.of("128", "mmHg", "2026-11-22T09:40:00", "40", "40 MIN AFTER START OF INFUSION", "START OF INFUSION",
                        "2026-11-22T09:00:00"),
                List.of(sys.get("VSORRES"), sys.get("VSORRESU"), sys.get("VSDTC"), sys.get("VSTPTNUM"), sys.get("VSTPT"),
                        sys.get("VSTPTREF"), sys.get("VSRFTDTC")));
        Map<String, String> heart = at40.get(3);
        assertEquals(List.of("Heart Rate", "70", "beats/min", "2026-11-22T09:40:03"), List.of(heart.get("VSTEST"), heart.get("VSORRES"),
                heart.get("VSORRESU"), heart.get("VSDTC")), "the ECG heart rate 3 s after the cuff, not the one 7 s before");
        Map<String, String> pulse = at40.get(4);
        assertEquals(List.of("Pulse Rate", "71", "2026-11-22T09:40:01"), List.of(pulse.get("VSTEST"), pulse.get("VSORRES"),
                pulse.get("VSDTC")), "PULSE is the oximeter's only");
        assertEquals(List.of("14", "breaths/min"), List.of(at40.get(5).get("VSORRES"), at40.get(5).get("VSORRESU")));
        assertEquals(List.of("97.5", "%"), List.of(at40.get(6).get("VSORRES"), at40.get(6).get("VSORRESU")));
        // the hypertensive reading, a reading before the start, and one where the ECG was off (no HR, the oximeter's pulse)
        assertEquals("186", vs.where(r -> r.get("VSELTM").equals("PT35M") && r.get("VSTESTCD").equals("SYSBP")).getFirst().get("VSORRES"));
        Map<String, String> before = vs.where("VSTESTCD", "SYSBP").getFirst();
        assertEquals(List.of("118", "-PT10M", "-10", "10 MIN BEFORE START OF INFUSION"),
                List.of(before.get("VSORRES"), before.get("VSELTM"), before.get("VSTPTNUM"), before.get("VSTPT")));
        Map<String, String> oximeter = vs.where(r -> r.get("VSELTM").equals("PT45M") && r.get("VSTESTCD").equals("PULSE")).getFirst();
        assertEquals(List.of("71", "2026-11-22T09:45:01"), List.of(oximeter.get("VSORRES"), oximeter.get("VSDTC")));
        assertTrue(vs.where(r -> r.get("VSELTM").equals("PT45M") && r.get("VSTESTCD").equals("HR")).isEmpty());
        assertEquals("2026-11-22T09:29:59", vs.where(r -> r.get("VSELTM").equals("PT30M") && r.get("VSTESTCD").equals("ETCO2"))
                .getFirst().get("VSDTC"), "EtCO2 within 30 s of the cuff");
        assertTrue(vs.where(r -> r.get("VSELTM").equals("PT35M") && r.get("VSTESTCD").equals("ETCO2")).isEmpty(),
                "no EtCO2 within 30 s: no row");
        assertEquals(List.of("V1 READING 11"), at40.stream().map(r -> r.get("VSGRPID")).distinct().toList());
        // every cuff reading (from 08:50) follows the first exposure (the capsule at 08:15): no last-before-exposure flag
        assertTrue(vs.rows().stream().allMatch(r -> r.get("VSLOBXFL").isEmpty()));
        Map<String, String> at35 = vs.where(r -> r.get("VSELTM").equals("PT35M") && r.get("VSTESTCD").equals("SYSBP")).getFirst();
        assertEquals(List.of("BLINDED TREATMENT", "BLINDED TREATMENT", "FOLLOW-UP", "FOLLOW-UP"), List.of(before.get("EPOCH"),
                at35.get("EPOCH"), sys.get("EPOCH"), oximeter.get("EPOCH")),
                "after the capsule, during the infusion, from its end (09:40) on");
    }

    @Test
    void theVitalsFormatsNeedAStore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFixtures.export(ExportFormat.SDTM_VS,
                trail.entries(), Optional.empty(), null, InstrumentCatalog.builtIn(), ExportFixtures.EVENING));
        assertTrue(e.getMessage().contains("sdtm-vs reads the time-series store"), e.getMessage());
    }

    @Test
    void plannedTimesAreIso8601DurationsRoundedToTheCuffInterval() {
        assertEquals("PT40M", Sdtm.duration(Duration.ofMinutes(40)));
        assertEquals("-PT5M", Sdtm.duration(Duration.ofMinutes(-5)));
        assertEquals("PT0M", Sdtm.duration(Duration.ZERO));
        assertEquals("PT1H20M", Sdtm.duration(Duration.ofMinutes(80)));
        assertEquals("PT2H", Sdtm.duration(Duration.ofHours(2)));
        assertEquals("-PT1M30.5S", Sdtm.duration(Duration.ofMillis(-90_500)));
        assertEquals(Duration.ofMinutes(40), SdtmVs.nominal(Duration.ofSeconds(40 * 60 + 130), Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(-5), SdtmVs.nominal(Duration.ofSeconds(-280), Duration.ofMinutes(5)));
        assertFalse(Sdtm.number(120.0).contains("."));
        assertEquals("0.25", Sdtm.number(0.25));
    }
}
