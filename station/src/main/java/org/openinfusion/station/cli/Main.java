package org.openinfusion.station.cli;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.LaunchSettings;
import org.openinfusion.station.config.StationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the station without the dashboard: {@code Main [--config FILE]}; runs until stopped (Ctrl-C). */
@Command(name = "station", mixinStandardHelpOptions = true, version = "infusion station 0.1.0",
        description = "Runs the station (data path, clinical services, health) without the dashboard.",
        footer = "Settings: --config FILE, else STATION_CONFIG, then environment and system properties (docs/configuration.md).%n"
                + "Exit 0 stopped, 2 usage or configuration error.")
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "station properties file")
    private Path config;

    public static void main(String[] args) {
        LaunchSettings.useStationLogging();
        int code = Commands.execute(new Main(), args, System.out, System.err);
        if (code != Commands.OK) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        StationConfig settings;
        try {
            settings = StationConfig.from(LaunchSettings.read(config));
        } catch (ConfigException e) {
            return Commands.usage(spec, "configuration: " + e.getMessage());
        }
        StationApp app;
        StationApp.Beginning begun;
        try {
            // the embedded broker and the private influxd (if configured) first, each on its own thread: Vert.x and the rest
            // of the start overlap them (docs/performance.md, "Start-up, session 13")
            begun = StationApp.begin(settings);
        } catch (ConfigException e) {
            return Commands.usage(spec, "configuration: " + e.getMessage());
        }
        Vertx vertx;
        try {
            vertx = Vertx.vertx();
        } catch (RuntimeException e) {
            begun.close();
            throw e;
        }
        try {
            app = StationApp.start(begun, Clock.systemUTC(), vertx);
        } catch (ConfigException e) {
            vertx.close();
            return Commands.usage(spec, "configuration: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "station-shutdown"));
        spec.commandLine().getOut().println("station running; status at http://" + settings.http().host() + ":"
                + app.statusPort() + "/health");
        stopped.await();
        return Commands.OK;
    }
}
