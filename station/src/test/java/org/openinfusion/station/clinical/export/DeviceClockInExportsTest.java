package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.testing.FakeSeries;

/**
 * A monitor whose clock is two hours behind the station's: the station records its offset in the session's trail and
 * every export shows its values at station time (without it they would fall outside the session's window and be
 * dropped).
 */
class DeviceClockInExportsTest {
    @TempDir
    Path dir;
    private final FakeSeries store = new FakeSeries();
    private List<AuditEntry> entries;
    private String session;

    @BeforeEach
    void record() throws IOException {
        try (TrailBuilder t = TrailBuilder.open(dir.resolve("audit.log"))) {
            session = t.monitorTwoHoursBehind(store);
            entries = t.entries();
        }
    }

    private ExportFile export(ExportFormat format) {
        return ExportFixtures.export(format, entries, Optional.of(session), store, InstrumentCatalog.builtIn(), ExportFixtures.EVENING);
    }

    @Test
    void theTrailRecordsTheMonitorsOffsetOnceItIsSteady() {
        List<AuditEntry> offsets = entries.stream().filter(e -> e.type().equals("device.clock_offset")).toList();
        assertEquals(1, offsets.size(), "first heard; the same offset is not written again");
        assertEquals(Map.of("at", "2026-11-22T16:05:00Z", "device", "monitor", "offsetMillis", 7_200_000L),
                Map.of("at", offsets.getFirst().payload().get("at"), "device", offsets.getFirst().payload().get("device"),
                        "offsetMillis", ((Number) offsets.getFirst().payload().get("offsetMillis")).longValue()));
        assertEquals(session, offsets.getFirst().sessionId());
    }

    @Test
    void theVitalsCsvShowsEachValueAtStationTime() {
        CsvTable csv = CsvTable.parse(export(ExportFormat.VITALS_CSV).content());
        assertEquals(13, csv.rows().size(), "11 HR and one cuff reading of two values: none dropped");
        assertEquals("2026-11-22T16:05:00Z", csv.rows().getFirst().get("time"));
        assertEquals("75", csv.rows().getFirst().get("value"));
        assertEquals("2026-11-22T16:15:00Z", csv.rows().getLast().get("time"));
        assertTrue(csv.rows().stream().allMatch(r -> r.get("time").startsWith("2026-11-22T16:")), "the device's 14:xx is not shown");
    }

    @Test
    void sdtmVsDatesTheCuffReadingAtStationTime() {
        CsvTable vs = CsvTable.parse(export(ExportFormat.SDTM_VS).content());
        assertEquals(List.of("2026-11-22T16:10:00"), vs.where("VSTESTCD", "SYSBP").stream().map(r -> r.get("VSDTC")).toList());
    }

    @Test
    void fhirObservationsAreEffectiveAtStationTime() {
        String json = new String(export(ExportFormat.FHIR_JSON).content(), StandardCharsets.UTF_8);
        Bundle b = FhirBundle.context().newJsonParser().parseResource(Bundle.class, json);
        List<Instant> times = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance)
                .map(r -> ((Observation) r).getEffectiveDateTimeType().getValue().toInstant()).sorted().toList();
        assertEquals(12, times.size(), "11 HR and one blood-pressure panel");
        assertEquals(Instant.parse("2026-11-22T16:05:00Z"), times.getFirst());
        assertEquals(Instant.parse("2026-11-22T16:15:00Z"), times.getLast());
    }

    @Test
    void offsetsInEffectFollowTheTrailAndADeviceWithoutOneIsTakenAsItIs() {
        SessionTrail s = new Trail(HistoryReader.history(entries))
                .select(Optional.of(session), Set.of()).getFirst();
        DeviceClocks clocks = new DeviceClocks(s.history());
        assertEquals(Instant.parse("2026-11-22T16:07:00Z"), clocks.corrected("monitor", Instant.parse("2026-11-22T14:07:00Z")));
        assertEquals(Instant.parse("2026-11-22T16:00:00Z"), clocks.corrected("monitor", Instant.parse("2026-11-22T14:00:00Z")),
                "before it was first heard: the first offset");
        assertEquals(Instant.parse("2026-11-22T14:07:00Z"), clocks.corrected("pump", Instant.parse("2026-11-22T14:07:00Z")));
    }
}
