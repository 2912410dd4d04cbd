package org.openinfusion.dashboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.openinfusion.station.process.Binaries;
import org.openinfusion.station.process.LocalInfluxd;
import org.openinfusion.station.process.LocalMosquitto;
import org.openinfusion.testing.TempFolders;

/**
 * What a benchmark starts, in one temporary folder: a private mosquitto and influxd, the simulators' JVM, and anything
 * else handed to {@link #closeLater}. {@link #close()} stops them in reverse order of start, each step on its own
 * (a failing one is reported on stderr and the next still runs), then deletes the folder; it runs once, at the end, on
 * failure, or from the shutdown hook on Ctrl-C.
 */
final class BenchServers implements AutoCloseable {
    private final Path root;
    private final Deque<Step> closing = new ArrayDeque<>();
    private final Thread hook;
    private LocalMosquitto mosquitto;
    private LocalInfluxd influxd;
    private boolean closed;

    private BenchServers(Path root, String name) {
        this.root = root;
        this.hook = new Thread(this::close, name + "-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A new temporary folder named {@code name-...}, deleted at close. */
    static BenchServers create(String name) throws IOException {
        return new BenchServers(Files.createTempDirectory(name + "-"), name);
    }

    Path root() {
        return root;
    }

    /** Starts mosquitto in {@code root/mosquitto}. */
    LocalMosquitto startMosquitto() throws IOException {
        mosquitto = closeLater(LocalMosquitto.start(binary("mosquitto", "mosquitto"), root.resolve("mosquitto")), LocalMosquitto::stop);
        return mosquitto;
    }

    /** Starts influxd in {@code root/influxd}. */
    LocalInfluxd startInfluxd() throws IOException {
        influxd = closeLater(LocalInfluxd.start(binary("influxd", "influxdb"), root.resolve("influxd")), LocalInfluxd::stop);
        return influxd;
    }

    LocalMosquitto mosquitto() {
        return mosquitto;
    }

    LocalInfluxd influxd() {
        return influxd;
    }

    /**
     * The station's settings for the servers started here: broker and store URLs, {@code clientId}, a data folder in
     * {@code root/station}, the status endpoint on a free port (more may be put before the config is read).
     */
    Map<String, String> stationSettings(String clientId) throws IOException {
        Map<String, String> s = new HashMap<>();
        s.put("mqtt.url", mosquitto.url());
        s.put("mqtt.clientId", clientId);
        s.put("mqtt.allowUnregisteredDevices", "true"); // simulated beds on an open test broker
        s.put("influx.url", influxd.url());
        s.put("influx.username", influxd.admin().username()); // the private influxd requires authentication
        s.put("influx.password", influxd.admin().password());
        s.put("station.dataDir", Files.createDirectories(root.resolve("station")).toString());
        s.put("http.statusPort", "0");
        return s;
    }

    /** Starts the simulators' JVM publishing to the mosquitto started here. */
    SimulatorProcess startSimulators() throws IOException, InterruptedException {
        return closeLater(SimulatorProcess.start(mosquitto.url(), root.resolve("simulator")), SimulatorProcess::close);
    }

    /** A client of the influxd started here that waits up to 10 minutes for a query (counting a long run). */
    InfluxDB influxClient() {
        return closeLater(InfluxDBFactory.connect(influxd.url(), influxd.admin().username(), influxd.admin().password(),
                new OkHttpClient.Builder().readTimeout(10, TimeUnit.MINUTES).connectTimeout(10, TimeUnit.SECONDS)), InfluxDB::close);
    }

    /** Registers {@code resource} to be stopped by {@code stop} at close, before everything registered earlier. */
    synchronized <T> T closeLater(T resource, Stopper<T> stop) {
        closing.push(() -> stop.stop(resource));
        return resource;
    }

    /** Registers a step run at close before everything registered earlier (for resources that are replaced while running). */
    synchronized void onClose(Step step) {
        closing.push(step);
    }

    /** Bytes under {@code root/sub} (0 when missing). */
    long bytesUnder(String sub) throws IOException {
        Path dir = root.resolve(sub);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            while (!closing.isEmpty()) {
                quietly(closing.pop());
            }
            quietly(() -> TempFolders.deleteTree(root));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook, or while the JVM exits: the hook runs (or ran) anyway
        }
    }

    static Path binary(String name, String debianPackage) {
        return Binaries.find(name, System.getenv("PATH")).orElseThrow(() -> new IllegalStateException(name
                + " is not installed (looked on PATH and in /usr/sbin, /usr/bin): on Debian or Ubuntu run "
                + "'sudo apt-get install " + debianPackage + "' (bin/run-tests installs it when run as root)"));
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("cleanup: " + e);
        }
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Stopper<T> {
        void stop(T resource) throws Exception;
    }
}
