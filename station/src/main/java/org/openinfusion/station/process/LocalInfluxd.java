package org.openinfusion.station.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A private InfluxDB 1.x ({@code influxd}) on a free loopback port with its own data folder and
 * configuration: reporting, UDP/Graphite listeners and self-monitoring off. Before trusting the
 * port, it checks through {@code /debug/vars} that the answering server runs our configuration file.
 */
public final class LocalInfluxd extends ManagedProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    /** Start attempts when the ports found free were taken before influxd bound them. */
    private static final int START_ATTEMPTS = 3;

    private final int port;
    private final Path configFile;

    private LocalInfluxd(Path binary, Path dir, int port, Path configFile) {
        super("influxd :" + port, List.of(binary.toString(), "-config", configFile.toString()), dir.resolve("influxd.log"));
        this.port = port;
        this.configFile = configFile;
    }

    /** Starts influxd with its data in {@code dir}; a restart reuses the folder and port. */
    public static LocalInfluxd start(Path binary, Path dir) throws IOException {
        return start(binary, dir, Duration.ofMinutes(10));
    }

    /**
     * As {@link #start(Path, Path)}, writing the in-memory cache to compressed TSM files once a shard has had
     * no writes for {@code coldSnapshot} (the benchmark uses a short one to measure bytes on disk).
     */
    public static LocalInfluxd start(Path binary, Path dir, Duration coldSnapshot) throws IOException {
        Files.createDirectories(dir);
        for (int attempt = 1; ; attempt++) {
            int port = FreePort.find();
            Path config = dir.resolve("influxdb.conf");
            Files.writeString(config, config(dir, port, FreePort.find(), coldSnapshot.toSeconds()));
            LocalInfluxd influxd = new LocalInfluxd(binary, dir, port, config);
            try {
                influxd.start();
                return influxd;
            } catch (IOException e) {
                // a free port found here can be taken by another process before influxd binds it: try new ports
                if (attempt == START_ATTEMPTS || !portWasTaken(dir.resolve("influxd.log"))) {
                    throw e;
                }
            }
        }
    }

    private static boolean portWasTaken(Path log) {
        try {
            return Files.exists(log) && Files.readString(log).toLowerCase(Locale.ROOT).contains("address already in use");
        } catch (IOException e) {
            return false;
        }
    }

    /** (Re)starts the process on the same port and folder. */
    public void start() throws IOException {
        if (FreePort.answers(port)) {
            throw new IOException("port " + port + " is already taken by another process");
        }
        launch(this::oursAnswers, Duration.ofSeconds(60));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private boolean oursAnswers() {
        try {
            HttpResponse<String> ping = get("/ping");
            if (ping.statusCode() != 204) {
                return false;
            }
            return get("/debug/vars").body().contains(configFile.toString().replace("\\", "\\\\"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String config(Path dir, int httpPort, int rpcPort, long coldSnapshotSeconds) {
        return """
                reporting-disabled = true
                bind-address = "127.0.0.1:%2$d"
                [meta]
                  dir = "%3$s/meta"
                  logging-enabled = false
                [data]
                  dir = "%3$s/data"
                  wal-dir = "%3$s/wal"
                  query-log-enabled = false
                  wal-fsync-delay = "0s"
                  cache-snapshot-write-cold-duration = "%4$ds"
                [monitor]
                  store-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%1$d"
                  log-enabled = false
                  max-body-size = 0
                [continuous_queries]
                  enabled = false
                [subscriber]
                  enabled = false
                [logging]
                  level = "warn"
                """.formatted(httpPort, rpcPort, dir.toAbsolutePath(), coldSnapshotSeconds);
    }
}
