package org.openinfusion.station.storage.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableJournalTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<JournalEntry> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(new String(e.payload(), StandardCharsets.UTF_8)));
        return out;
    }

    private static List<String> drainAll(DurableJournal j) throws Exception {
        List<String> out = new ArrayList<>();
        List<JournalEntry> batch;
        while (!(batch = j.nextBatch(1 << 20, 10)).isEmpty()) {
            out.addAll(texts(batch));
            j.commit(batch.getLast().end());
        }
        return out;
    }

    @Test
    void appendedEntriesAreReadBackInOrderOnceDurable() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            for (int i = 0; i < 100; i++) {
                j.append(bytes("entry " + i)).get();
            }
            List<String> read = drainAll(j);
            assertEquals(100, read.size());
            assertEquals("entry 0", read.getFirst());
            assertEquals("entry 99", read.getLast());
            assertEquals(0, j.pendingBytes());
        }
    }

    @Test
    void uncommittedEntriesAreReadAgainAfterReopening() throws Exception {
        // given entries appended, some read and committed, the rest read but not committed
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            for (int i = 0; i < 10; i++) {
                j.append(bytes("e" + i)).get();
            }
            List<JournalEntry> batch = j.nextBatch(1 << 20, 10);
            j.commit(batch.get(3).end());
        }
        // when the journal is opened again (as after a crash)
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            // then reading resumes right after the last commit
            assertEquals(List.of("e4", "e5", "e6", "e7", "e8", "e9"), drainAll(j));
        }
    }

    @Test
    void rewindRereadsFromTheLastCommit() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            j.append(bytes("a")).get();
            j.append(bytes("b")).get();
            assertEquals(List.of("a", "b"), texts(j.nextBatch(1 << 20, 10)));
            j.rewindToCommitted();
            assertEquals(List.of("a", "b"), texts(j.nextBatch(1 << 20, 10)));
        }
    }

    @Test
    void aTornWriteAtTheEndIsCutOffOnReopen() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            j.append(bytes("whole")).get();
        }
        Path segment = Segments.path(dir, Segments.list(dir).getLast());
        // a crash in the middle of a frame: a header promising 100 bytes, then only 3
        Files.write(segment, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 9, 9, 9}, StandardOpenOption.APPEND);
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            assertEquals(List.of("whole"), drainAll(j));
            j.append(bytes("after")).get();
            assertEquals(List.of("after"), drainAll(j));
        }
    }

    @Test
    void aCorruptedFrameIsNeverDeliveredAsData() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            j.append(bytes("good")).get();
            j.append(bytes("flipped")).get();
        }
        Path segment = Segments.path(dir, Segments.list(dir).getLast());
        byte[] all = Files.readAllBytes(segment);
        all[all.length - 1] ^= 0x55;
        Files.write(segment, all);
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            assertEquals(List.of("good"), drainAll(j));
        }
    }

    @Test
    void aDamagedFrameInTheMiddleLosesOnlyItselfNotTheFramesAfterIt() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            j.append(bytes("first")).get();
            j.append(bytes("second")).get();
            j.append(bytes("third")).get();
        }
        Path segment = Segments.path(dir, Segments.list(dir).getLast());
        byte[] all = Files.readAllBytes(segment);
        int secondPayload = (Segments.FRAME_HEADER + 5) + Segments.FRAME_HEADER;
        all[secondPayload] ^= 0x55;
        Files.write(segment, all);
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            // recovery keeps the intact third frame; the reader steps over the damaged second one
            assertEquals(List.of("first", "third"), drainAll(j));
        }
    }

    @Test
    void aFullBufferRefusesNewEntriesUntilCommitFreesSpace() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1000, 1 << 16)) {
            j.append(new byte[600]).get();
            ExecutionException full = assertThrows(ExecutionException.class, () -> j.append(new byte[600]).get());
            assertInstanceOf(BufferFullException.class, full.getCause());
            List<JournalEntry> batch = j.nextBatch(1 << 20, 10);
            j.commit(batch.getLast().end());
            j.append(new byte[600]).get();
            assertEquals(608, j.pendingBytes());
        }
    }

    @Test
    void segmentsRollAndDeliveredOnesAreDeleted() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 10 << 20, 1 << 16)) {
            for (int i = 0; i < 300; i++) {
                j.append(new byte[1000]).get();
            }
            assertTrue(Segments.list(dir).size() >= 4, "segments: " + Segments.list(dir));
            assertEquals(300, drainAll(j).size());
            assertEquals(1, Segments.list(dir).size());
        }
    }

    @Test
    void concurrentAppendersAreAllDurableAndNoneIsLost() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 10 << 20, 1 << 16)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 500; i++) {
                        j.append(bytes(id + ":" + i)).join();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            List<String> all = drainAll(j);
            assertEquals(2000, all.size());
            assertEquals(2000, all.stream().distinct().count());
        }
    }

    @Test
    void aZeroFilledTailIsNotReadAsEmptyEntries() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            j.append(bytes("real")).get();
        }
        Path segment = Segments.path(dir, Segments.list(dir).getLast());
        Files.write(segment, new byte[64], StandardOpenOption.APPEND);
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            assertEquals(List.of("real"), drainAll(j));
            ExecutionException empty = assertThrows(ExecutionException.class, () -> j.append(new byte[0]).get());
            assertInstanceOf(IllegalArgumentException.class, empty.getCause());
        }
    }

    @Test
    void aDamagedCheckpointIsReportedNotIgnored() throws IOException {
        Files.writeString(dir.resolve("checkpoint"), "garbage");
        assertThrows(IOException.class, () -> DurableJournal.open(dir, 1 << 20, 1 << 16));
    }

    @Test
    void aSegmentThatCannotBeOpenedRefusesOnlyThatBatchAndTheJournalCarriesOnAfterwards() throws Exception {
        // given a journal with tiny segments, whose next two segment files are blocked by directories of the same name
        List<String> accepted = new ArrayList<>();
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 64)) {
            j.append(bytes("first entry fills the first segment beyond 64 bytes......................")).get();
            accepted.add("first entry fills the first segment beyond 64 bytes......................");
            Path blocked1 = Files.createDirectory(Segments.path(dir, 2));
            Path blocked2 = Files.createDirectory(Segments.path(dir, 3));

            // when the roll to a new segment fails
            ExecutionException refused = assertThrows(ExecutionException.class, () -> j.append(bytes("refused")).get());
            assertInstanceOf(IOException.class, refused.getCause(), "the caller is told the entry is not durable");

            // then, once the disk allows it again, the next entries are durable and read back in order
            Files.delete(blocked1);
            Files.delete(blocked2);
            for (int i = 0; i < 5; i++) {
                j.append(bytes("after " + i)).get();
                accepted.add("after " + i);
            }
            assertEquals(accepted, drainAll(j));
        }
        // and a reopened journal (after a crash) finds nothing pending and nothing lost
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 64)) {
            j.append(bytes("after reopen")).get();
            assertEquals(List.of("after reopen"), drainAll(j));
        }
    }

    // Segments with a version marker (the station writes its compact entries so; docs/storage.md, "Durable buffer")

    private static final int FORMAT = 7;

    private static List<Integer> formats(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::format).toList();
    }

    @Test
    void aVersionedSegmentStartsWithItsMarkerAndItsEntriesCarryItsFormat() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            j.append(bytes("a")).get();
            j.append(bytes("b")).get();
            byte[] file = Files.readAllBytes(Segments.path(dir, Segments.list(dir).getLast()));
            assertEquals(Segments.HEADER + 2 * (Segments.FRAME_HEADER + 1), file.length);
            assertEquals(0x89, file[0] & 0xFF);
            assertEquals(FORMAT, file[7]);
            List<JournalEntry> batch = j.nextBatch(1 << 20, 10);
            assertEquals(List.of("a", "b"), texts(batch));
            assertEquals(List.of(FORMAT, FORMAT), formats(batch));
            j.commit(batch.getLast().end());
            assertEquals(0, j.pendingBytes(), "the marker's bytes are counted once and freed with the segment");
        }
    }

    @Test
    void uncommittedVersionedEntriesAreReadAgainAfterReopeningAndSegmentsRoll() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 10 << 20, 1 << 12, FORMAT)) {
            for (int i = 0; i < 100; i++) {
                j.append(bytes("entry " + i + " " + "x".repeat(100))).get();
            }
            assertTrue(Segments.list(dir).size() >= 3, "segments: " + Segments.list(dir));
            j.commit(j.nextBatch(500, 10).getLast().end());
            List<JournalEntry> readNotCommitted = j.nextBatch(2000, 10);
            assertTrue(texts(readNotCommitted).getFirst().startsWith("entry 5 "), texts(readNotCommitted).getFirst());
        }
        try (DurableJournal j = DurableJournal.open(dir, 10 << 20, 1 << 12, FORMAT)) {
            List<String> rest = drainAll(j);
            assertEquals(100 - 5, rest.size());
            assertTrue(rest.getFirst().startsWith("entry 5 "), rest.getFirst());
            assertEquals(0, j.pendingBytes());
        }
    }

    @Test
    void aTornWriteAfterAVersionMarkerIsCutOffOnReopen() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            j.append(bytes("kept")).get();
        }
        Path segment = Segments.path(dir, Segments.list(dir).getLast());
        Files.write(segment, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 9, 9, 9}, StandardOpenOption.APPEND);
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            assertEquals(Segments.HEADER + Segments.FRAME_HEADER + 4, Files.size(segment));
            assertEquals(List.of("kept"), drainAll(j));
        }
    }

    @Test
    void aSegmentCutInsideItsVersionMarkerIsEmptiedAndTheJournalCarriesOn() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            j.append(bytes("before")).get();
        }
        Path torn = Segments.path(dir, Segments.list(dir).getLast() + 1);
        Files.write(torn, Arrays.copyOf(Segments.header(FORMAT).array(), 5));
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            assertEquals(0, Files.size(torn));
            j.append(bytes("after")).get();
            assertEquals(List.of("before", "after"), drainAll(j));
        }
    }

    @Test
    void aDamagedFrameInAVersionedSegmentLosesOnlyItself() throws Exception {
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            j.append(bytes("first")).get();
            j.append(bytes("second")).get();
            j.append(bytes("third")).get();
        }
        Path segment = Segments.path(dir, Segments.list(dir).getLast());
        byte[] all = Files.readAllBytes(segment);
        all[Segments.HEADER + Segments.FRAME_HEADER + 5 + Segments.FRAME_HEADER] ^= 0x55;
        Files.write(segment, all);
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            assertEquals(List.of("first", "third"), drainAll(j));
        }
    }

    @Test
    void segmentsOfAnEarlierVersionAreStillDrainedAfterAnUpgradeThenTheNewOnes() throws Exception {
        try (DurableJournal old = DurableJournal.open(dir, 1 << 20, 1 << 16)) {
            old.append(bytes("old 1")).get();
            old.append(bytes("old 2")).get();
            List<JournalEntry> one = old.nextBatch(1, 10);
            old.commit(one.getLast().end());
        }
        try (DurableJournal j = DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT)) {
            j.append(bytes("new 1")).get();
            List<JournalEntry> all = new ArrayList<>();
            List<JournalEntry> batch;
            while (!(batch = j.nextBatch(1 << 20, 10)).isEmpty()) {
                all.addAll(batch);
                j.commit(batch.getLast().end());
            }
            assertEquals(List.of("old 2", "new 1"), texts(all));
            assertEquals(List.of(DurableJournal.HEADERLESS, FORMAT), formats(all));
            assertEquals(0, j.pendingBytes());
        }
    }

    @Test
    void aSegmentOfAnUnknownLayoutIsReportedNotMisread() throws Exception {
        Files.write(Segments.path(dir, 1), new byte[] {(byte) 0x89, 'J', 'R', 'N', 0, 9, 0, 1});
        assertThrows(IOException.class, () -> DurableJournal.open(dir, 1 << 20, 1 << 16, FORMAT));
    }
}
