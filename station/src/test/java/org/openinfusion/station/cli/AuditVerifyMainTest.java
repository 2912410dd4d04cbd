package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.openinfusion.station.clinical.audit.AuditAnchor;
import org.openinfusion.station.clinical.audit.AuditLog;

class AuditVerifyMainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anIntactFileExitsZeroAndABrokenOneExitsOne() throws IOException {
        // given a two-entry file
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append("a.b", "u-1", null, Map.of("v", 1));
            log.append("a.b", "u-1", null, Map.of("v", 2));
        }
        // when it is checked before and after an edit
        int intact = run(file.toString());
        Files.writeString(file, Files.readString(file).replace("\"v\":2", "\"v\":3"));
        int broken = run(file.toString());
        // then the exit codes and the output say which
        assertEquals(0, intact);
        assertEquals(1, broken);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("OK: 2 entries"), printed);
        assertTrue(printed.contains("BROKEN at line 2 (seq 2): HASH_MISMATCH"), printed);
    }

    @Test
    void aMissingArgumentOrFileExitsTwo() {
        // given no argument, then a file that does not exist
        // when run
        // then it exits 2 with a message
        assertEquals(2, run());
        assertEquals(2, run(dir.resolve("missing.jsonl").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: audit-verify"), err.toString(StandardCharsets.UTF_8));
    }

    /** A station's data folder: 10 entries, checkpoints every 4 (audit/audit.log, keys/). */
    private Path anchoredTrail() throws IOException {
        Path audit = dir.resolve("data").resolve("audit").resolve("audit.log");
        Files.createDirectories(audit.getParent());
        try (AuditLog log = AuditLog.open(audit, CLOCK, AuditAnchor.open(audit, dir.resolve("data").resolve("keys"), CLOCK, 4))) {
            for (int i = 1; i <= 10; i++) {
                log.append("a.b", "u-1", null, Map.of("v", i));
            }
        }
        return audit;
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAnchoredTrailThatMatchesItsCheckpointsExitsZeroNamingTheKey() throws IOException {
        // given an anchored trail
        Path audit = anchoredTrail();
        // when it is verified with the defaults (checkpoints beside it, key and head in ../keys)
        // then it is intact and matches its checkpoints
        assertEquals(0, run(audit.toString()));
        assertTrue(printed().contains("OK: 10 entries") && printed().contains("matches 5 signed checkpoints of key"), printed());
    }

    @Test
    void aTruncatedTrailExitsThreeWithItsOwnMessage() throws IOException {
        // given an anchored trail with its last two lines removed
        Path audit = anchoredTrail();
        Files.write(audit, Files.readAllLines(audit).subList(0, 8));
        // when verified
        // then it is reported as truncated
        assertEquals(AuditVerifyMain.TRUNCATED, run(audit.toString()));
        assertTrue(printed().contains("TRUNCATED: the file has 8 entries but entry 10 was signed"), printed());
    }

    @Test
    void aReChainedTrailExitsFourWithItsOwnMessage() throws IOException {
        // given an anchored trail replaced by a fresh, valid chain with one value changed
        Path audit = anchoredTrail();
        Path forged = dir.resolve("forged.log");
        try (AuditLog log = AuditLog.open(forged, CLOCK)) {
            for (int i = 1; i <= 10; i++) {
                log.append("a.b", "u-1", null, Map.of("v", i == 2 ? 20 : i));
            }
        }
        Files.move(forged, audit, StandardCopyOption.REPLACE_EXISTING);
        // when verified
        // then it is reported as rewritten
        assertEquals(AuditVerifyMain.REWRITTEN, run(audit.toString()));
        assertTrue(printed().contains("REWRITTEN: entry 4 has hash"), printed());
    }

    @Test
    void anEditedAnchoredTrailExitsOneAsEdited() throws IOException {
        // given an anchored trail with one value edited in place
        Path audit = anchoredTrail();
        Files.writeString(audit, Files.readString(audit).replace("\"v\":5", "\"v\":6"));
        // when verified
        // then it is reported as edited, at the line
        assertEquals(AuditVerifyMain.BROKEN, run(audit.toString()));
        assertTrue(printed().contains("EDITED: BROKEN at line 5 (seq 5): HASH_MISMATCH"), printed());
    }

    @Test
    void anotherPublicKeyExitsFiveAsAKeyMismatch() throws IOException {
        // given an anchored trail, and another station's public key given to the auditor
        Path audit = anchoredTrail();
        Path other = dir.resolve("other");
        AuditAnchor.open(other.resolve("audit.log"), other.resolve("keys"), CLOCK, 4);
        // when verified with that key
        // then the checkpoints are reported as made by another key
        assertEquals(AuditVerifyMain.KEY_MISMATCH, run(audit.toString(), "--public-key",
                other.resolve("keys").resolve(AuditAnchor.PUBLIC_KEY).toString()));
        assertTrue(printed().contains("KEY_MISMATCH: checkpoint at seq 0 was signed by key"), printed());
    }

    @Test
    void aForgedCheckpointExitsSixAsABadSignature() throws IOException {
        // given an anchored trail whose checkpoints file has its last checkpoint's seq changed
        Path audit = anchoredTrail();
        Path cps = AuditAnchor.checkpointsOf(audit);
        Files.writeString(cps, Files.readString(cps).replace("\"seq\":8,", "\"seq\":7,"));
        String hash7 = Files.readAllLines(audit).get(6).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        List<String> lines = Files.readAllLines(cps);
        lines.set(2, lines.get(2).replaceAll("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + hash7 + "\""));
        Files.write(cps, lines);
        // when verified
        // then that checkpoint's signature does not verify
        assertEquals(AuditVerifyMain.BAD_SIGNATURE, run(audit.toString()));
        assertTrue(printed().contains("BAD_SIGNATURE: the signature of the checkpoint at seq 7 does not verify"), printed());
    }

    private int run(String... args) {
        return AuditVerifyMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
