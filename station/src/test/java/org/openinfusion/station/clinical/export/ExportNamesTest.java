package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.Written;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.SessionEvent;

/** Export file names say whose, which day and which visit, never a session's internal id. */
class ExportNamesTest {
    private static final Instant MORNING = Instant.parse("2026-12-05T08:00:00Z");
    private final List<Recorded> entries = new ArrayList<>();

    private void add(String session, TrailEvent event) {
        entries.add(new Recorded(entries.size() + 1, MORNING, "nurse1", new SessionId(session), event, new Written("t", Map.of(), "", "")));
    }

    private void created(String session, String subject, Instant at) {
        add(session, new TrailEvent.SessionStepped(new SessionEvent.Created(at, "nurse1", session, subject, SubjectMeasures.weight(70),
                "ketamine-naltrexone-crossover", 2, "KIT-1", "bed-01", OptionalInt.empty())));
    }

    @Test
    void aSessionIsNamedBySubjectDayAndVisitAndASecondOneThatDayIsNumbered() {
        created("6c0f3d2e-aaaa-4bbb-8ccc-000000000001", "KET-101", MORNING);
        created("6c0f3d2e-aaaa-4bbb-8ccc-000000000002", "KET-102", MORNING.plusSeconds(60));
        created("6c0f3d2e-aaaa-4bbb-8ccc-000000000003", "KET-101", MORNING.plusSeconds(3600));
        created("6c0f3d2e-aaaa-4bbb-8ccc-000000000004", "KET-101", MORNING.plusSeconds(86_400));
        add("visit-1", new TrailEvent.VisitStarted(MORNING.plusSeconds(7200), "KET-102", "ketamine-naltrexone-crossover", "day1", 2, null));
        add("visit-2", new TrailEvent.VisitStarted(MORNING.plusSeconds(9000), "KET-102", "ketamine-naltrexone-crossover", null, 1, "insomnia"));
        AuditHistory h = new AuditHistory(entries);

        assertEquals("KET-101-2026-12-05-infusion", ExportNames.of(h, ZoneOffset.UTC, "6c0f3d2e-aaaa-4bbb-8ccc-000000000001"));
        assertEquals("KET-101-2026-12-05-infusion-2", ExportNames.of(h, ZoneOffset.UTC, "6c0f3d2e-aaaa-4bbb-8ccc-000000000003"));
        assertEquals("KET-101-2026-12-06-infusion", ExportNames.of(h, ZoneOffset.UTC, "6c0f3d2e-aaaa-4bbb-8ccc-000000000004"));
        assertEquals("KET-102-2026-12-05-infusion", ExportNames.of(h, ZoneOffset.UTC, "6c0f3d2e-aaaa-4bbb-8ccc-000000000002"));
        assertEquals("KET-102-2026-12-05-day1-period2", ExportNames.of(h, ZoneOffset.UTC, "visit-1"));
        assertEquals("KET-102-2026-12-05-unscheduled", ExportNames.of(h, ZoneOffset.UTC, "visit-2"));
        assertFalse(ExportNames.of(h, ZoneOffset.UTC, "6c0f3d2e-aaaa-4bbb-8ccc-000000000001").contains("6c0f3d2e"));
    }

    @Test
    void aSessionCrossingMidnightUtcIsNamedByTheSiteDayAsItsRecordAddressIs() {
        // 23:30 UTC on 4 December is 00:30 on 5 December in Berlin, and 18:30 on 4 December in New York
        Instant lateUtc = Instant.parse("2026-12-04T23:30:00Z");
        created("6c0f3d2e-aaaa-4bbb-8ccc-000000000010", "KET-103", lateUtc);
        created("6c0f3d2e-aaaa-4bbb-8ccc-000000000011", "KET-103", Instant.parse("2026-12-05T09:00:00Z"));
        AuditHistory h = new AuditHistory(entries);
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertEquals("KET-103-2026-12-05-infusion", ExportNames.of(h, berlin, "6c0f3d2e-aaaa-4bbb-8ccc-000000000010"));
        assertEquals("KET-103-2026-12-05-infusion-2", ExportNames.of(h, berlin, "6c0f3d2e-aaaa-4bbb-8ccc-000000000011"));
        assertEquals("KET-103-2026-12-04-infusion", ExportNames.of(h, ZoneId.of("America/New_York"), "6c0f3d2e-aaaa-4bbb-8ccc-000000000010"));
        assertEquals("KET-103-2026-12-05-infusion", ExportNames.of(h, ZoneId.of("America/New_York"), "6c0f3d2e-aaaa-4bbb-8ccc-000000000011"));

        // the file name takes the zone of the site the export is written at
        ExportRequest request = new ExportRequest(h, Optional.of("6c0f3d2e-aaaa-4bbb-8ccc-000000000010"), null, InstrumentCatalog.builtIn(),
                ProtocolCatalog.builtIn(), Set.of());
        assertEquals("KET-103-2026-12-05-infusion-vitals.csv", Exports.fileName(ExportFormat.VITALS_CSV, request.at(new StudySite("S01", "FRA", berlin))));
        assertEquals("KET-103-2026-12-04-infusion-vitals.csv", Exports.fileName(ExportFormat.VITALS_CSV, request.at(StudySite.UNKNOWN)));
    }
}
