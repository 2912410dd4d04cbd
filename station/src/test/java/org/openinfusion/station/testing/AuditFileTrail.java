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

    /** The trail in {@code file} read back, verified and typed, each time it is asked for (what the visit service reads). */
    public static java.util.function.Supplier<org.openinfusion.station.clinical.history.AuditHistory> reader(java.nio.file.Path file) {
        return () -> {
            try {
                return org.openinfusion.station.clinical.audit.HistoryReader.history(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
