package org.openinfusion.station.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.compact.RandomObservations;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.testing.Eventually;

class StorageDrainTest {
    private static final String LINES = "numeric,bed=bed-01 value=72 1\nnumeric,bed=bed-01 value=73 2\n";

    @TempDir
    Path dir;

    /** A store that is up or down as the test says, and remembers what it was given. */
    private static final class ScriptedStore implements PointWriter {
        final AtomicBoolean up = new AtomicBoolean();
        final AtomicBoolean refuse = new AtomicBoolean();
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicInteger writeAttempts = new AtomicInteger();

        @Override
        public void prepare() {
            if (!up.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
        }

        @Override
        public void write(String lineProtocol) {
            writeAttempts.incrementAndGet();
            if (!up.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
            if (refuse.get()) {
                throw new PointsRejectedException("field type conflict: value is float", null);
            }
            written.add(lineProtocol);
        }

        @Override
        public boolean ping() {
            return up.get();
        }

        @Override
        public void close() {
        }
    }

    private DurableJournal journalWithOneBatch() throws Exception {
        DurableJournal journal = DurableJournal.open(dir.resolve("buffer"), 1 << 20, 1 << 16);
        journal.append(LINES.getBytes(StandardCharsets.UTF_8)).get();
        return journal;
    }

    @Test
    void aStoreThatComesBackIsWrittenToAfterTheFirstPingThatAnswersNotAtTheEndOfTheBackOff() throws Exception {
        // given a store that is down, and a drain whose waits are counted instead of slept
        ScriptedStore store = new ScriptedStore();
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        int returnsAtPause = 20;
        StorageDrain.Pause pause = d -> {
            pauses.add(d);
            if (pauses.size() == returnsAtPause) {
                store.up.set(true);
            }
        };
        try (DurableJournal journal = journalWithOneBatch();
             StorageDrain drain = new StorageDrain(journal, store, 1 << 20, new DeadLetterFile(dir.resolve("dead.lp")), pause)) {
            // when the store comes back during the fifth back-off (4 s: sixteen probes of 250 ms)
            Eventually.waitUntil(Duration.ofSeconds(10), "the batch written", () -> journal.pendingBytes() == 0);
            // then the drain waited no probe longer: the ping that answered ended the back-off
            assertEquals(returnsAtPause, pauses.size());
            assertTrue(pauses.stream().allMatch(StorageDrain.PROBE_INTERVAL::equals), pauses.toString());
            assertEquals(List.of(LINES), store.written);
            assertTrue(drain.storeReachable());
        }
    }

    @Test
    void aStoreThatAnswersPingsButFailsWritesGetsTheWholeBackOff() throws Exception {
        // given a store that answers pings but whose first three writes fail
        ScriptedStore store = new ScriptedStore();
        store.up.set(true);
        AtomicInteger failures = new AtomicInteger(3);
        PointWriter flaky = new PointWriter() {
            @Override
            public void prepare() {
            }

            @Override
            public void write(String lineProtocol) {
                if (failures.getAndDecrement() > 0) {
                    throw new StoreUnavailableException("timeout", null);
                }
                store.write(lineProtocol);
            }

            @Override
            public boolean ping() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (DurableJournal journal = journalWithOneBatch();
             StorageDrain drain = new StorageDrain(journal, flaky, 1 << 20, new DeadLetterFile(dir.resolve("dead.lp")), pauses::add)) {
            Eventually.waitUntil(Duration.ofSeconds(10), "the batch written", () -> journal.pendingBytes() == 0);
            // then it waited 250 ms, 500 ms and 1 s in probe steps, as the back-off says
            assertEquals(1 + 2 + 4, pauses.size());
            assertEquals(List.of(LINES), store.written);
        }
    }

    @Test
    void aRefusedBatchIsFsyncedToTheDeadLetterFileBeforeTheBufferReleasesIt() throws Exception {
        // given a store that refuses the batch for good, and a dead-letter fsync that notes the buffer's state
        ScriptedStore store = new ScriptedStore();
        store.up.set(true);
        store.refuse.set(true);
        List<Long> pendingAtFsync = new CopyOnWriteArrayList<>();
        Path deadFile = dir.resolve("dead-letters").resolve("points.lp");
        try (DurableJournal journal = journalWithOneBatch()) {
            long pending = journal.pendingBytes();
            DeadLetterFile dead = new DeadLetterFile(deadFile, channel -> {
                channel.force(true);
                pendingAtFsync.add(journal.pendingBytes());
            });
            try (StorageDrain drain = new StorageDrain(journal, store, 1 << 20, dead, Thread::sleep)) {
                // when the drain delivers it
                Eventually.waitUntil(Duration.ofSeconds(10), "the batch released", () -> journal.pendingBytes() == 0);
                // then the batch was still held in the buffer when its dead letter was fsynced
                assertEquals(List.of(pending), pendingAtFsync);
                assertEquals("# refused: field type conflict: value is float\n" + LINES, Files.readString(deadFile));
                assertEquals(2, drain.deadLettered());
            }
        }
    }

    @Test
    void aDeadLetterThatCannotBeWrittenKeepsTheBatchInTheBufferAndIsWrittenWholeLater() throws Exception {
        // given a refusing store and a dead-letter file whose first fsync fails
        ScriptedStore store = new ScriptedStore();
        store.up.set(true);
        store.refuse.set(true);
        Path deadFile = dir.resolve("dead.lp");
        AtomicInteger fsyncs = new AtomicInteger();
        DeadLetterFile dead = new DeadLetterFile(deadFile, channel -> {
            if (fsyncs.getAndIncrement() == 0) {
                throw new IOException("No space left on device");
            }
            channel.force(true);
        });
        List<Long> pendingAtPause = new CopyOnWriteArrayList<>();
        try (DurableJournal journal = journalWithOneBatch();
             StorageDrain drain = new StorageDrain(journal, store, 1 << 20, dead, d -> pendingAtPause.add(journal.pendingBytes()))) {
            Eventually.waitUntil(Duration.ofSeconds(10), "the batch released", () -> journal.pendingBytes() == 0);
            // then after the failure the batch was still pending, and it is in the file exactly once
            assertTrue(pendingAtPause.getFirst() > 0);
            assertEquals(2, store.writeAttempts.get());
            assertEquals("# refused: field type conflict: value is float\n" + LINES, Files.readString(deadFile));
            assertEquals(2, drain.deadLettered());
        }
    }

    @Test
    void aJournalWrittenByTheEarlierVersionIsDrainedAfterAnUpgradeBeforeTheCompactEntriesAfterIt() throws Exception {
        // given a journal the earlier version wrote (headerless segments of line protocol), one entry already delivered
        Path buffer = dir.resolve("buffer");
        Random r = new Random(99);
        List<Observation> before = RandomObservations.of(r, 6);
        List<Observation> after = RandomObservations.of(r, 6);
        try (DurableJournal old = DurableJournal.open(buffer, 1 << 20, 1 << 16)) {
            old.append(LineProtocol.toLines(before.subList(0, 2)).getBytes(StandardCharsets.UTF_8)).get();
            old.append(LineProtocol.toLines(before.subList(2, 6)).getBytes(StandardCharsets.UTF_8)).get();
            old.commit(old.nextBatch(1, 10).getFirst().end());
        }
        ScriptedStore store = new ScriptedStore();
        store.up.set(true);
        // when the upgraded station opens it, appends compact entries and drains
        try (DurableJournal journal = DurableJournal.open(buffer, 1 << 20, 1 << 16, CompactEncoder.FORMAT)) {
            journal.append(CompactEncoder.observations(after, List.of())).get();
            journal.append(CompactEncoder.lines("audit,session=s-1 seq=1i 1764842400000000")).get();
            try (StorageDrain drain = new StorageDrain(journal, store, 1 << 20, new DeadLetterFile(dir.resolve("dead.lp")),
                    Thread::sleep)) {
                Eventually.waitUntil(Duration.ofSeconds(10), "the buffer drained", () -> journal.pendingBytes() == 0);
            }
        }
        // then the store got the old version's undelivered lines, then the same lines the new entries stand for
        assertEquals(LineProtocol.toLines(before.subList(2, 6)) + LineProtocol.toLines(after)
                + "audit,session=s-1 seq=1i 1764842400000000\n", String.join("", store.written));
    }

    @Test
    void anEntryThatDoesNotDecodeIsDeadLetteredAndTheEntriesAroundItAreStored() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.up.set(true);
        Path deadFile = dir.resolve("dead.lp");
        List<Observation> good = RandomObservations.of(new Random(5), 3);
        try (DurableJournal journal = DurableJournal.open(dir.resolve("buffer"), 1 << 20, 1 << 16, CompactEncoder.FORMAT)) {
            journal.append(CompactEncoder.observations(good.subList(0, 1), List.of())).get();
            journal.append(new byte[] {9, 9, 9}).get();
            journal.append(CompactEncoder.observations(good.subList(1, 3), List.of())).get();
            try (StorageDrain drain = new StorageDrain(journal, store, 1 << 20, new DeadLetterFile(deadFile), Thread::sleep)) {
                Eventually.waitUntil(Duration.ofSeconds(10), "the buffer drained", () -> journal.pendingBytes() == 0);
                assertEquals(1, drain.deadLettered());
            }
        }
        assertEquals(LineProtocol.toLines(good), String.join("", store.written));
        String dead = Files.readString(deadFile);
        assertTrue(dead.startsWith("# refused: durable buffer entries that do not decode (base64 of each)\n# "), dead);
        assertTrue(dead.contains("unknown entry kind 9: CQkJ\n"), dead);
    }
}
