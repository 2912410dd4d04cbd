package org.openinfusion.station.clinical.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.openinfusion.station.clinical.history.Recorded;

/**
 * Audit entries as CSV, one row per entry with every field of the file: the payload as canonical JSON (keys sorted,
 * no spaces: exactly as in the audit file), the previous hash and the hash. Each row can be re-verified on its own
 * (hash = SHA-256(prev + "\n" + canonical entry), docs/audit.md); for the whole trail the rows also form the chain
 * (prev of a row = hash of the row before it). A session's rows are a subset of the chain.
 */
final class AuditCsv {
    static final List<String> COLUMNS = List.of("seq", "time", "type", "actor", "session", "payload", "prev", "hash");
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AuditCsv() {
    }

    static String write(List<Recorded> entries) {
        Csv csv = new Csv(COLUMNS);
        for (Recorded e : entries) {
            csv.row(e.seq(), e.time(), e.written().type(), e.actor(), e.session(), canonical(e), e.written().previousHash(),
                    e.written().hash());
        }
        return csv.toString();
    }

    private static String canonical(Recorded e) {
        try {
            return CANONICAL.writeValueAsString(e.written().payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("payload of audit entry " + e.seq() + " is not JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
