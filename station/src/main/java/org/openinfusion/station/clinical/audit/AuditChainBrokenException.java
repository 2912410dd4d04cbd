package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.file.Path;

/** The audit file's chain is broken, so the log refuses to append to it. */
public final class AuditChainBrokenException extends IOException {
    private final transient BrokenLink link;

    public AuditChainBrokenException(Path file, BrokenLink link) {
        super("audit file " + file + " is broken at " + link
                + "; refusing to append. Keep the file as evidence and start a new one (docs/audit.md)");
        this.link = link;
    }

    public BrokenLink link() {
        return link;
    }
}
