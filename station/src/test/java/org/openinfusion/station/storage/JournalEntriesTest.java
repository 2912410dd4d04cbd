package org.openinfusion.station.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.compact.MalformedEntryException;
import org.openinfusion.station.storage.compact.RandomObservations;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.station.storage.journal.JournalEntry;
import org.openinfusion.station.storage.journal.JournalPosition;

class JournalEntriesTest {
    private static final JournalPosition END = new JournalPosition(1, 100);

    private static String lines(JournalEntry e) {
        StringBuilder out = new StringBuilder();
        JournalEntries.appendLines(e, out);
        return out.toString();
    }

    @Test
    void aCompactEntryBecomesExactlyTheLinesTheStationWroteAsTextBeforeRevisionsIncluded() {
        Random r = new Random(4242);
        for (int round = 0; round < 300; round++) {
            List<Observation> observations = RandomObservations.of(r, 1 + r.nextInt(20));
            List<Integer> revisions = new ArrayList<>();
            observations.forEach(o -> revisions.add(r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 0));
            StoreRequest request = new StoreRequest(observations, revisions);
            JournalEntry compact = new JournalEntry(CompactEncoder.observations(observations, revisions), END, CompactEncoder.FORMAT);
            assertEquals(LineProtocol.toLines(request), lines(compact), "round " + round);
        }
    }

    @Test
    void readyMadeLinesAndEntriesOfEarlierVersionsAreTheirOwnText() {
        String audit = "audit,session=s-1 seq=3i,actor=\"nurse\" 1764842400000000\n";
        assertEquals(audit, lines(new JournalEntry(CompactEncoder.lines(audit), END, CompactEncoder.FORMAT)));
        assertEquals(audit, lines(new JournalEntry(audit.getBytes(StandardCharsets.UTF_8), END, DurableJournal.HEADERLESS)));
    }

    @Test
    void anEntryOfAnUnknownFormatIsAClearError() {
        JournalEntry unknown = new JournalEntry(new byte[] {1, 2, 3}, END, 99);
        assertEquals("durable buffer entry of unknown format 99 at 1:100",
                assertThrows(MalformedEntryException.class, () -> lines(unknown)).getMessage());
    }
}
