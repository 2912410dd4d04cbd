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

    private int run(String... args) {
        return AuditVerifyMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
