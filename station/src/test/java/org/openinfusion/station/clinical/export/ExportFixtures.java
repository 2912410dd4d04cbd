package org.openinfusion.station.clinical.export;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** Runs exports on the shared recorded trail (TrailBuilder.shared) and parses them. */
final class ExportFixtures {
    static final Clock EVENING = Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC);

    private ExportFixtures() {
    }

    static TrailBuilder.Recorded trail() {
        return TrailBuilder.shared();
    }

    static ExportFile export(ExportFormat format, List<AuditEntry> entries, Optional<String> session, TimeSeriesReader series,
                             InstrumentCatalog instruments, Clock clock) {
        return Exports.write(format, new ExportRequest(entries, session, series, instruments, ProtocolCatalog.builtIn()), clock);
    }

    /** The first session's export (with the known vitals), parsed. */
    static CsvTable first(ExportFormat format) {
        return CsvTable.parse(export(format, trail().entries(), Optional.of(trail().first()), TrailBuilder.vitals(),
                InstrumentCatalog.builtIn(), EVENING).content());
    }

    /** Every session's export, parsed. */
    static CsvTable all(ExportFormat format) {
        return CsvTable.parse(export(format, trail().entries(), Optional.empty(), TrailBuilder.vitals(), InstrumentCatalog.builtIn(),
                EVENING).content());
    }
}
