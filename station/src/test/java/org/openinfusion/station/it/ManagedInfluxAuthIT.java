package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.process.InfluxUsers;
import org.openinfusion.station.storage.influx.InfluxTimeSeriesReader;
import org.openinfusion.testing.Eventually;

/**
 * The station's own influxd (influx.url=managed) requires authentication, as an attacker on the host would try it: a
 * query without credentials or with a wrong password is refused with HTTP 401 by the real influxd, the read-only user
 * cannot write, while the station writes and reads with the users it created at first start. Their passwords sit in an
 * owner-only file that a restart reuses.
 */
class ManagedInfluxAuthIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theManagedInfluxdRefusesUnauthenticatedQueriesWhileTheStationWritesAndReadsAndARestartReusesItsPassword()
            throws Exception {
        Path data = SERVERS.newFolder("managed-auth");
        Map<String, String> settings = new HashMap<>(StationFixture.settings(SERVERS, data, "station-managed-auth"));
        settings.remove("influx.username");
        settings.remove("influx.password");
        settings.put("influx.url", InfluxConfig.MANAGED);
        Path users = data.resolve("influxdb").resolve(InfluxUsers.FILE_NAME);
        Instant start = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);

        byte[] firstPasswords;
        FileTime firstWritten;
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             SimulatedBeds sim = StationFixture.manualBeds(SERVERS.mosquitto().url(), "auth", 1, start)) {
            InfluxConfig store = station.config().influx();
            assertFalse(store.managed(), "the station runs on its own influxd's URL");
            assertEquals("station", store.username());
            assertEquals("reader", store.readUsername());
            assertRefusedWithoutCredentials(store);

            // the station still stores what a bed publishes, and reads it back as the read-only user
            StationFixture.awaitSubscribed(station);
            assertTrue(sim.awaitConnected(Duration.ofSeconds(20)));
            sim.advanceTo(start.plusSeconds(20));
            assertTrue(sim.awaitDelivered(Duration.ofSeconds(60)));
            try (InfluxQueries influx = new InfluxQueries(store)) {
                Eventually.waitUntil(Duration.ofSeconds(60), "all samples stored", () -> StationFixture.allStored(influx, sim));
            }
            try (InfluxTimeSeriesReader reader = new InfluxTimeSeriesReader(store)) {
                assertEquals(sim.produced("auth-01", "hr"),
                        reader.numerics("auth-01", Set.of(Stream.HR), start, start.plusSeconds(21)).size(),
                        "review reads every stored heart rate with the read-only user");
            }
            assertEquals(403, write(store, store.readUsername(), store.readPassword()).statusCode(),
                    "the read-only user cannot write");

            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
            String text = Files.readString(users);
            assertTrue(text.contains("station.password=" + store.password()), "the station writes with the file's password");
            assertTrue(text.contains("reader.password=" + store.readPassword()));
            firstPasswords = Files.readAllBytes(users);
            firstWritten = Files.getLastModifiedTime(users);
        }

        // a restart on the same data folder reads the same passwords: unchanged file, and influxd accepts them
        Instant later = start.plusSeconds(60);
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             SimulatedBeds sim = StationFixture.manualBeds(SERVERS.mosquitto().url(), "again", 1, later)) {
            assertArrayEquals(firstPasswords, Files.readAllBytes(users));
            assertEquals(firstWritten, Files.getLastModifiedTime(users));
            InfluxConfig store = station.config().influx();
            assertRefusedWithoutCredentials(store);
            StationFixture.awaitSubscribed(station);
            assertTrue(sim.awaitConnected(Duration.ofSeconds(20)));
            sim.advanceTo(later.plusSeconds(10));
            assertTrue(sim.awaitDelivered(Duration.ofSeconds(60)));
            try (InfluxQueries influx = new InfluxQueries(store)) {
                Eventually.waitUntil(Duration.ofSeconds(60), "all samples stored after the restart",
                        () -> StationFixture.allStored(influx, sim));
            }
        }
    }

    private static void assertRefusedWithoutCredentials(InfluxConfig store) throws Exception {
        String showDatabases = store.url() + "/query?q=" + URLEncoder.encode("SHOW DATABASES", StandardCharsets.UTF_8);
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(showDatabases)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> guessed = HTTP.send(HttpRequest.newBuilder(URI.create(showDatabases))
                .header("Authorization", basic("station", "station")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, guessed.statusCode(), guessed.body());
        HttpResponse<String> anonymousWrite = write(store, null, null);
        assertEquals(401, anonymousWrite.statusCode(), anonymousWrite.body());
    }

    private static HttpResponse<String> write(InfluxConfig store, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(store.url() + "/write?db=" + store.database()))
                .POST(HttpRequest.BodyPublishers.ofString("numeric,bed=fake,stream=hr v=1"));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
