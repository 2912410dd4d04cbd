package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void fiveEntries() throws IOException {
        file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.CLOCK)) {
            for (int i = 1; i <= 5; i++) {
                log.append("rating.recorded", "u-1", "S-001", Map.of("n", i, "note", "entry " + i));
            }
        }
    }

    @Test
    void anUntouchedFileIsIntact() throws IOException {
        // given the five entries as written
        // when verified
        VerifyResult result = AuditVerifier.verify(file);
        // then all five are intact
        assertTrue(result.intact());
        assertEquals(5, result.entries());
        assertTrue(result.toString().startsWith("OK: 5 entries"), result.toString());
    }

    @Test
    void anEditedPayloadIsAHashMismatchAtItsLine() throws IOException {
        // given entry 3's payload edited
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"n\":3", "\"n\":4"));
        // when verified
        // then line 3 is named
        assertBroken(lines, 3, 3, AuditProblem.HASH_MISMATCH);
    }

    @Test
    void aDeletedLineIsASequenceGap() throws IOException {
        // given line 3 deleted
        List<String> lines = lines();
        lines.remove(2);
        // when verified
        // then line 3, now holding seq 4, is named
        assertBroken(lines, 3, 4, AuditProblem.SEQUENCE_GAP);
    }

    @Test
    void twoReorderedLinesAreASequenceGapAtTheFirst() throws IOException {
        // given lines 2 and 3 swapped
        List<String> lines = lines();
        Collections.swap(lines, 1, 2);
        // when verified
        // then line 2, holding seq 3, is named
        assertBroken(lines, 2, 3, AuditProblem.SEQUENCE_GAP);
    }

    @Test
    void aChangedHashIsAHashMismatchAtItsLine() throws IOException {
        // given entry 2's hash replaced
        List<String> lines = lines();
        String hash = AuditEntry.fromLine(lines.get(1)).hash();
        lines.set(1, lines.get(1).replace(hash, "f".repeat(64)));
        // when verified
        // then line 2 is named
        assertBroken(lines, 2, 2, AuditProblem.HASH_MISMATCH);
    }

    @Test
    void anEditThatRecomputesItsOwnHashBreaksTheNextLink() throws IOException {
        // given entry 2 edited and re-hashed consistently, but entry 3 left alone
        List<String> lines = lines();
        AuditEntry e = AuditEntry.fromLine(lines.get(1));
        AuditEntry forged = AuditEntry.seal(e.seq(), e.time(),
                new AuditEvent(e.type(), e.actor(), e.sessionId(), Map.of("n", 99)), e.previousHash());
        lines.set(1, forged.toLine());
        // when verified
        // then line 3 no longer follows from line 2
        assertBroken(lines, 3, 3, AuditProblem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aLineThatIsNotAnEntryIsUnparsable() throws IOException {
        // given garbage inserted as line 2
        List<String> lines = lines();
        lines.add(1, "not json");
        // when verified
        // then line 2 is named without a sequence
        assertBroken(lines, 2, -1, AuditProblem.UNPARSABLE_LINE);
    }

    @Test
    void aCutShortLastLineIsReported() throws IOException {
        // given the file ends in the middle of a line
        Files.writeString(file, Files.readString(file) + "{\"actor\"");
        // when verified
        VerifyResult result = AuditVerifier.verify(file);
        // then line 6 is named and the five before it are intact
        assertEquals(AuditProblem.UNTERMINATED_LINE, result.broken().orElseThrow().problem());
        assertEquals(6, result.broken().orElseThrow().line());
        assertEquals(5, result.entries());
    }

    @Test
    void aWholeLastEntryWhoseLineEndIsStillToComeIsIntact() throws IOException {
        // given the writer fsynced the last entry and has not yet added its line end (a running station's file)
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 1));
        // when verified
        VerifyResult result = AuditVerifier.verify(file);
        // then every entry is counted and the chain is intact
        assertTrue(result.broken().isEmpty(), result.toString());
        assertEquals(5, result.entries());
    }

    @Test
    void anEmptyFileIsIntact() throws IOException {
        // given an empty file
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        // when verified
        // then it is intact with no entries
        assertEquals(new VerifyResult(0, "0".repeat(64), Optional.empty()), AuditVerifier.verify(empty));
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file));
    }

    private void assertBroken(List<String> lines, long line, long seq, AuditProblem problem) throws IOException {
        Files.write(file, lines);
        BrokenLink link = AuditVerifier.verify(file).broken().orElseThrow();
        assertEquals(line, link.line(), link.toString());
        assertEquals(seq, link.sequence(), link.toString());
        assertEquals(problem, link.problem(), link.toString());
    }
}
