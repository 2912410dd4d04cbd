package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.AuditEntry;

/** The audit CSV can be verified from its rows alone, with the audit package's own hashing. */
class AuditCsvTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TrailBuilder.Recorded trail = ExportFixtures.trail();

    @Test
    void everyRowRecomputesItsHashAndTheRowsOfTheWholeTrailFormTheChain() throws IOException {
        CsvTable csv = ExportFixtures.all(ExportFormat.AUDIT_CSV);
        assertEquals(List.of("seq", "time", "type", "actor", "session", "payload", "prev", "hash"), csv.header());
        List<String> lines = Files.readAllLines(trail.file());
        assertEquals(lines.size(), csv.rows().size());
        String previous = "0".repeat(64);
        for (int i = 0; i < csv.rows().size(); i++) {
            Map<String, String> row = csv.rows().get(i);
            AuditEntry rebuilt = rebuild(row);
            assertEquals(row.get("hash"), rebuilt.computeHash(), "row " + (i + 1) + " verifies");
            assertEquals(previous, row.get("prev"), "row " + (i + 1) + " links to the row before");
            assertEquals(trail.entries().get(i).hash(), row.get("hash"));
            assertTrue(lines.get(i).contains("\"payload\":" + row.get("payload") + ",\"prev\":"), "the payload as in the file");
            previous = row.get("hash");
        }
    }

    @Test
    void aSessionsRowsAreItsEntriesEachVerifiable() {
        CsvTable csv = ExportFixtures.first(ExportFormat.AUDIT_CSV);
        List<AuditEntry> ofSession = trail.entries().stream().filter(e -> trail.first().equals(e.sessionId())).toList();
        assertEquals(ofSession.size(), csv.rows().size());
        for (int i = 0; i < ofSession.size(); i++) {
            assertEquals(String.valueOf(ofSession.get(i).seq()), csv.rows().get(i).get("seq"));
            assertEquals(csv.rows().get(i).get("hash"), rebuild(csv.rows().get(i)).computeHash());
        }
        assertTrue(csv.rows().stream().anyMatch(r -> r.get("type").equals("record.signed")));
        assertTrue(csv.rows().stream().anyMatch(r -> r.get("type").equals("record.amended")));
    }

    private static AuditEntry rebuild(Map<String, String> row) {
        try {
            Map<String, Object> payload = JSON.readValue(row.get("payload"), new TypeReference<>() {
            });
            return new AuditEntry(Long.parseLong(row.get("seq")), Instant.parse(row.get("time")), row.get("type"), row.get("actor"),
                    row.get("session").isEmpty() ? null : row.get("session"), payload, row.get("prev"), row.get("hash"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
