package org.openinfusion.station.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.export.ExportRequest;
import org.openinfusion.station.clinical.export.StudySite;
import org.openinfusion.station.clinical.export.Exports;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.ProtocolException;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.config.LaunchSettings;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.storage.influx.InfluxTimeSeriesReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ExportMain --audit FILE --format KEY [--session ID] [--out FILE] [--protocols DIR]
 * [--influx-url URL] [--database DB] [--config FILE] [--from TIME --to TIME]}: writes one export (docs/exports.md) from a verified audit
 * trail. The vitals formats read the time-series store: {@code --influx-url}/{@code --database}, else the station's
 * configuration ({@code --config FILE} or {@code STATION_CONFIG}, environment, system properties, as the station
 * reads it). Exit 0 done, 1 the trail is broken, the session or protocol unknown, or the store did not answer;
 * 2 usage or configuration error. Nothing is written unless the whole export succeeded.
 */
@Command(name = "export", mixinStandardHelpOptions = true, version = "infusion station 0.1.0",
        description = "Writes one export (docs/exports.md) from a verified audit trail.",
        footer = {"vitals-csv, sdtm-vs, sdtm-suppvs, sdtm-xpt, fhir-json and edf-plus read InfluxDB: --influx-url/--database, else the "
                + "station's configuration.",
                "Exit 0 done, 1 broken trail, unknown session or protocol, or store down, 2 usage or configuration error."})
public final class ExportMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--audit", required = true, paramLabel = "FILE", description = "the audit trail")
    private Path audit;

    @Option(names = "--format", required = true, paramLabel = "KEY", converter = FormatConverter.class,
            description = "one of ${COMPLETION-CANDIDATES}", completionCandidates = FormatKeys.class)
    private ExportFormat format;

    @Option(names = "--session", paramLabel = "ID", description = "one session (default: all)")
    private String session;

    @Option(names = "--out", paramLabel = "FILE", description = "the file to write (default: its suggested name here)")
    private Path out;

    @Option(names = "--protocols", paramLabel = "DIR", description = "a site folder of protocol files")
    private Path protocols;

    @Option(names = "--influx-url", paramLabel = "URL", description = "InfluxDB for the vitals formats")
    private String influxUrl;

    @Option(names = "--database", paramLabel = "DB", description = "InfluxDB database")
    private String database;

    @Option(names = "--config", paramLabel = "FILE", description = "station properties (the store as the station is configured)")
    private Path config;

    @Option(names = "--from", paramLabel = "TIME", description = "edf-plus: the window's start, ISO 8601 UTC (2026-11-22T09:19:50Z); "
            + "with --to (default: the whole session)")
    private Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "edf-plus: the window's end, ISO 8601 UTC")
    private Instant to;

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ExportFormat.values()).map(ExportFormat::key).iterator();
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the exit code (0 done, 1 failed, 2 usage). */
    public static int run(String[] args) {
        return Commands.execute(new ExportMain(), args, System.out, System.err);
    }

    @Override
    public Integer call() {
        if (format.oneSession() && session == null) {
            return Commands.usage(spec, format.key() + " is of one session: give --session ID");
        }
        if ((from != null || to != null) && format != ExportFormat.EDF_PLUS) {
            return Commands.usage(spec, "--from and --to are for " + ExportFormat.EDF_PLUS.key() + " only");
        }
        if ((from == null) != (to == null)) {
            return Commands.usage(spec, "a time window needs both --from and --to");
        }
        if (from != null && !to.isAfter(from)) {
            return Commands.usage(spec, "--to must be after --from");
        }
        StationConfig station;
        try {
            station = stationConfig();
        } catch (ConfigException e) {
            return Commands.usage(spec, "configuration: " + e.getMessage());
        }
        InfluxConfig store = null;
        if (format.readsTimeSeries()) {
            store = station.influx();
            if (store.managed()) {
                return Commands.usage(spec, "the station configuration starts its own influxd (influx.url=managed), which "
                        + "answers only while the station runs, on a port chosen at start: give --influx-url");
            }
        }
        return export(store, new StudySite(station.site().siteId(), station.site().country(), station.site().timeZone()));
    }

    /** Reads and verifies the trail, writes the export; 0 done, 1 failed (with the reason on stderr). */
    private int export(InfluxConfig store, StudySite site) {
        try {
            List<AuditEntry> entries = AuditReader.readVerified(audit);
            ProtocolCatalog catalog = ProtocolCatalog.builtIn();
            if (protocols != null) {
                catalog.withFolder(protocols);
            }
            ExportRequest request = new ExportRequest(entries, Optional.ofNullable(session), null, InstrumentCatalog.builtIn(), catalog)
                    .at(site).during(from == null ? null : new ExportRequest.Window(from, to));
            Path target = out != null ? out : Path.of(Exports.fileName(format, request));
            // written beside the target, moved into place when whole: nothing is written unless the export succeeded
            Path folder = target.toAbsolutePath().getParent();
            Path part = Files.createTempFile(folder, "." + target.getFileName(), ".part");
            try (InfluxTimeSeriesReader series = store == null ? null : new InfluxTimeSeriesReader(store);
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                Exports.write(format, new ExportRequest(request.history(), request.sessionId(), series, request.instruments(),
                        request.protocols(), request.among(), request.site(), request.window()), Clock.systemUTC(), file);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("wrote " + target + " (" + Files.size(target) + " bytes)");
            return Commands.OK;
        } catch (NoSuchFileException e) {
            System.err.println("error: no such file: " + e.getMessage());
            return Commands.FAILED;
        } catch (TimeSeriesReader.StoreUnavailableException e) {
            System.err.println("error: the time-series store did not answer: " + e.getMessage());
            return Commands.FAILED;
        } catch (IOException | IllegalArgumentException | IllegalStateException | NoSuchElementException
                 | ProtocolException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            return Commands.FAILED;
        }
    }

    /**
     * The station's configuration (the store, the study site), with --influx-url and --database applied on top (and
     * checked alike).
     */
    private StationConfig stationConfig() {
        Properties system = new Properties();
        system.putAll(System.getProperties());
        if (influxUrl != null) {
            system.setProperty("station.influx.url", influxUrl);
        }
        if (database != null) {
            system.setProperty("station.influx.database", database);
        }
        return StationConfig.from(Settings.load(LaunchSettings.configFile(config), System.getenv(), system));
    }
}
