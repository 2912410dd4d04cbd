package org.openinfusion.station.clinical.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.protocol.ProtocolCatalog;
import org.openinfusion.station.clinical.protocol.ProtocolException;
import org.openinfusion.station.clinical.rating.InstrumentCatalog;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.storage.TimeSeriesReader;
import org.openinfusion.station.storage.influx.InfluxTimeSeriesReader;

/**
 * {@code ExportMain --audit FILE --format KEY [--session ID] [--out FILE] [--protocols DIR]
 * [--influx-url URL] [--database DB] [--config FILE]}: writes one export (docs/exports.md) from a verified audit
 * trail. The vitals formats read the time-series store: {@code --influx-url}/{@code --database}, else the station's
 * configuration ({@code --config FILE} or {@code STATION_CONFIG}, environment, system properties, as the station
 * reads it). Exit 0 done, 1 the trail is broken, the session or protocol unknown, or the store did not answer;
 * 2 usage or configuration error. Nothing is written unless the whole export succeeded.
 */
public final class ExportMain {
    private static final List<String> OPTIONS = List.of("--audit", "--format", "--session", "--out", "--protocols",
            "--influx-url", "--database", "--config");

    private ExportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the exit code (0 done, 1 failed, 2 usage). */
    public static int run(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                return usage("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                return usage(args[i] + " needs a value");
            }
            o.put(args[i], args[i + 1]);
        }
        if (!o.containsKey("--audit") || !o.containsKey("--format")) {
            return usage("--audit and --format are required");
        }
        ExportFormat format;
        try {
            format = ExportFormat.parse(o.get("--format"));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (format == ExportFormat.BUNDLE_JSON && !o.containsKey("--session")) {
            return usage("bundle-json is of one session: give --session ID");
        }
        InfluxConfig store = null;
        if (format.readsTimeSeries()) {
            try {
                store = storeConfig(o);
            } catch (ConfigException e) {
                return usage("configuration: " + e.getMessage());
            }
            if (store.managed()) {
                return usage("the station configuration starts its own influxd (influx.url=managed), which answers only "
                        + "while the station runs, on a port chosen at start: give --influx-url");
            }
        }
        return export(format, o, store);
    }

    /** Reads and verifies the trail, writes the export; 0 done, 1 failed (with the reason on stderr). */
    private static int export(ExportFormat format, Map<String, String> o, InfluxConfig store) {
        try {
            List<AuditEntry> entries = AuditReader.readVerified(Path.of(o.get("--audit")));
            ProtocolCatalog protocols = ProtocolCatalog.builtIn();
            if (o.containsKey("--protocols")) {
                protocols.withFolder(Path.of(o.get("--protocols")));
            }
            ExportFile file;
            try (InfluxTimeSeriesReader series = store == null ? null : new InfluxTimeSeriesReader(store)) {
                file = Exports.write(format, new ExportRequest(entries, Optional.ofNullable(o.get("--session")), series,
                        InstrumentCatalog.builtIn(), protocols));
            }
            Path out = Path.of(o.getOrDefault("--out", file.fileName()));
            Files.write(out, file.content());
            System.out.println("wrote " + out + " (" + file.content().length + " bytes)");
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("error: no such file: " + e.getMessage());
            return 1;
        } catch (TimeSeriesReader.StoreUnavailableException e) {
            System.err.println("error: the time-series store did not answer: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException | NoSuchElementException
                 | ProtocolException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The store as the station is configured, with --influx-url and --database applied on top (and checked alike). */
    private static InfluxConfig storeConfig(Map<String, String> o) {
        Properties system = new Properties();
        system.putAll(System.getProperties());
        if (o.containsKey("--influx-url")) {
            system.setProperty("station.influx.url", o.get("--influx-url"));
        }
        if (o.containsKey("--database")) {
            system.setProperty("station.influx.database", o.get("--database"));
        }
        String file = o.getOrDefault("--config", System.getenv("STATION_CONFIG"));
        return StationConfig.from(Settings.load(file == null ? null : Path.of(file), System.getenv(), system)).influx();
    }

    private static int usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: ExportMain --audit FILE --format " + Arrays.stream(ExportFormat.values()).map(ExportFormat::key)
                .collect(Collectors.joining("|")) + " [--session ID] [--out FILE] [--protocols DIR]");
        System.err.println("       vitals-csv and sdtm-vs read InfluxDB: [--influx-url URL] [--database DB] [--config FILE]");
        return 2;
    }
}
