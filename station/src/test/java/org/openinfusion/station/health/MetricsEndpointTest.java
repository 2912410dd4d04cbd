package org.openinfusion.station.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.testing.TempFolders;

/** GET /metrics: the health counters in Prometheus' text format, scraped over HTTP and parsed line by line. */
class MetricsEndpointTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static HealthSnapshot snapshot(long hr, long written, boolean storeReachable) {
        return new HealthSnapshot(Instant.parse("2026-11-22T09:00:00Z"), true, storeReachable, storeReachable ? "" : "refused",
                6000, 8_000_000, Map.of("hr", 0.5), Map.of("hr", hr, "spo2", 40L), Map.of("OUT_OF_RANGE", 3L), 2, 1, written, 7,
                List.of(new DeviceStatusSnapshot("s5", "/dev/ttyUSB0", "s5", "serial", true, false, 123_456, 789, Optional.empty(),
                        Map.of())), 4, Optional.empty(), 5_000_000_000L, false, true, "", Map.of("hr", 2L));
    }

    /** The samples of a scrape, by name with its labels as written (e.g. {@code station_values_total{stream="hr"}}). */
    private static Map<String, Double> parse(String body) {
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\")*,?})? "
                + "(-?[0-9.eE+-]+|NaN|[+-]Inf)");
        Pattern type = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");
        Map<String, String> types = new HashMap<>();
        Map<String, Double> samples = new HashMap<>();
        for (String line : body.split("\n")) {
            Matcher t = type.matcher(line);
            if (t.matches()) {
                types.put(t.group(1), t.group(2));
            } else if (line.startsWith("# HELP ")) {
                assertTrue(line.split(" ").length >= 4, line);
            } else if (!line.isEmpty()) {
                Matcher m = sample.matcher(line);
                assertTrue(m.matches(), "a sample line: " + line);
                String family = m.group(1).replaceAll("_total$", "");
                assertTrue(types.containsKey(m.group(1)) || types.containsKey(family), "declared before use: " + line);
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.valueOf(m.group(4)));
            }
        }
        assertEquals("counter", types.getOrDefault("station_points_written_total", types.get("station_points_written")), types.toString());
        assertEquals("gauge", types.get("station_up"), types.toString());
        return samples;
    }

    @Test
    void metricsAreTheHealthCountersInPrometheusTextFormatComputedAtEachScrape() throws Exception {
        AtomicReference<HealthSnapshot> now = new AtomicReference<>(snapshot(1234, 5000, false));
        StatusHttpVerticle status = new StatusHttpVerticle("127.0.0.1", 0, now::get);
        await(vertx.deployVerticle(status));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + status.actualPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Double> m = parse(r.body());
        assertEquals(0.0, m.get("station_up"), "the store is down: /health would answer 503");
        assertEquals(1.0, m.get("station_broker_connected"));
        assertEquals(0.0, m.get("station_store_reachable"));
        assertEquals(6000.0, m.get("station_buffer_pending_bytes"));
        assertEquals(1234.0, m.get("station_values_total{stream=\"hr\"}"));
        assertEquals(40.0, m.get("station_values_total{stream=\"spo2\"}"));
        assertEquals(0.5, m.get("station_values_per_second{stream=\"hr\"}"));
        assertEquals(3.0, m.get("station_rejects_total{reason=\"OUT_OF_RANGE\"}"));
        assertEquals(5000.0, m.get("station_points_written_total"));
        assertEquals(7.0, m.get("station_points_dead_lettered_total"));
        assertEquals(4.0, m.get("station_broker_disconnects_total"));
        assertEquals(2.0, m.get("station_time_collisions_total{stream=\"hr\"}"));
        assertEquals(1.0, m.get("station_device_connected{device=\"s5\"}"));
        assertEquals(123456.0, m.get("station_device_bytes_received_total{device=\"s5\"}"));
        // the next scrape reads the station anew
        now.set(snapshot(2000, 9000, true));
        Map<String, Double> next = parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + status.actualPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(1.0, next.get("station_up"));
        assertEquals(2000.0, next.get("station_values_total{stream=\"hr\"}"));
        assertEquals(9000.0, next.get("station_points_written_total"));
    }

    @Test
    void theGrafanaDashboardAsksOnlyForMetricsTheStationServes() throws Exception {
        StatusMetrics metrics = new StatusMetrics(() -> snapshot(1, 1, true));
        Set<String> served = new HashSet<>();
        parse(metrics.scrape()).keySet().forEach(k -> served.add(k.replaceAll("\\{.*", "")));
        String dashboard = Files.readString(Path.of("../ops/grafana/infusion-station-dashboard.json"));
        JsonNode json = new ObjectMapper().readTree(dashboard);
        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : json.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = Pattern.compile("station_[a-z_]+").matcher(target.get("expr").asText());
                while (m.find()) {
                    asked.add(m.group());
                }
            }
        }
        assertTrue(asked.size() >= 15, asked.toString());
        asked.removeAll(served);
        assertEquals(Set.of(), asked, "asked for but not served");
    }

    @Test
    void theServiceUnitPassesSystemdAnalyzeVerify() throws Exception {
        // the unit as shipped, with ExecStart's java pointed at this JVM's (systemd checks that it exists)
        Path dir = Files.createTempDirectory("unit-");
        try {
            String unit = Files.readString(Path.of("../ops/systemd/infusion-station.service"))
                    .replace("/usr/bin/java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Path file = Files.writeString(dir.resolve("infusion-station.service"), unit);
            Process p = new ProcessBuilder("systemd-analyze", "verify", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals("", out.lines().filter(l -> l.contains("infusion-station.service")).collect(Collectors.joining("\n")),
                    "no warning about the unit");
        } finally {
            TempFolders.deleteTree(dir);
        }
    }
}
