package org.openinfusion.station.testing;

import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditWriter;
import org.openinfusion.station.clinical.history.AuditPort;

/** Tests' audit port onto a real audit file (what StationApp's AuditLogTrail does, without the InfluxDB mirror). */
public final class AuditFileTrail {
    private AuditFileTrail() {
    }

    public static AuditPort of(AuditLog log) {
        return new AuditWriter(log);
    }
}
