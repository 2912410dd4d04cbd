package org.openinfusion.station.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.blinding.AuditTrail;

/** Tests' audit trail port onto a real audit file (what StationApp's AuditLogTrail does, without the InfluxDB mirror). */
public final class AuditFileTrail {
    private AuditFileTrail() {
    }

    public static AuditTrail of(AuditLog log) {
        return (type, actor, session, payload) -> {
            try {
                log.append(type, actor, session, payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
