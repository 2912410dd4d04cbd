package org.openinfusion.station.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.storage.JournalEntries;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.journal.JournalEntry;
import org.openinfusion.station.storage.journal.JournalPosition;

/** A smoke-sized run of {@code bin/benchmark journal}'s profile: sizes and content, nothing timed. */
class JournalProfileTest {
    /** Frame header of the journal: u32 length, u32 CRC32C. */
    private static final int FRAME = 8;

    @Test
    void theFullBedProfileTakesAtMostSixBytesPerSampleAndComesBackAsTheSameLines() {
        List<JournalBenchmark.Message> messages = JournalBenchmark.profile(2, 10);
        long samples = 0;
        long bytes = 0;
        for (JournalBenchmark.Message m : messages) {
            byte[] entry = CompactEncoder.observations(m.observations(), List.of());
            bytes += entry.length + FRAME;
            samples += m.values();
            StringBuilder lines = new StringBuilder();
            JournalEntries.appendLines(new JournalEntry(entry, new JournalPosition(1, 8), CompactEncoder.FORMAT), lines);
            assertEquals(LineProtocol.toLines(m.observations()), lines.toString());
        }
        assertTrue(samples > 2 * 9 * 1687, "two beds of the full profile for about 10 s: " + samples);
        assertTrue((double) bytes / samples <= 6, bytes + " bytes for " + samples + " samples");
    }
}
