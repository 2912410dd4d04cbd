package org.openinfusion.station.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditWriter;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.AuditPort;

/** Tests' audit port onto a real audit file (what StationApp's AuditLogTrail does, without the InfluxDB mirror). */
public final class AuditFileTrail {
    private AuditFileTrail() {
    }

    public static AuditPort of(AuditLog log) {
        return new AuditWriter(log);
    }

    /** The trail in {@code file} read back, verified and typed, each time it is asked for (what the visit service reads). */
    public static Supplier<AuditHistory> reader(Path file) {
        return () -> {
            try {
                return HistoryReader.history(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
