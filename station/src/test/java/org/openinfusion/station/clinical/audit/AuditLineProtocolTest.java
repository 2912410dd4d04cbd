package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLineProtocolTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00.123456Z");
    private static final String HASH = "ab".repeat(32);

    @Test
    void anEntryBecomesOneAuditPointTimedInMicroseconds() {
        // given an entry of session S-001
        AuditEntry e = new AuditEntry(7, T, "rating.recorded", "u-17", "S-001", Map.of("total", 12), "0".repeat(64),
                HASH);
        // when it is mirrored
        String line = AuditLineProtocol.toLine(e);
        // then measurement, tags, fields and time are as documented
        assertEquals("audit,session=S-001,type=rating.recorded seq=7i,actor=\"u-17\",hash=\"" + HASH
                + "\",payload=\"{\\\"total\\\":12}\" 1795341600123456", line);
    }

    @Test
    void specialCharactersAreEscapedForTagsAndStrings() {
        // given a session id with a space, comma, equals sign and backslash, an actor with a quote,
        // and a payload with a quote, a backslash and a line break
        AuditEntry e = new AuditEntry(1, T, "note.added", "o'brien \"ob\"", "bed 1,a=b\\", Map.of(
                "text", "said \"stop\"\\\nthen slept"), "0".repeat(64), HASH);
        // when it is mirrored
        String line = AuditLineProtocol.toLine(e);
        // then tags escape space, comma, equals and backslash; strings escape quote and backslash;
        // the payload's line break stays a JSON escape, so the point is one line
        assertEquals("audit,session=bed\\ 1\\,a\\=b\\\\,type=note.added seq=1i,actor=\"o'brien \\\"ob\\\"\""
                + ",hash=\"" + HASH + "\",payload=\"{\\\"text\\\":\\\"said \\\\\\\"stop\\\\\\\"\\\\\\\\\\\\nthen slept\\\"}\""
                + " 1795341600123456", line);
    }

    @Test
    void aStationWideEntryHasNoSessionTag() {
        // given an entry without a session
        AuditEntry e = new AuditEntry(2, T, "station.started", "station", null, Map.of(), "0".repeat(64), HASH);
        // when it is mirrored
        // then the session tag is left out
        assertEquals("audit,type=station.started seq=2i,actor=\"station\",hash=\"" + HASH + "\",payload=\"{}\" "
                + "1795341600123456", AuditLineProtocol.toLine(e));
    }
}
