package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The audit file does not match the station's signed checkpoints (truncated, rewritten, signed with another key, a
 * checkpoint forged, or the checkpoints gone), so the log refuses to append to it. docs/audit.md, "Anchoring".
 */
public final class AuditTamperedException extends IOException {
    private final AnchorCheck.Finding finding;

    public AuditTamperedException(Path file, AnchorCheck.Finding finding) {
        super("audit file " + file + ": " + finding + "; refusing to append. Keep the file, its checkpoints and the keys as "
                + "evidence and verify them with bin/audit-verify (docs/audit.md)");
        this.finding = finding;
    }

    public AnchorCheck.Finding finding() {
        return finding;
    }
}
