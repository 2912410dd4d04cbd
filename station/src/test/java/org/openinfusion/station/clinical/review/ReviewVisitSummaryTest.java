package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.station.testing.ReviewScenario;

/**
 * The "Study visits summary" downloaded from a session's review record is the subject's whole timeline: the try-out
 * got only the header, because the review gave the export the session's own entries, without the subject's enrolment
 * (a station-wide entry) and rating visits (sessions with no bed).
 */
class ReviewVisitSummaryTest {
    private static final Principal DR = new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME);
    @TempDir
    Path dir;
    private ReviewScenario scenario;

    @AfterEach
    void close() throws IOException {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void aSessionsVisitSummaryHoldsTheSubjectsScreeningVisit() throws IOException {
        scenario = new ReviewScenario(dir);
        Instant start = Instant.parse("2026-11-22T08:00:00Z");
        scenario.clock.set(start);
        VisitService visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), scenario.audit,
                AuditFileTrail.reader(scenario.file), scenario.clock, ZoneOffset.UTC);
        visits.handle("rater1", new VisitCommand.Enrol("KET-601", ReviewScenario.PROTOCOL, LocalDate.of(2026, 11, 22)));
        String screening = visits.handle("rater1", new VisitCommand.StartVisit("KET-601", ReviewScenario.PROTOCOL, "screening", 1))
                .visitSessionId();
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(Math.min(1, i.max()))));
        visits.handle("rater1", new VisitCommand.RecordRating(screening, new Rating("r-scr", "hamd17", null, "screening", "research_rater",
                "rater1", start, start.plusSeconds(600), answers, null)));
        visits.handle("rater1", new VisitCommand.Complete(screening));
        String session = scenario.quickRatedSession("bed-01", "KET-601", start.plusSeconds(3600));

        byte[] csv = scenario.review().export(DR, new ReviewRequest.Export(session, null, ExportFormat.VISITS_CSV, null, null)).content();
        List<String> lines = Arrays.asList(new String(csv, StandardCharsets.UTF_8).split("\r?\n"));
        List<String> header = List.of(lines.getFirst().split(","));
        List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(l -> {
            String[] cells = l.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            return row;
        }).toList();
        Map<String, String> scr = rows.stream().filter(r -> r.get("visit_id").equals("screening") && r.get("measure").equals("hamd17"))
                .findFirst().orElseThrow(
                () -> new AssertionError("no screening row in\n" + String.join("\n", lines)));
        assertEquals("KET-601", scr.get("subject_code"));
        assertEquals("DONE", scr.get("status"));
        assertEquals("17", scr.get("value"), "17 HAM-D17 items, each 1");
        assertEquals(screening, scr.get("visit_session_id"));
        assertEquals(List.of("KET-601"), rows.stream().map(r -> r.get("subject_code")).distinct().toList(), "that subject only");
    }
}
