package org.openinfusion.station.clinical.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.HistoryReader;

/**
 * The session history of the committed v1 trail (export.TrailBuilder's shared trail, written by the station before
 * the typed history): the full session (signed, then amended and unblinded) and the subject's second session.
 */
class SessionHistoryTest {
    private static AuditHistory trail() throws IOException {
        return HistoryReader.history(Path.of("src/test/resources/audit/v1-session.jsonl"));
    }

    @Test
    void aTrailHoldsItsSessionsInCreationOrderWithTheirSubjectProtocolAndBed() throws IOException {
        List<SessionHistory> sessions = trail().sessions();
        assertEquals(2, sessions.size());
        SessionHistory first = sessions.getFirst();
        assertEquals("KET-401", first.created().subjectCode());
        assertEquals("ketamine-naltrexone-crossover", first.created().protocolId());
        assertEquals("bed-01", first.created().bedId());
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), first.createdAt());
        assertEquals(Instant.parse("2026-11-22T12:00:00Z"), first.closedAt().orElseThrow());
        assertEquals(Instant.parse("2026-11-22T09:40:00Z"), first.infusionEnd().orElseThrow());
        assertTrue(first.unblinding().isPresent());
        assertFalse(sessions.get(1).unblinding().isPresent());
    }

    @Test
    void aCorrectedRatingNamesTheCorrectionThatReplacesItAndAnAmendedOneIsMarked() throws IOException {
        Map<String, RatingEntry> ratings = trail().sessions().getFirst().ratings().stream()
                .collect(Collectors.toMap(RatingEntry::id, Function.identity()));
        assertEquals("r2", ratings.get("r1").supersededBy());
        assertEquals("r10", ratings.get("r8").supersededBy());
        assertNull(ratings.get("r2").supersededBy());
        assertTrue(ratings.get("r10").amendedInReview());
        assertFalse(ratings.get("r2").amendedInReview());
    }

    @Test
    void theLastChangeIsTheLastAmendmentNotTheSignatureOrTheUnblindingAfterIt() throws IOException {
        SessionHistory first = trail().sessions().getFirst();
        long lastAmendment = first.all(TrailEvent.RecordAmended.class).getLast().entry().seq();
        assertEquals(lastAmendment, first.lastChangeSeq());
        assertTrue(first.signatures().getFirst().entry().seq() < lastAmendment);
        assertTrue(first.last().seq() > lastAmendment, "the unblinding comes after the amendments");
    }
}
