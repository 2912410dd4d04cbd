package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.history.Recorded;

class AuditTailTest {
    @TempDir
    Path dir;

    private static void write(AuditLog log, String session, int n) throws IOException {
        log.append("marker.recorded", "nurse-1", session, Map.of("n", n));
    }

    @Test
    void readsOnlyWhatWasAppendedAndGroupsBySession() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK)) {
            write(log, "S-1", 1);
            log.append("user.signed_in", "dr-a", null, Map.of("role", "physician"));
            write(log, "S-2", 2);
            AuditTail tail = new AuditTail(file);
            assertEquals(3, tail.refresh());
            assertEquals(0, tail.refresh(), "nothing new");
            write(log, "S-1", 3);
            write(log, "S-1", 4);
            assertEquals(2, tail.refresh());
            assertEquals(List.of(1L, 4L, 5L), tail.session("S-1").stream().map(Recorded::seq).toList());
            assertEquals(List.of(3L), tail.session("S-2").stream().map(Recorded::seq).toList());
            assertEquals(List.of("S-1", "S-2"), List.copyOf(tail.sessions().keySet()), "station-wide entries are not kept");
            assertEquals(5, tail.entries());
            assertTrue(tail.session("S-9").isEmpty());
        }
    }

    @Test
    void aLineStillBeingWrittenIsLeftForNextTime() throws IOException {
        Path source = dir.resolve("source.log");
        try (AuditLog log = AuditLog.open(source, AuditLogTest.CLOCK)) {
            for (int i = 1; i <= 3; i++) {
                write(log, "S-1", i);
            }
        }
        byte[] all = Files.readAllBytes(source);
        int secondLineEnd = indexOfNth(all, 2);
        int cut = secondLineEnd + 20;
        Path file = dir.resolve("audit.log");
        Files.write(file, Arrays.copyOf(all, cut));
        AuditTail tail = new AuditTail(file);
        assertEquals(2, tail.refresh());
        Files.write(file, Arrays.copyOfRange(all, cut, all.length), StandardOpenOption.APPEND);
        assertEquals(1, tail.refresh());
        assertEquals(3, tail.session("S-1").getLast().seq());
        assertEquals(3, tail.session("S-1").getLast().written().payload().get("n"));
    }

    @Test
    void anEditedEntryFailsTheFirstReadAndEveryLaterOne() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK)) {
            for (int i = 1; i <= 3; i++) {
                write(log, "S-1", i);
            }
        }
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("nurse-1", "nurse-9"), lines.get(2)));
        AuditTail tail = new AuditTail(file);
        AuditChainBrokenException e = assertThrows(AuditChainBrokenException.class, tail::refresh);
        assertEquals(AuditProblem.HASH_MISMATCH, e.link().problem());
        assertEquals(2, e.link().line());
        assertThrows(AuditChainBrokenException.class, () -> tail.session("S-1"), "nothing unverified is shown");
        assertThrows(AuditChainBrokenException.class, tail::refresh);
        assertTrue(tail.broken().isPresent());
    }

    @Test
    void anAppendedEntryThatDoesNotContinueTheChainIsRefused() throws IOException {
        Path file = dir.resolve("audit.log");
        Path other = dir.resolve("other.log");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK); AuditLog forged = AuditLog.open(other, AuditLogTest.CLOCK)) {
            write(log, "S-1", 1);
            write(forged, "S-1", 99);
            write(forged, "S-1", 666);
            AuditTail tail = new AuditTail(file);
            assertEquals(1, tail.refresh());
            // a well-formed seq 2 whose prev is another file's hash
            Files.writeString(file, Files.readAllLines(other).get(1) + "\n", StandardOpenOption.APPEND);
            AuditChainBrokenException e = assertThrows(AuditChainBrokenException.class, tail::refresh);
            assertEquals(AuditProblem.PREVIOUS_HASH_MISMATCH, e.link().problem());
        }
    }

    @Test
    void aFileThatShrankIsBroken() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK)) {
            write(log, "S-1", 1);
            write(log, "S-1", 2);
        }
        AuditTail tail = new AuditTail(file);
        assertEquals(2, tail.refresh());
        Files.write(file, List.of(Files.readAllLines(file).getFirst()));
        AuditChainBrokenException e = assertThrows(AuditChainBrokenException.class, tail::refresh);
        assertTrue(e.link().detail().contains("shrank"), e.link().detail());
    }

    @Test
    void anUnfinishedLineThatIsCutBackIsForgottenAndReadingGoesOn() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK)) {
            write(log, "S-1", 1);
        }
        byte[] whole = Files.readAllBytes(file);
        AuditTail tail = new AuditTail(file);
        Files.write(file, "{\"seq\":2,\"time\":\"2026".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        assertEquals(1, tail.refresh(), "the whole line is read, the unfinished one is kept for later");
        Files.write(file, whole); // the writer undid its failed line
        assertEquals(0, tail.refresh());
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK)) {
            write(log, "S-1", 2);
        }
        assertEquals(1, tail.refresh(), "the next real entry is read and verified");
        assertEquals(2, tail.session("S-1").size());
    }

    @Test
    void aMissingFileIsEmpty() throws IOException {
        AuditTail tail = new AuditTail(dir.resolve("none.log"));
        assertEquals(0, tail.refresh());
        assertTrue(tail.sessions().isEmpty());
    }

    private static int indexOfNth(byte[] bytes, int n) {
        int seen = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++seen == n) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("fewer than " + n + " lines");
    }

}
