package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.tls.PemTrust;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;

/**
 * Runs command A itself (bin/station-demo) as a new user would, then stops it with Ctrl-C (SIGINT); its first stop in a
 * new data folder writes the class data the next start maps (on JDK 25 the AOT cache: tens of seconds, and says so).
 */
class DemoScriptIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void demoCommandPrintsTheDashboardStoresDataAndCtrlCStopsEverythingItStarted() throws Exception {
        Path data = TempFolders.deletedOnExit("demo-script-");
        Path log = data.resolve("demo.log");
        int port = FreePort.find();
        ProcessBuilder pb = new ProcessBuilder("bin/station-demo").directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("DATA_DIR", data.resolve("run").toString());
        Process demo = pb.start();
        try {
            // when the demo is up, it prints the dashboard's address
            String dashboard = "https://127.0.0.1:" + port + "/";
            String status = awaitLine(log, demo, Pattern.compile("Status: +(http://\\S+/health)"), Duration.ofMinutes(3));
            assertTrue(Files.readString(log).contains("Dashboard: " + dashboard));
            // over HTTPS, with the certificate the demo made on its first start in its data folder
            HttpClient trusting = HttpClient.newBuilder().sslContext(PemTrust.context(
                    data.resolve("run").resolve("dashboard-tls").resolve("ca.pem"))).build();
            // (the first HTTPS request sets up TLS and the page: 11 s were seen at a load average of 45, so a wide bound)
            assertEquals(200, trusting.send(HttpRequest.newBuilder(URI.create(dashboard)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            // and the simulated bed's data reaches InfluxDB through the station
            Eventually.waitUntil(Duration.ofSeconds(60), "2000 points written", () -> health(status).getLong("pointsWritten", 0L) > 2000);
            assertEquals("UP", health(status).getString("status"));
            List<ProcessHandle> influxd = demo.descendants().filter(h -> h.info().command().orElse("").endsWith("influxd")).toList();
            assertEquals(1, influxd.size(), "the demo started one private influxd");

            // then Ctrl-C (SIGINT) stops the station, the dashboard, the broker and influxd; this first start of the
            // build in a new data folder then writes its class data: on JDK 25 or newer the AOT cache, which the stopping
            // JVM has a second JVM write (about 20 s on a quiet machine, 30-80 s were seen at load 11-50), so a wide bound
            int linesBeforeStop = read(log).length();
            new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor();
            assertTrue(demo.waitFor(5, TimeUnit.MINUTES), "demo stopped after SIGINT");
            // the log says so, and never showed Vaadin Boot's http address or its gradlew hint (the address is https)
            String said = read(log);
            assertTrue(said.contains("Station stopped"), said);
            // a first stop that trains the AOT cache says so at the start (the launcher) and while it writes it (the JVM),
            // so that a user knows why this stop takes longer; then the cache is there for the next start
            Path run = data.resolve("run");
            if (said.contains("its ahead-of-time class cache is written to")) {
                String stopping = said.substring(linesBeforeStop);
                assertTrue(stopping.contains("to assemble AOT cache") && stopping.contains("AOTCache creation is complete"), stopping);
                assertTrue(Files.size(run.resolve("station-classes.aot")) > 0, "the AOT cache written");
                assertTrue(Files.isRegularFile(run.resolve("station-classes.aot.key")), "with what it was trained with");
            } else {
                assertTrue(Files.size(run.resolve("station-classes.jsa")) > 0, "before JDK 25: the dynamic archive written\n" + said);
            }
            assertTrue(said.contains("Dashboard web server started in ") && said.contains(" s at " + dashboard), said);
            assertFalse(said.contains("gradlew") || said.contains("Please open http"), said);
            assertFalse(said.contains("Discarding message since the consumer is not registered"), said);
            Eventually.waitUntil(Duration.ofSeconds(20), "influxd stopped", () -> influxd.stream().noneMatch(ProcessHandle::isAlive));
            assertFalse(FreePort.answers(port), "dashboard port released");
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    private static String awaitLine(Path log, Process p, Pattern pattern, Duration timeout) throws Exception {
        String[] found = new String[1];
        Eventually.waitUntil(timeout, () -> "a line " + pattern + " in:\n" + read(log), () -> {
            Matcher m = pattern.matcher(read(log));
            if (m.find()) {
                found[0] = m.group(1);
                return true;
            }
            if (!p.isAlive()) {
                throw new AssertionError("demo exited early:\n" + read(log));
            }
            return false;
        });
        return found[0];
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject health(String url) {
        try {
            return new JsonObject(get(url).body());
        } catch (IOException | RuntimeException e) {
            return new JsonObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JsonObject();
        }
    }
}
