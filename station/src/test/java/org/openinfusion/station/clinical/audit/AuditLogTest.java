package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.testing.SmallDisk;

class AuditLogTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00.123456789Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    /** The log's file in {@link #dir}. */
    Path file;
    /** A 1 MiB disk for the tests that fill it ({@link #onSmallDisk}). */
    final SmallDisk disk = new SmallDisk(1 << 20);

    @BeforeEach
    void file() {
        file = dir.resolve("audit.jsonl");
    }

    /** An fsync that makes the file durable, then notes what it held at that moment in {@code atSync}. */
    private AuditLog.Fsync recording(List<String> atSync) {
        return channel -> {
            channel.force(true);
            atSync.add(Files.readString(file));
        };
    }

    /** The log opened on {@link #disk} with {@code fsync}. */
    private AuditLog onSmallDisk(AuditLog.Fsync fsync) throws IOException {
        return AuditLog.open(file, CLOCK, fsync, disk::open);
    }

    @Test
    void entriesAreChainedFromTheGenesisHashOneLinePerEntry() throws IOException {
        // given a new log
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            // when two events are appended
            AuditEntry first = log.append("session.started", "u-17", "S-001", Map.of("subject", "K-042"));
            AuditEntry second = log.append("rating.recorded", "u-17", "S-001", Map.of("instrument", "cadss"));
            // then they are numbered from 1, chained, and timed by the clock in distinct microseconds
            assertEquals(1, first.seq());
            assertEquals("0".repeat(64), first.previousHash());
            assertEquals(first.hash(), second.previousHash());
            assertEquals(Instant.parse("2026-11-22T10:00:00.123456Z"), first.time());
            assertEquals(Instant.parse("2026-11-22T10:00:00.123457Z"), second.time());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.getFirst().startsWith("{\"actor\":\"u-17\",\"hash\":\""), lines.getFirst());
        assertTrue(AuditVerifier.verify(file).intact());
    }

    @Test
    void reopeningVerifiesAndContinuesTheChain() throws IOException {
        // given a log with one entry, closed
        AuditEntry first;
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            first = log.append("station.started", "station", null, Map.of());
        }
        // when it is reopened and appended to
        AuditEntry second;
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            assertEquals(1, log.size());
            second = log.append("station.stopped", "station", null, Map.of("reason", "shutdown"));
        }
        // then the chain continues
        assertEquals(2, second.seq());
        assertEquals(first.hash(), second.previousHash());
        assertEquals(2, AuditVerifier.verify(file).entries());
    }

    @Test
    void appendReturnsOnlyAfterTheLineIsFsyncedAndGivesItsLineEndOnlyThen() throws IOException {
        // given a log whose fsync records what the file held at that moment
        List<String> atSync = new ArrayList<>();
        try (AuditLog log = AuditLog.open(file, CLOCK, recording(atSync))) {
            // when an entry is appended
            AuditEntry e = log.append("alarm.acknowledged", "u-3", "S-001", Map.of("alarm", "HR_HIGH"));
            // then the complete line was written before the sync, without its line end (readers of whole lines
            // cannot see it yet), and the line end followed once it was durable
            assertEquals(List.of(e.toLine()), atSync);
            assertEquals(e.toLine() + "\n", Files.readString(file));
        }
    }

    @Test
    void aFailedFsyncIsReportedUndoneAndTheNextAppendWritesAgain() throws IOException {
        // given a log whose disk fails on the first sync only
        int[] syncs = {0};
        AuditLog.Fsync failingOnce = channel -> {
            if (syncs[0]++ == 0) {
                throw new IOException("disk gone");
            }
            channel.force(true);
        };
        List<String> told = new ArrayList<>();
        try (AuditLog log = AuditLog.open(file, CLOCK, failingOnce)) {
            log.onStatusChange((available, reason) -> told.add(available + " " + reason));
            // when appending fails
            assertThrows(AuditUnavailableException.class, () -> log.append("a.b", "u-1", null, Map.of()));
            // then the log says so, and the entry the caller was told had failed is not in the file
            assertEquals(false, log.available());
            assertEquals(0, Files.size(file));
            // and the next append reopens the file, records the gap and writes
            AuditEntry next = log.append("a.c", "u-1", null, Map.of());
            assertEquals(2, next.seq());
            assertEquals(AuditLog.UNAVAILABLE_PERIOD, AuditReader.readVerified(file).getFirst().type());
            assertEquals(List.of("false java.io.IOException: disk gone", "true "), told);
        }
        assertTrue(AuditVerifier.verify(file).intact());
    }

    @Test
    void entriesAppendedTogetherAreChainedAndMadeDurableByOneFsync() throws IOException {
        // given a log whose fsync records what the file held at that moment, with one entry
        List<String> atSync = new ArrayList<>();
        try (AuditLog log = AuditLog.open(file, CLOCK, recording(atSync))) {
            AuditEntry before = log.append("session.closed", "u-1", "S-001", Map.of());
            atSync.clear();
            // when a correction and its amendment are appended together
            List<AuditEntry> both = log.appendAll(List.of(new AuditEvent("rating.corrected", "u-2", "S-001", Map.of("id", "c-1")),
                    new AuditEvent("record.amended", "u-2", "S-001", Map.of("reason", "typo"))));
            // then they follow the chain in order, and one fsync made both lines durable at once
            assertEquals(List.of(2L, 3L), both.stream().map(AuditEntry::seq).toList());
            assertEquals(before.hash(), both.getFirst().previousHash());
            assertEquals(both.getFirst().hash(), both.get(1).previousHash());
            assertEquals(List.of(before.toLine() + "\n" + both.getFirst().toLine() + "\n" + both.get(1).toLine()), atSync);
            assertEquals(4, log.append("a.b", "u-1", null, Map.of()).seq());
        }
        VerifyResult result = AuditVerifier.verify(file);
        assertTrue(result.intact(), result.toString());
        assertEquals(4, result.entries());
    }

    @Test
    void entriesAppendedTogetherAreAllOrNothingWhenTheDiskFillsBetweenThem() throws IOException {
        // given a log on a disk with room for the first of two entries appended together but not for the second
        try (AuditLog log = onSmallDisk(channel -> channel.force(true))) {
            log.append("session.closed", "u-1", "S-001", Map.of());
            long durable = Files.size(file);
            disk.leaveFree(400);
            AuditEvent correction = new AuditEvent("rating.corrected", "u-2", "S-001", Map.of("answers", "x".repeat(200)));
            AuditEvent amendment = new AuditEvent("record.amended", "u-2", "S-001", Map.of("reason", "y".repeat(200)));
            // when they are appended
            assertThrows(AuditUnavailableException.class, () -> log.appendAll(List.of(correction, amendment)));
            // then neither is in the file: no correction without its amendment
            assertEquals(durable, Files.size(file));
            disk.grow(1 << 20);
            assertTrue(log.maintain());
        }
        List<String> types = AuditReader.readVerified(file).stream().map(AuditEntry::type).toList();
        assertEquals(List.of("session.closed", AuditLog.UNAVAILABLE_PERIOD), types);
    }

    @Test
    void aFullDiskRefusesEntriesWithoutAByteOfThemAndTheLogReopensWhenSpaceReturns() throws IOException {
        // given a log on a small disk that holds two entries and then fills up
        List<Boolean> told = new ArrayList<>();
        try (AuditLog log = onSmallDisk(channel -> channel.force(true))) {
            log.onStatusChange((available, reason) -> told.add(available));
            log.append("session.started", "u-1", "S-001", Map.of());
            log.append("dose.confirmed", "u-2", "S-001", Map.of("mg", 35));
            long durable = Files.size(file);
            disk.leaveFree(40);
            // when two more entries are appended while the disk is full
            assertThrows(AuditUnavailableException.class, () -> log.append("alarm.raised", "station", "S-001", Map.of()));
            assertThrows(AuditUnavailableException.class, () -> log.append("alarm.raised", "station", "S-001", Map.of()));
            // then neither left a byte in the file, the log reports itself unavailable, and retries do not reopen
            assertEquals(durable, Files.size(file));
            assertFalse(log.available());
            assertFalse(log.maintain());
            // when space returns, the periodic maintenance reopens the log
            disk.grow(1 << 20);
            assertTrue(log.maintain());
            // then the gap is recorded with the refused count and the chain goes on from the last durable entry
            AuditEntry gap = log.lastEntry();
            assertEquals(AuditLog.UNAVAILABLE_PERIOD, gap.type());
            assertEquals(3, gap.seq());
            assertEquals(2L, ((Number) gap.payload().get("refusedEntries")).longValue());
            assertEquals(4, log.append("alarm.cleared", "station", "S-001", Map.of()).seq());
            assertEquals(List.of(false, true), told);
        }
        VerifyResult result = AuditVerifier.verify(file);
        assertTrue(result.intact(), result.toString());
        assertEquals(4, result.entries());
    }

    @Test
    void aTailFollowingTheFileNeverSeesAnEntryThatIsLaterUndone() throws IOException {
        // given a review tail following a log whose sync reads the tail before failing once
        AuditTail tail = new AuditTail(file);
        List<Integer> seenAtFailedSync = new ArrayList<>();
        boolean[] fail = {false};
        AuditLog.Fsync failing = channel -> {
            if (fail[0]) {
                fail[0] = false;
                seenAtFailedSync.add(tail.refresh());
                throw new IOException("I/O error");
            }
            channel.force(true);
        };
        try (AuditLog log = AuditLog.open(file, CLOCK, failing)) {
            log.append("session.started", "u-1", "S-001", Map.of());
            assertEquals(1, tail.refresh());
            // when an append's whole line is written and its fsync fails
            fail[0] = true;
            assertThrows(AuditUnavailableException.class, () -> log.append("dose.confirmed", "u-2", "S-001", Map.of()));
            // then the tail had not taken the undone line, and after the reopen it follows the chain on
            assertEquals(List.of(0), seenAtFailedSync);
            assertEquals(0, tail.refresh());
            log.append("dose.confirmed", "u-2", "S-001", Map.of());
            assertEquals(2, tail.refresh());
            assertTrue(tail.broken().isEmpty());
            assertEquals(List.of("session.started", "dose.confirmed"),
                    tail.session("S-001").stream().map(r -> r.written().type()).toList());
        }
    }

    @Test
    void aLineEndWrittenLateIsKeptWhenTheNextEntryFailsSoTheFollowingTailNeverSeesTheFileShrink() throws Exception {
        // given a small disk that fills right after the first entry's fsync, so its line end cannot be written
        boolean[] fillAtSync = {true};
        AuditLog.Fsync filling = channel -> {
            channel.force(true);
            if (fillAtSync[0]) {
                fillAtSync[0] = false;
                disk.leaveFree(0);
            }
        };
        AuditTail tail = new AuditTail(file);
        try (AuditLog log = onSmallDisk(filling)) {
            log.append("session.started", "u-1", "S-001", Map.of());
            assertEquals(0, tail.refresh());
            // when a little room returns: the next append writes the missing line end, then runs out of space
            disk.leaveFree(10);
            assertThrows(AuditUnavailableException.class, () -> log.append("dose.confirmed", "u-2", "S-001", Map.of()));
            // then the first entry is whole (line end kept) and the tail takes it
            assertEquals(1, tail.refresh());
            // and once space is back the log reopens and the tail follows on, unbroken
            disk.grow(1 << 20);
            assertTrue(log.maintain());
            log.append("dose.confirmed", "u-2", "S-001", Map.of());
            assertEquals(2, tail.refresh());
            assertTrue(tail.broken().isEmpty(), tail.broken().toString());
        }
        assertTrue(AuditVerifier.verify(file).intact());
        assertEquals(3, AuditVerifier.verify(file).entries());
    }

    @Test
    void anEntryWhoseLineEndWasLostIsKeptWhenTheFileIsOpened() throws IOException {
        // given a log whose last line end never reached the disk (the entry itself was fsynced)
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append("session.started", "u-1", "S-001", Map.of());
            log.append("dose.confirmed", "u-2", "S-001", Map.of());
        }
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 1));
        // when it is opened
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            // then the entry counts, gets its line end back, and the chain continues after it
            assertEquals(2, log.size());
            assertEquals(text, Files.readString(file));
            assertEquals(3, log.append("session.closed", "u-1", "S-001", Map.of()).seq());
        }
        assertTrue(AuditVerifier.verify(file).intact());
    }

    @Test
    void openRefusesToAppendAfterABrokenChain() throws IOException {
        // given a log whose first payload was edited
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append("dose.entered", "u-1", "S-001", Map.of("mg", 35));
            log.append("dose.confirmed", "u-2", "S-001", Map.of());
        }
        Files.writeString(file, Files.readString(file).replace("\"mg\":35", "\"mg\":53"));
        // when it is opened
        AuditChainBrokenException e = assertThrows(AuditChainBrokenException.class, () -> AuditLog.open(file, CLOCK));
        // then the error names the first broken link
        assertEquals(new BrokenLink(1, 1, AuditProblem.HASH_MISMATCH, e.link().detail()), e.link());
        assertTrue(e.getMessage().contains("line 1 (seq 1): HASH_MISMATCH"), e.getMessage());
    }

    @Test
    void aLastLineCutShortByACrashIsDiscardedAndRecorded() throws IOException {
        // given a log whose last append was cut short
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append("session.started", "u-1", "S-001", Map.of());
        }
        Files.writeString(file, "{\"actor\":\"u-1\",\"ha", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // when it is reopened
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            // then the fragment is replaced by an entry that keeps it, and the chain is intact
            AuditEntry recovery = log.lastEntry();
            assertEquals(AuditLog.TORN_TAIL, recovery.type());
            assertEquals(2, recovery.seq());
            assertEquals("eyJhY3RvciI6InUtMSIsImhh", recovery.payload().get("discardedBase64"));
        }
        assertTrue(AuditVerifier.verify(file).intact());
    }

    @Test
    void aCorrectionIsANewEntryReferencingTheOriginal() throws IOException {
        // given an entry
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            AuditEntry original = log.append("weight.entered", "u-1", "S-001", Map.of("kg", 70));
            // when it is corrected
            AuditEntry correction = log.appendCorrection(original, "u-2", "typed 70 for 77", Map.of("kg", 77));
            // then the correction names the original's sequence and hash and gives the reason
            assertEquals(AuditEvent.CORRECTION, correction.type());
            assertEquals("S-001", correction.sessionId());
            assertEquals(Map.of("seq", 1, "hash", original.hash(), "type", "weight.entered"),
                    correction.payload().get("corrects"));
            assertEquals("typed 70 for 77", correction.payload().get("reason"));
            assertEquals(Map.of("kg", 77), correction.payload().get("values"));
            assertEquals(2, log.size());
        }
    }

    @Test
    void concurrentAppendsKeepAValidChain() throws Exception {
        // given one log shared by eight threads
        try (AuditLog log = AuditLog.open(file, Clock.systemUTC());
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            // when each appends 50 entries
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append("load.test", "u-" + thread, "S-001", Map.of("i", i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        // then all 400 are in one intact chain
        VerifyResult result = AuditVerifier.verify(file);
        assertTrue(result.intact(), result.toString());
        assertEquals(400, result.entries());
    }

    @Test
    void aPayloadThatIsNotPlainJsonIsRefusedBeforeAnythingIsWritten() throws IOException {
        // given a log
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            // when a payload holds NaN, or an actor holds a line break
            // then nothing is written
            assertThrows(IllegalArgumentException.class, () -> log.append("a.b", "u-1", null, Map.of("x", Double.NaN)));
            assertThrows(IllegalArgumentException.class, () -> log.append("a.b", "u-1\nforged", null, Map.of()));
            assertEquals(0, log.size());
        }
        assertEquals(0, Files.size(file));
    }
}
