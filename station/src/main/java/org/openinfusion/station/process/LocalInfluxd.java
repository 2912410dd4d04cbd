package org.openinfusion.station.process;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A private InfluxDB 1.x ({@code influxd}) on a free loopback port with its own data folder and
 * configuration: reporting, UDP/Graphite listeners and self-monitoring off, and authentication on.
 * Before trusting the port, it checks through {@code /debug/vars} that the answering server runs our
 * configuration file.
 *
 * <p>At its first start it creates the administrator {@code station} (InfluxDB 1.x accepts that one statement
 * without credentials while no user exists) and the user {@code reader}, with passwords generated into
 * {@value InfluxUsers#FILE_NAME} in its folder (owner-only); later starts read them from there. Every other
 * request without valid credentials is refused (HTTP 401).
 */
public final class LocalInfluxd extends ManagedProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final int port;
    private final Path configFile;
    private final InfluxUsers users;

    private LocalInfluxd(Path binary, Path dir, int port, Path configFile, InfluxUsers users) {
        super("influxd :" + port, List.of(binary.toString(), "-config", configFile.toString()), dir.resolve("influxd.log"));
        this.port = port;
        this.configFile = configFile;
        this.users = users;
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
        return start(binary, dir, coldSnapshot, FreePort::find);
    }

    /** As {@link #start(Path, Path, Duration)} on ports drawn from {@code ports} (taken ones are replaced). */
    static LocalInfluxd start(Path binary, Path dir, Duration coldSnapshot, IntSupplier ports) throws IOException {
        Files.createDirectories(dir);
        InfluxUsers users = InfluxUsers.loadOrCreate(dir.resolve(InfluxUsers.FILE_NAME));
        return onFreePorts("influxd", ports, p -> {
            int port = p.getAsInt();
            Path config = dir.resolve("influxdb.conf");
            Files.writeString(config, config(dir, port, p.getAsInt(), coldSnapshot.toSeconds()));
            LocalInfluxd influxd = new LocalInfluxd(binary, dir, port, config, users);
            influxd.start();
            return influxd;
        });
    }

    /** (Re)starts the process on the same port and folder, and makes sure its users exist. */
    public void start() throws IOException {
        requireFree(port);
        launch(this::oursAnswers, Duration.ofSeconds(60));
        try {
            ensureUsers();
        } catch (IOException e) {
            stop();
            throw e;
        }
    }

    /** The administrator: the station writes and creates its database with these. */
    public InfluxUsers.Credentials admin() {
        return users.admin();
    }

    /** The read-only user: granted READ on a database by {@link #grantRead(String)}. */
    public InfluxUsers.Credentials reader() {
        return users.reader();
    }

    /** Creates {@code database} if missing and lets {@link #reader()} read it (InfluxDB 1.x: {@code GRANT READ}). */
    public void grantRead(String database) throws IOException {
        String db = "\"" + database.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        requireOk(query("CREATE DATABASE " + db, users.admin()));
        requireOk(query("GRANT READ ON " + db + " TO \"" + InfluxUsers.READER + "\"", users.admin()));
    }

    /**
     * With the administrator's password: fine when it exists; when no user exists yet (InfluxDB answers "create admin
     * user first"), creates it, the one statement InfluxDB accepts without credentials then. Then the reader.
     */
    private void ensureUsers() throws IOException {
        HttpResponse<String> probe = query("SHOW USERS", users.admin());
        if (probe.statusCode() == 403 && probe.body().contains("create admin user first")) {
            requireOk(query("CREATE USER \"" + InfluxUsers.ADMIN + "\" WITH PASSWORD '" + users.admin().password()
                    + "' WITH ALL PRIVILEGES", null));
        } else if (probe.statusCode() == 401) {
            throw new IOException("influxd in " + configFile.getParent() + " has users, but refuses the password in "
                    + InfluxUsers.FILE_NAME + " (" + probe.body().strip() + ")");
        } else {
            requireOk(probe);
        }
        HttpResponse<String> reader = query("CREATE USER \"" + InfluxUsers.READER + "\" WITH PASSWORD '"
                + users.reader().password() + "'", users.admin());
        if (reader.body().contains("user already exists")) {
            reader = query("SET PASSWORD FOR \"" + InfluxUsers.READER + "\" = '" + users.reader().password() + "'", users.admin());
        }
        requireOk(reader);
    }

    private static void requireOk(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
            throw new IOException("influxd refused: HTTP " + response.statusCode() + " " + response.body().strip());
        }
    }

    /** {@code POST /query} with {@code as}'s credentials (none when null). */
    private HttpResponse<String> query(String statement, InfluxUsers.Credentials as) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/query"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)));
        if (as != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (as.username() + ":" + as.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to influxd", e);
        }
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
                  auth-enabled = true
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
