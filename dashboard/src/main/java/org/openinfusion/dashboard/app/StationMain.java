package org.openinfusion.dashboard.app;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.simulation.SimulatedNurse;
import org.openinfusion.sim.Pharmacy;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.Pacing;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.sim.mqtt.PublisherSettings;
import org.openinfusion.sim.mqtt.SimulatedBed;
import org.openinfusion.station.broker.DemoDevices;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.tls.PemTrust;
import org.openinfusion.station.tls.GeneratedTls;
import org.openinfusion.station.config.HttpConfig;
import org.openinfusion.sim.control.ControlServer;
import org.openinfusion.sim.control.SimulatorControl;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.LaunchSettings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.process.Alongside;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole station in one process: data path, dashboard, and optionally simulated beds.
 * {@code StationMain [--config FILE] [--simulate-beds N] [--seed S] [--scenario NAME|FILE] [--pharmacy FILE]}:
 * with simulated beds, a simulated nurse programs each bed's pump from the session's dose plan when
 * staff confirm the infusion start (hanging the bag the simulated pharmacy prepared for the session's
 * kit), and a scenario (docs/simulation.md) runs from that moment. Ctrl-C stops everything it
 * started (including a private influxd and the embedded broker) and nothing else.
 */
public final class StationMain implements AutoCloseable {
    static {
        LaunchSettings.useStationLogging();
    }

    private static final Logger LOG = LoggerFactory.getLogger(StationMain.class);

    private final StationApp station;
    private final DashboardServer web;
    private final SimulatedBeds simulator;
    private final SimulatedNurse nurse;
    private final ControlServer control;
    private final String dashboardUrl;
    private final UserStore users;
    private final boolean demoUserCreated;

    private StationMain(StationConfig requested, LaunchOptions options, Clock clock, Pacing pacing) throws Exception {
        StationConfig config = requested;
        SimulatorConfig beds = SimulatorConfig.defaults("tcp://127.0.0.1:1883").withBeds(Math.max(1, options.simulatedBeds()))
                .withSeed(options.seed()).withTopicPrefix(config.mqtt().topicPrefix()).withIdlePumps(true).withClock(clock)
                .withPacing(pacing);
        Optional<DemoDevices> demoDevices = Optional.empty();
        if (options.simulatedBeds() > 0 && config.mqtt().embedded() && config.mqtt().deviceRegistry().isEmpty()) {
            // the demo's simulated devices get their own broker accounts, made on first start in the data folder
            demoDevices = Optional.of(DemoDevices.ensure(config.dataDir().resolve("broker"), beds.bedIds().stream()
                    .flatMap(bed -> SimulatedBed.DEVICE_IDS.stream().map(device -> new DeviceRef(bed, device))).toList()));
            config = config.withMqtt(config.mqtt().withDeviceRegistry(demoDevices.get().registry()));
        }
        // The embedded broker (HiveMQ CE: seconds, the longest part of the start) and the private influxd start first, each
        // on its own thread, so that everything else below (Vert.x, the web server, the station's own start) overlaps them
        // (docs/performance.md, "Start-up, session 13").
        StationApp.Beginning begun = StationApp.begin(config);
        Text.zone(config.site().timeZone());
        // A browser session that only sends heartbeats for the station's idle timeout is closed (signed out).
        System.setProperty("vaadin.closeIdleSessions", "true");
        int port;
        Alongside<DashboardServer> webStart = null;
        Vertx vertx;
        try {
            port = config.http().dashboardPort() == 0 ? FreePort.find() : config.http().dashboardPort();
            // The web server starts beside the data path (each takes seconds); its address is given to no one before both
            // are up, and a page opened before the station's services are installed is not possible for that reason. Its
            // certificate (kept, or made for self-signed: Bouncy Castle's classes, a second of a cold start) is found on the
            // same thread, off the station's path.
            String host = config.http().host();
            StationConfig forWeb = config;
            webStart = Alongside.start("station-start-dashboard", () -> DashboardServer.start(host, port, dashboardKeystore(forWeb)));
            vertx = Vertx.vertx();
        } catch (RuntimeException e) {
            if (webStart != null) {
                stopWhenStarted(webStart, e);
            }
            begun.close();
            throw e;
        }
        try {
            station = StationApp.start(begun, clock, vertx);
        } catch (Exception e) {
            if (e instanceof ConfigException) {
                vertx.close();
            }
            stopWhenStarted(webStart, e);
            throw e;
        }
        try {
            users = station.users();
            demoUserCreated = options.simulatedBeds() > 0 && createDemoUsers(users);
            DashboardServices.install(vertx, station.instruments(), StaffNames.of(users::list));
            web = webStart.join();
            dashboardUrl = (config.http().dashboardTls().isPresent() ? "https://" : "http://") + config.http().host() + ":" + port + "/";
            LOG.info("Dashboard web server started in {} s at {}", String.format(Locale.ROOT, "%.1f", web.startSeconds()), dashboardUrl);
            // The simulated devices connect once the station has (bounded): their TLS handshakes beside the station's own
            // first one made it wait for the cores (docs/performance.md, "Start-up, session 11"), and the station then
            // listens before they publish.
            if (options.simulatedBeds() > 0 && !station.awaitBrokerConnection(SIMULATORS_AFTER_STATION_WITHIN)) {
                LOG.warn("the station has not connected to its broker within {} s; the simulated beds start anyway",
                        SIMULATORS_AFTER_STATION_WITHIN.toSeconds());
            }
            // the simulated pumps stay idle until the simulated nurse programs them from the session's dose plan
            simulator = options.simulatedBeds() == 0 ? null : SimulatedBeds.start(beds.withMqtt(devicesConnection(
                    beds.mqtt(), station.config().mqtt(), demoDevices)));
            // the engineer's page (Routes.SIMULATOR) drives the simulated beds through their HTTP control channel
            control = simulator == null ? null : ControlServer.start(simulator, 0);
            if (control != null) {
                DashboardServices.useSimulatorControl(URI.create("http://127.0.0.1:" + control.port() + "/"));
            }
            Pharmacy pharmacy = options.pharmacy().isPresent() ? Pharmacy.load(options.pharmacy().get()) : Pharmacy.none();
            nurse = simulator == null ? null : SimulatedNurse.attach(vertx, simulator,
                    bed -> station.sessions().onBed(bed).map(r -> r.session().plan()),
                    bed -> station.sessions().onBed(bed).flatMap(r -> pharmacy.bagFor(r.session().created().kitId())),
                    options.scenario().map(Scenario::load));
        } catch (Exception e) {
            stopWhenStarted(webStart, e);
            station.close();
            throw e;
        }
    }

    /** Stops the web server started beside a start that failed ({@code failure}), once it has started. */
    private static void stopWhenStarted(Alongside<DashboardServer> webStart, Exception failure) {
        try {
            webStart.join().stop();
        } catch (Exception alsoFailed) {
            if (alsoFailed != failure) {
                failure.addSuppressed(alsoFailed);
            }
        }
    }

    /** How the simulated devices reach the station's broker: its URL, its certificate authority, their demo accounts. */
    static PublisherSettings devicesConnection(PublisherSettings base, MqttConfig station, Optional<DemoDevices> accounts)
            throws IOException {
        PublisherSettings.Logins logins = (bed, device) -> accounts.flatMap(a -> a.password(new DeviceRef(bed, device))
                .map(p -> new PublisherSettings.Login(DemoDevices.account(new DeviceRef(bed, device)), p.toCharArray())));
        if (station.caFile().isPresent()) {
            return base.secured(station.url(), PemTrust.socketFactory(station.caFile().get()), logins);
        }
        return new PublisherSettings(station.url(), base.runId(), base.maxInflight(), base.bufferSize(), Optional.empty(), logins);
    }

    /** The dashboard's keystore: the configured one, or for {@code self-signed} (the demo) a certificate kept from an earlier start while it is good, else made now. */
    private static Optional<DashboardWeb.Keystore> dashboardKeystore(StationConfig config) throws IOException {
        if (config.http().dashboardTls().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (config.http().dashboardTls().get()) {
            case HttpConfig.Tls.Keystore k -> new DashboardWeb.Keystore(k.file(), k.password());
            case HttpConfig.Tls.SelfSigned s -> {
                GeneratedTls made = GeneratedTls.reuseOrCreate(config.dataDir().resolve("dashboard-tls"), "infusion station dashboard", Instant.now());
                yield new DashboardWeb.Keystore(made.keystore(), made.keystorePassword());
            }
        });
    }

    /** The demo's accounts nurse/nurse and physician/physician, only when no users file exists (never touches real accounts). */
    private static boolean createDemoUsers(UserStore users) {
        if (users.exists()) {
            return false;
        }
        users.put(DEMO_USER, Role.NURSE, "Demo Nurse", DEMO_USER.toCharArray());
        users.put(DEMO_PHYSICIAN, Role.PHYSICIAN, "Demo Physician", DEMO_PHYSICIAN.toCharArray());
        LOG.warn("no users file: created the demo accounts '{}' and '{}' in {}", DEMO_USER, DEMO_PHYSICIAN, users.file());
        return true;
    }

    /** How long the simulated beds wait for the station's first broker connection before they start anyway. */
    static final Duration SIMULATORS_AFTER_STATION_WITHIN = Duration.ofSeconds(10);

    public static final String DEMO_USER = "nurse";
    public static final String DEMO_PHYSICIAN = "physician";

    public static StationMain start(StationConfig config, LaunchOptions options) throws Exception {
        return new StationMain(config, options, Clock.systemUTC(), Pacing.REAL_TIME);
    }

    /** The same on {@code clock} (tests run the station and the simulated beds faster than real time). */
    public static StationMain start(StationConfig config, LaunchOptions options, Clock clock) throws Exception {
        return new StationMain(config, options, clock, Pacing.REAL_TIME);
    }

    /**
     * Test seam: the same on {@code clock} with simulated beds that move only when the caller advances them
     * ({@link Pacing#MANUAL}, {@code SimulatedBeds.advanceTo}), so that a test stepping the clock publishes each step at
     * once instead of at the beds' next 256 ms tick.
     */
    static StationMain startSteppedByCaller(StationConfig config, LaunchOptions options, Clock clock) throws Exception {
        return new StationMain(config, options, clock, Pacing.MANUAL);
    }

    /** The simulated beds' control interface (programs pumps, injects faults, runs scenarios); empty without them. */
    public Optional<SimulatorControl> simulator() {
        return Optional.ofNullable(simulator);
    }

    public String dashboardUrl() {
        return dashboardUrl;
    }

    public StationApp station() {
        return station;
    }

    @Override
    public void close() {
        if (nurse != null) {
            nurse.close();
        }
        if (control != null) {
            DashboardServices.useSimulatorControl(null);
            control.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        web.stop();
        DashboardServices.uninstall(station.vertx());
        station.close();
    }

    static final String USAGE = """
            usage: StationMain [--config FILE] [--simulate-beds N] [--seed S] [--scenario NAME|FILE] [--pharmacy FILE] [--help]
              --config FILE       station settings (docs/configuration.md); also STATION_CONFIG, STATION_* variables
                                  and -Dstation.* properties
              --simulate-beds N   start N simulated beds (0-%d) publishing to the station's broker (default 0)
              --seed S            the simulated beds' random seed
              --scenario NAME     a scenario (shipped name or YAML file) the simulated beds run from the confirmed
                                  infusion start (docs/simulation.md)
              --pharmacy FILE     the simulated pharmacy's bags per kit, 'KIT-ID,DRUG,MG-PER-KG' lines (ketamine,
                                  midazolam, saline): the simulated patient follows the session's sealed arm
              --help              print this and exit
            Starts the data path, the dashboard and the status endpoint, and runs until Ctrl-C.""";

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        StationConfig config;
        try {
            options = LaunchOptions.parse(args);
            if (options.help()) {
                System.out.println(USAGE.formatted(SimulatorConfig.MAX_BEDS));
                return;
            }
            config = StationConfig.from(LaunchSettings.read(options.stationArgs().toArray(String[]::new)));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE.formatted(SimulatorConfig.MAX_BEDS));
            System.exit(2);
            return;
        }
        StationMain running;
        try {
            running = start(config, options);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            running.close();
            // also on standard output: the logging system may already have stopped in its own shutdown hook
            LOG.info("Station stopped");
            System.out.println("Station stopped");
            stopped.countDown();
        }, "station-shutdown"));
        System.out.println();
        System.out.println("  Dashboard: " + running.dashboardUrl());
        System.out.println("  Status:    http://" + config.http().host() + ":" + running.station().statusPort() + "/health");
        if (running.demoUserCreated) {
            System.out.println("  Sign in:   demo accounts nurse / nurse and physician / physician (created because "
                    + running.users.file() + " did not exist)");
        } else if (!running.users.exists()) {
            System.out.println("  No users yet: create the first administrator with bin/add-user --role admin --user ID --name \"Name\"");
        }
        System.out.println("  Press Ctrl-C to stop.");
        System.out.println();
        stopped.await();
    }

    /** Command-line options of the launcher itself; everything else goes to the station settings. */
    public record LaunchOptions(int simulatedBeds, long seed, Optional<String> scenario, List<String> stationArgs, boolean help,
                                Optional<Path> pharmacy) {
        public static LaunchOptions parse(String[] args) {
            boolean help = false;
            int beds = 0;
            long seed = SimulatorConfig.DEFAULT_SEED;
            Optional<String> scenario = Optional.empty();
            Optional<Path> pharmacy = Optional.empty();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--simulate-beds" -> beds = parseInt(args, ++i, 0, SimulatorConfig.MAX_BEDS);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--scenario" -> {
                        String name = value(args, ++i);
                        Scenario.load(name); // a wrong name or file is a usage error now, not at infusion start
                        scenario = Optional.of(name);
                    }
                    case "--pharmacy" -> {
                        Path file = Path.of(value(args, ++i));
                        try {
                            Pharmacy.load(file); // a bad file is a usage error now, not at infusion start
                        } catch (IOException e) {
                            throw new IllegalArgumentException("--pharmacy: cannot read " + file + ": " + e.getMessage());
                        }
                        pharmacy = Optional.of(file);
                    }
                    case "--help", "-h" -> help = true;
                    default -> rest.add(args[i]);
                }
            }
            return new LaunchOptions(beds, seed, scenario, rest, help, pharmacy);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int parseInt(String[] args, int i, int min, int max) {
            int v = Integer.parseInt(value(args, i));
            if (v < min || v > max) {
                throw new IllegalArgumentException(args[i - 1] + " must be between " + min + " and " + max);
            }
            return v;
        }
    }
}
