package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.MutableClock;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.protocol.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.InstrumentCatalog;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionEvent;

class ExportTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    /** A real audit trail: a session with a CADSS rating (one item not assessed) and its correction. */
    private String recordSession(Path file) throws IOException {
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService service = new SessionService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), (t, a, s, p) -> {
                try {
                    log.append(t, a, s, p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, clock, AlarmSettings.DEFAULTS);
            Session s = service.create("nurse1", "bed-01", "ketamine-buprenorphine-double-dummy", "KET-401", SubjectMeasures.weight(70), "KIT-9");
            service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            Map<String, Answer> answers = new HashMap<>();
            for (int i = 1; i <= 23; i++) {
                answers.put(String.valueOf(i), i == 7 ? Answer.notAssessed("participant asleep") : Answer.score(1));
            }
            Rating original = new Rating("r1", "cadss", null, "baseline", "nurse", "nurse1", clock.instant(), clock.instant(), answers, null);
            service.record("bed-01", original);
            answers.put("3", Answer.score(2));
            service.record("bed-01", original.correctedBy("r2", "nurse", "nurse2", clock.instant(), clock.instant(), answers,
                    "item 3 entered in the wrong row, \"2\" intended"));
            return s.id();
        }
    }

    @Test
    void ratingsCsvHasOneRowPerItemWithScoresReasonsAndTheCorrectionChain() throws IOException {
        Path audit = dir.resolve("audit.log");
        String session = recordSession(audit);
        Path out = dir.resolve("ratings.csv");
        assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "ratings-csv", "--out", out.toString()}));

        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join(",", RatingsCsv.COLUMNS), lines.getFirst());
        assertEquals(1 + 23 + 23, lines.size());
        String item7 = lines.stream().filter(l -> l.contains(",r1,") && l.contains(",7,")).findFirst().orElseThrow();
        assertTrue(item7.contains(",,participant asleep,"), item7);
        assertTrue(item7.startsWith(session + ",KET-401,ketamine-buprenorphine-double-dummy,1,baseline,cadss,,r1,nurse,nurse1,"), item7);
        assertTrue(item7.endsWith(",22,false,,,r2"), "original marked superseded by r2 with its total 22: " + item7);
        String corrected3 = lines.stream().filter(l -> l.contains(",r2,") && l.contains(",3,2,")).findFirst().orElseThrow();
        assertTrue(corrected3.contains(",r1,\"item 3 entered in the wrong row, \"\"2\"\" intended\","), corrected3);
        String all = String.join("\n", lines).toLowerCase();
        assertFalse(all.contains("buprenorphine 16") || all.contains("saline"), "no arm in the export");
    }

    @Test
    void theSessionBundleHoldsEveryEventWithItsHash() throws IOException {
        Path audit = dir.resolve("audit.log");
        String session = recordSession(audit);
        Path out = dir.resolve("bundle.json");
        assertEquals(0, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "bundle-json", "--session", session,
                "--out", out.toString()}));
        JsonNode bundle = new ObjectMapper().readTree(out.toFile());
        assertEquals("KET-401", bundle.get("session").get("subjectCode").asText());
        assertEquals(Files.readAllLines(audit).size(), bundle.get("events").size());
        assertEquals("session.created", bundle.get("events").get(0).get("type").asText());
        assertEquals(64, bundle.get("events").get(0).get("hash").asText().length());
    }

    @Test
    void aBrokenTrailIsNotExported() throws IOException {
        Path audit = dir.resolve("audit.log");
        recordSession(audit);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(audit));
        lines.set(1, lines.get(1).replace("nurse1", "nurse9"));
        Files.write(audit, lines);
        assertEquals(1, ExportMain.run(new String[] {"--audit", audit.toString(), "--format", "ratings-csv", "--out",
                dir.resolve("x.csv").toString()}));
        assertFalse(Files.exists(dir.resolve("x.csv")));
        assertEquals(2, ExportMain.run(new String[] {"--audit", audit.toString()}));
    }
}
