package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole audit trail for review and export, refusing one whose chain is broken. */
public final class AuditReader {
    private AuditReader() {
    }

    public static List<AuditEntry> readVerified(Path file) throws IOException {
        VerifyResult result = AuditVerifier.verify(file);
        if (!result.intact()) {
            throw new IOException("audit trail " + file + " is broken (" + result.broken().orElseThrow()
                    + "); verify it with bin/audit-verify before exporting");
        }
        List<AuditEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(AuditEntry.fromLine(line));
            }
        }
        return out;
    }
}
