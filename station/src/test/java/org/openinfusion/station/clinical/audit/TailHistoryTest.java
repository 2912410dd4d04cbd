package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;

class TailHistoryTest {
    private static final String PROTOCOL = "ketamine-buprenorphine-double-dummy";
    @TempDir
    Path dir;

    @Test
    void theTailReadsOnlyWhatWasAppendedKeepsItsHistoryWhileNothingWasAndGivesTheSameTimelinesAsReadingTheWholeFile() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            TailHistory tail = new TailHistory(new AuditTail(file));
            VisitService incremental = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log), tail, clock,
                    ZoneId.of("UTC"));
            VisitService whole = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log),
                    AuditFileTrail.reader(file), clock, ZoneId.of("UTC"));
            incremental.handle("nurse1", new VisitCommand.Enrol("KET-071", PROTOCOL, LocalDate.of(2026, 3, 1)));
            AuditHistory first = tail.get();
            assertSame(first, tail.get(), "nothing appended: the same history (and the visits derived from it)");
            clock.advance(Duration.ofMinutes(5));
            String visit = incremental.handle("nurse1", new VisitCommand.StartUnscheduled("KET-071", PROTOCOL, 1, "asked to be seen")).visitSessionId();
            incremental.handle("nurse1", new VisitCommand.AddNote(visit, "calm"));
            AuditHistory later = tail.get();
            assertNotSame(first, later);
            assertEquals(AuditFileTrail.reader(file).get().entries(), later.entries(), "the entries a whole read gives, in trail order");
            assertEquals(whole.timeline("KET-071", PROTOCOL, whole.today()), incremental.timeline("KET-071", PROTOCOL, incremental.today()));
            assertEquals(whole.daySheet(whole.today()), incremental.daySheet(incremental.today()));
        }
    }
}
