package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.testing.CapturedLog;
import org.openinfusion.testing.Eventually;

/**
 * docs/mqtt.md as a device maker reads it, against a real mosquitto and a real influxd: every payload here is built
 * from the page (SenML text typed out, waveform chunks laid out byte by byte from the "Waveforms: binary chunk" table),
 * published raw by a plain Paho client, and judged by what an outsider sees: {@code GET /health}, the log and InfluxDB.
 * The streams' ranges and units are read from the page's own table, so the page and the station cannot drift apart.
 */
class MqttContractIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path MQTT_DOC = Path.of("..", "docs", "mqtt.md");
    private static final String PREFIX = "station/v1/beds/";

    /** One row of docs/mqtt.md "Streams". */
    record Row(String stream, String kind, String unit, double min, double max, List<String> states) {
    }

    /** The "Streams" table of docs/mqtt.md, as written there. */
    static List<Row> streamsTable() throws Exception {
        String doc = Files.readString(MQTT_DOC);
        String section = doc.substring(doc.indexOf("## Streams"), doc.indexOf("## Numerics"));
        List<Row> rows = new ArrayList<>();
        Pattern range = Pattern.compile("(-?\\d+) - (-?\\d+)");
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            String stream = cells[1].strip().replace("`", "");
            String kind = cells[2].strip().replaceAll(" .*", "");
            String unitCell = cells[6].strip();
            String unit = unitCell.equals("none") ? null : unitCell.replaceAll("^`([^`]*)`.*$", "$1");
            String accepted = cells[7].strip();
            if (kind.equals("state")) {
                List<String> states = Pattern.compile("`([^`]+)`").matcher(accepted).results().map(m -> m.group(1)).toList();
                rows.add(new Row(stream, kind, unit, 0, 0, states));
            } else {
                Matcher m = range.matcher(accepted);
                assertTrue(m.matches(), "range of " + stream + ": " + accepted);
                rows.add(new Row(stream, kind, unit, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), List.of()));
            }
        }
        return rows;
    }

    /** A waveform chunk laid out as the page's table says: big-endian, 24-byte header, float32 samples. */
    static byte[] chunk(int version, int encoding, int count, long rateMilliHz, long firstMicros, long firstSeq, float... samples) {
        ByteBuffer b = ByteBuffer.allocate(24 + 4 * samples.length); // big-endian is ByteBuffer's default
        b.put((byte) version).put((byte) encoding).putShort((short) count).putInt((int) rateMilliHz)
                .putLong(firstMicros).putLong(firstSeq);
        for (float s : samples) {
            b.putFloat(s);
        }
        return b.array();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static MqttClient device(String id) throws Exception {
        MqttClient c = new MqttClient(SERVERS.mosquitto().url(), id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        // Paho counts a QoS 1 publish in flight until its delivery callback has run, a moment after the blocking publish
        // returned: back-to-back publishes could exceed the default 10 ("Too many publishes in progress", seen in CI)
        options.setMaxInflight(1000);
        c.connect(options);
        return c;
    }

    private static void publish(MqttClient c, String topic, String payload) throws Exception {
        publish(c, topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void publish(MqttClient c, String topic, byte[] payload) throws Exception {
        c.publish(topic, payload, 1, false);
    }

    /** {@code GET /health} as a monitoring system reads it. */
    private static JsonObject health(StationApp station) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + station.statusPort() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new JsonObject(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long rejects(StationApp station, String reason) {
        return health(station).getJsonObject("rejects").getLong(reason, 0L);
    }

    /** The {@code rejects} object of {@code /health}: reason -> count, the reasons not seen (listed with 0) left out. */
    private static Map<String, Long> rejects(StationApp station) {
        Map<String, Long> counted = new TreeMap<>();
        health(station).getJsonObject("rejects").forEach(e -> {
            long n = ((Number) e.getValue()).longValue();
            if (n > 0) {
                counted.put(e.getKey(), n);
            }
        });
        return counted;
    }

    private static long values(StationApp station, String stream) {
        return health(station).getJsonObject("valuesTotal").getLong(stream, 0L);
    }

    @Test
    void everyStreamTakesItsDocumentedRangeAndUnitAndRefusesJustOutside() throws Exception {
        List<Row> table = streamsTable();
        assertEquals(19, table.size(), "rows of the Streams table: " + table);
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("ranges"), "station-contract-ranges");
        String bed = "range-01";
        long micros = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS).toEpochMilli() * 1000;
        double seconds = micros / 1e6;
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttClient monitor = device("contract-ranges");
            Map<String, Long> expectedStored = new LinkedHashMap<>();
            long outOfRange = 0;
            long wrongUnit = 0;
            for (Row row : table) {
                switch (row.kind()) {
                    case "numeric" -> {
                        // the range's ends are accepted, with the unit the table gives
                        String u = ",\"u\":\"" + row.unit() + "\"";
                        StringBuilder pack = new StringBuilder("[{\"bt\":").append(seconds).append(",\"n\":\"").append(row.stream())
                                .append("\"").append(u).append(",\"v\":").append(num(row.min())).append(",\"seq\":0}");
                        pack.append(",{\"n\":\"").append(row.stream()).append("\"").append(u).append(",\"v\":").append(num(row.max()))
                                .append(",\"seq\":1}");
                        // one below and one above are not
                        pack.append(",{\"n\":\"").append(row.stream()).append("\",\"v\":").append(num(row.min() - 1)).append(",\"seq\":2}");
                        pack.append(",{\"n\":\"").append(row.stream()).append("\",\"v\":").append(num(row.max() + 1)).append(",\"seq\":3}");
                        // and another unit is refused
                        pack.append(",{\"n\":\"").append(row.stream()).append("\",\"u\":\"furlong\",\"v\":").append(num(row.max()))
                                .append(",\"seq\":4}]");
                        publish(monitor, PREFIX + bed + "/devices/monitor/numerics", pack.toString());
                        expectedStored.put(row.stream(), 2L);
                        outOfRange += 2;
                        wrongUnit++;
                    }
                    case "state" -> {
                        StringBuilder pack = new StringBuilder("[");
                        int seq = 0;
                        for (String state : row.states()) {
                            pack.append("{\"t\":").append(seconds).append(",\"n\":\"").append(row.stream()).append("\",\"vs\":\"")
                                    .append(state).append("\",\"seq\":").append(seq++).append("},");
                        }
                        pack.append("{\"t\":").append(seconds).append(",\"n\":\"").append(row.stream())
                                .append("\",\"vs\":\"exploded\",\"seq\":").append(seq).append("}]");
                        publish(monitor, PREFIX + bed + "/devices/pump/numerics", pack.toString());
                        expectedStored.put(row.stream(), (long) row.states().size());
                        outOfRange++;
                    }
                    case "waveform" -> {
                        String topic = PREFIX + bed + "/devices/monitor/waveforms/" + row.stream();
                        publish(monitor, topic, chunk(1, 1, 2, 250_000, micros, 0, (float) row.min(), (float) row.max()));
                        publish(monitor, topic, chunk(1, 1, 1, 250_000, micros + 8000, 2, (float) (row.min() - 1)));
                        publish(monitor, topic, chunk(1, 1, 1, 250_000, micros + 12000, 3, (float) (row.max() + 1)));
                        expectedStored.put(row.stream(), 2L);
                        outOfRange += 2;
                    }
                    default -> throw new AssertionError("kind " + row.kind() + " of " + row.stream());
                }
            }
            long expectedOutOfRange = outOfRange;
            long expectedWrongUnit = wrongUnit;
            Eventually.waitUntil(Duration.ofSeconds(30), "every stream's accepted ends stored", () -> expectedStored.entrySet().stream()
                    .allMatch(e -> influx.count(StationFixture.measurement(e.getKey()), bed, e.getKey()) == e.getValue()));
            Eventually.waitUntil(Duration.ofSeconds(10), "the values outside counted", () -> rejects(station, "OUT_OF_RANGE") == expectedOutOfRange
                    && rejects(station, "WRONG_UNIT") == expectedWrongUnit);
            Map<String, Long> stored = new TreeMap<>();
            for (String stream : expectedStored.keySet()) {
                stored.put(stream, influx.count(StationFixture.measurement(stream), bed, stream));
            }
            assertEquals(new TreeMap<>(expectedStored), stored, "nothing outside a range stored");
            assertEquals(Map.of("OUT_OF_RANGE", expectedOutOfRange, "WRONG_UNIT", expectedWrongUnit), rejects(station), "no other reason");
            monitor.disconnect();
            monitor.close();
        }
    }

    @Test
    void eachReasonOfTheRejectionsTableIsCountedLoggedAndAcknowledgedAndTheEdgesOfEachRuleAreAccepted() throws Exception {
        Path data = SERVERS.newFolder("reasons");
        var settings = StationFixture.settings(SERVERS, data, "station-contract-reasons");
        String bed = "reason-01";
        String numerics = PREFIX + bed + "/devices/monitor/numerics";
        String ecg = PREFIX + bed + "/devices/monitor/waveforms/ecg_ii";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        double t = now.minusSeconds(5).toEpochMilli() / 1000.0;
        long us = now.minusSeconds(5).toEpochMilli() * 1000;
        String hr = "\"n\":\"hr\",\"t\":" + t;
        // what is rejected, by the table's reason (each payload from the table's "when" column)
        Map<String, List<Object[]>> bad = new LinkedHashMap<>();
        bad.put("UNKNOWN_TOPIC", List.of(new Object[] {"station/v1/hello", "hi"},
                new Object[] {PREFIX + bed + "/numerics", "[]"},
                new Object[] {PREFIX + "b".repeat(33) + "/devices/monitor/numerics", "[]"},
                new Object[] {PREFIX + bed + "/devices/mon itor/numerics", "[]"},
                new Object[] {PREFIX + bed + "/devices/monitor/vitals", "[]"}));
        bad.put("UNKNOWN_STREAM", List.of(new Object[] {numerics, "[{\"n\":\"temp\",\"t\":" + t + ",\"v\":37,\"seq\":1}]"},
                new Object[] {PREFIX + bed + "/devices/monitor/waveforms/hr", chunk(1, 1, 1, 500_000, us, 0, 0f)},
                new Object[] {PREFIX + bed + "/devices/monitor/waveforms/eeg", chunk(1, 1, 1, 500_000, us, 0, 0f)}));
        bad.put("OVERSIZED", List.<Object[]>of(new Object[] {numerics, new byte[65537]}));
        bad.put("MALFORMED_PAYLOAD", List.of(new Object[] {numerics, "not json"},
                new Object[] {numerics, "{" + hr + ",\"v\":72,\"seq\":1}"},
                new Object[] {ecg, chunk(2, 1, 1, 500_000, us, 0, 0f)},
                new Object[] {ecg, chunk(1, 2, 1, 500_000, us, 0, 0f)},
                new Object[] {ecg, chunk(1, 1, 1, 999, us, 0, 0f)},
                new Object[] {ecg, chunk(1, 1, 1, 2_000_001, us, 0, 0f)},
                new Object[] {PREFIX + bed + "/devices/monitor/status", "maybe"}));
        bad.put("MISSING_FIELD", List.of(new Object[] {numerics, "[{\"t\":" + t + ",\"v\":72,\"seq\":1}]"},
                new Object[] {numerics, "[{\"n\":\"hr\",\"v\":72,\"seq\":1}]"},
                new Object[] {numerics, "[{" + hr + ",\"seq\":1}]"},
                new Object[] {numerics, "[{" + hr + ",\"v\":72}]"}));
        bad.put("WRONG_TYPE", List.of(new Object[] {numerics, "[{" + hr + ",\"v\":\"72\",\"seq\":1}]"},
                new Object[] {numerics, "[{" + hr + ",\"v\":72,\"seq\":1.5}]"},
                new Object[] {numerics, "[{" + hr + ",\"vs\":\"72\",\"seq\":1}]"},
                new Object[] {numerics, "[{\"bver\":11," + hr + ",\"v\":72,\"seq\":1}]"}));
        bad.put("NOT_A_NUMBER", List.of(new Object[] {numerics, "[{" + hr + ",\"v\":1e400,\"seq\":1}]"},
                new Object[] {ecg, chunk(1, 1, 2, 500_000, us, 0, 0f, Float.NaN)},
                new Object[] {ecg, chunk(1, 1, 1, 500_000, us, 0, Float.NEGATIVE_INFINITY)}));
        bad.put("OUT_OF_RANGE", List.of(new Object[] {numerics, "[{" + hr + ",\"v\":72,\"seq\":-1}]"},
                new Object[] {ecg, chunk(1, 1, 1, 500_000, us, -1, 0f)}));
        bad.put("WRONG_UNIT", List.of(new Object[] {numerics, "[{" + hr + ",\"u\":\"bpm\",\"v\":72,\"seq\":1}]"},
                // bu is the default unit (RFC 8428 4.6)
                new Object[] {numerics, "[{\"bu\":\"%\"," + hr + ",\"v\":72,\"seq\":1}]"}));
        bad.put("BAD_TIME", List.of(new Object[] {numerics, "[{\"n\":\"hr\",\"t\":-2,\"v\":72,\"seq\":1}]"},
                new Object[] {numerics, "[{\"n\":\"hr\",\"t\":" + ((1L << 28) - 1) + ",\"v\":72,\"seq\":1}]"},
                new Object[] {numerics, "[{\"n\":\"hr\",\"t\":978307199,\"v\":72,\"seq\":1}]"},
                new Object[] {numerics, "[{\"n\":\"hr\",\"t\":" + now.plus(Duration.ofDays(1)).plusSeconds(60).getEpochSecond()
                        + ",\"v\":72,\"seq\":1}]"},
                new Object[] {ecg, chunk(1, 1, 1, 500_000, 978_307_199_000_000L, 0, 0f)}));
        bad.put("WRONG_SAMPLE_COUNT", List.of(new Object[] {ecg, chunk(1, 1, 3, 500_000, us, 0, 0f, 0f)},
                new Object[] {ecg, chunk(1, 1, 0, 500_000, us, 0)},
                new Object[] {ecg, chunk(1, 1, 4097, 500_000, us, 0, new float[4097])}));
        // and what the same rules accept at their edges (stored): the stream -> how many values
        String edge = "edge-" + "e".repeat(27); // a bed id of 32 characters
        Map<String, Long> good = Map.of("hr", 4L, "spo2", 1L, "nibp_sys", 1L, "pr", 1L, "ecg_ii", 4096L, "pleth", 1L, "co2", 1L);
        long edgeSeconds = now.plus(Duration.ofDays(1)).minusSeconds(60).getEpochSecond();
        try (CapturedLog log = new CapturedLog(IngestMetrics.class);
             StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttClient device = device("contract-reasons");
            for (var e : bad.entrySet()) {
                for (Object[] m : e.getValue()) {
                    publish(device, (String) m[0], m[1] instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) m[1]);
                }
            }
            String edgeNumerics = PREFIX + edge + "/devices/monitor/numerics";
            publish(device, edgeNumerics, "[{\"bver\":10,\"bt\":" + t + ",\"n\":\"hr\",\"v\":60,\"seq\":0}]");
            publish(device, edgeNumerics, "[{\"n\":\"hr\",\"t\":978307201,\"v\":61,\"seq\":1}]"); // 2001-01-01T00:00:01Z
            publish(device, edgeNumerics, "[{\"n\":\"hr\",\"t\":" + edgeSeconds + ",\"v\":62,\"seq\":2}]"); // a day ahead, less a minute
            // the name is bn + n; a unit from bu is overridden by the record's own u
            publish(device, edgeNumerics, "[{\"bn\":\"nibp_\",\"bu\":\"mm[Hg]\",\"bt\":" + t + ",\"n\":\"sys\",\"v\":120,\"seq\":0},"
                    + "{\"bn\":\"\",\"n\":\"spo2\",\"u\":\"%\",\"v\":97,\"seq\":0},{\"n\":\"hr\",\"u\":\"/min\",\"v\":63,\"seq\":3}]");
            publish(device, edgeNumerics, "[{\"bn\":\"pr\",\"bt\":" + t + ",\"u\":\"/min\",\"v\":70,\"seq\":0}]"); // bn alone names it
            publish(device, PREFIX + edge + "/devices/monitor/waveforms/ecg_ii", chunk(1, 1, 4096, 500_000, us, 0, new float[4096]));
            publish(device, PREFIX + edge + "/devices/monitor/waveforms/pleth", chunk(1, 1, 1, 1_000, us, 0, 0f)); // 1 Hz
            publish(device, PREFIX + edge + "/devices/monitor/waveforms/co2", chunk(1, 1, 1, 2_000_000, us, 0, 0f)); // 2000 Hz

            Eventually.waitUntil(Duration.ofSeconds(30), "the edge values stored", () -> good.entrySet().stream()
                    .allMatch(e -> influx.count(StationFixture.measurement(e.getKey()), edge, e.getKey()) == e.getValue()));
            Map<String, Long> expected = new TreeMap<>();
            bad.forEach((reason, messages) -> expected.put(reason, (long) messages.size()));
            Eventually.waitUntil(Duration.ofSeconds(10), () -> "every reason counted: " + rejects(station) + ", expected " + expected,
                    () -> rejects(station).equals(expected));
            for (String reason : bad.keySet()) {
                List<String> lines = log.containing("rejected " + reason + " on ");
                assertFalse(lines.isEmpty(), "the first " + reason + " is logged at once: " + log.lines());
                assertTrue(lines.getFirst().startsWith("rejected " + reason + " on station/v1/") && lines.getFirst().contains(": "),
                        "'rejected {reason} on {topic}: {detail}': " + lines.getFirst());
            }
            assertEquals(0, influx.count("numeric", bed) + influx.count("waveform", bed) + influx.count("state", bed),
                    "nothing rejected was stored");
            device.disconnect();
            device.close();
        }
        // "acknowledged so it is not redelivered forever": the same persistent session, taken up again, gets none of them
        try (StationApp again = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
            StationFixture.awaitSubscribed(again);
            MqttClient device = device("contract-reasons-2");
            publish(device, PREFIX + edge + "/devices/monitor/numerics", "[{\"n\":\"hr\",\"t\":" + t + ",\"v\":64,\"seq\":4}]");
            Eventually.waitUntil(Duration.ofSeconds(20), "the marker decoded", () -> values(again, "hr") == 1);
            assertEquals(Map.of(), rejects(again), "a rejected message came back from the broker");
            device.disconnect();
            device.close();
        }
    }

    @Test
    void theFilterOfEarlierVersionsKeptByThePersistentSessionIsDroppedSoNothingArrivesTwice() throws Exception {
        // an earlier station version left its persistent session subscribed to {prefix}/beds/+/devices/+/#
        String clientId = "station-contract-upgrade";
        MqttConnectOptions persistent = new MqttConnectOptions();
        persistent.setCleanSession(false);
        MqttClient old = new MqttClient(SERVERS.mosquitto().url(), clientId, new MemoryPersistence());
        old.connect(persistent);
        old.subscribe("station/v1/beds/+/devices/+/#", 1);
        old.disconnect();
        old.close();
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("upgrade"), clientId);
        double t = Instant.now().minusSeconds(5).toEpochMilli() / 1000.0;
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
            StationFixture.awaitSubscribed(station);
            MqttClient monitor = device("contract-upgrade-monitor");
            String topic = PREFIX + "upgrade-01/devices/monitor/numerics";
            publish(monitor, topic, "[{\"n\":\"hr\",\"t\":" + t + ",\"u\":\"/min\",\"v\":70,\"seq\":0}]");
            publish(monitor, topic, "[{\"n\":\"spo2\",\"t\":" + t + ",\"u\":\"%\",\"v\":97,\"seq\":0}]");
            Eventually.waitUntil(Duration.ofSeconds(20), "both decoded", () -> values(station, "hr") >= 1 && values(station, "spo2") >= 1);
            // a third message after them: once it is decoded, any second copy of the first two would have been too
            publish(monitor, topic, "[{\"n\":\"pr\",\"t\":" + t + ",\"u\":\"/min\",\"v\":70,\"seq\":0}]");
            Eventually.waitUntil(Duration.ofSeconds(20), "the marker decoded", () -> values(station, "pr") >= 1);
            JsonObject h = health(station);
            assertEquals(1, h.getJsonObject("valuesTotal").getLong("hr"), "hr delivered twice: " + h.getJsonObject("valuesTotal"));
            assertEquals(1, h.getJsonObject("valuesTotal").getLong("spo2"), "spo2 delivered twice");
            assertEquals(1, h.getJsonObject("valuesTotal").getLong("pr"), "pr delivered twice");
            monitor.disconnect();
            monitor.close();
        }
    }

    @Test
    void withARegistryAValueOrStatusFromABedDevicePairNotInItIsRejectedAsUnknownDevice() throws Exception {
        // docs/mqtt.md "Broker security": the registry line as the page prints it (account = bed/device hash)
        Path folder = SERVERS.newFolder("registry");
        Path registry = Files.writeString(folder.resolve("devices.registry"), "# account = bed/device PBKDF2-hash\n"
                + "mon-0417 = reg-01/monitor $7$101$qoqZiyGZm/1SPDom$KLK67NPVRS913eTzx9bttuf7G4OyZAoettnuWd6qg308R+608RrssoUajn1Q4F0hLjFNuSReeokigfkwpcdTBg==\n");
        var settings = StationFixture.settings(SERVERS, folder.resolve("data"), "station-contract-registry");
        settings.put("mqtt.allowUnregisteredDevices", "false");
        settings.put("mqtt.deviceRegistry", registry.toString());
        double t = Instant.now().minusSeconds(5).toEpochMilli() / 1000.0;
        String hr = "[{\"n\":\"hr\",\"t\":" + t + ",\"u\":\"/min\",\"v\":70,\"seq\":0}]";
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttClient client = device("contract-registry");
            publish(client, PREFIX + "reg-02/devices/monitor/numerics", hr); // another bed
            publish(client, PREFIX + "reg-01/devices/pump/numerics", hr); // another device of the bed
            client.publish(PREFIX + "reg-01/devices/fake/status", "offline".getBytes(StandardCharsets.UTF_8), 1, false);
            publish(client, PREFIX + "reg-01/devices/monitor/numerics", hr);
            Eventually.waitUntil(Duration.ofSeconds(20), "the registered device's value stored", () -> influx.count("numeric", "reg-01", "hr") == 1);
            Eventually.waitUntil(Duration.ofSeconds(10), () -> "three unknown devices counted: " + rejects(station),
                    () -> rejects(station).equals(Map.of("UNKNOWN_DEVICE", 3L)));
            assertEquals(0, influx.count("numeric", "reg-02"), "a value of an unregistered bed stored");
            List<String> heard = health(station).getJsonArray("devices").stream().map(d -> ((JsonObject) d).getString("name")).toList();
            assertEquals(List.of("reg-01/monitor"), heard, "only the registered device is listed in /health");
            client.disconnect();
            client.close();
        }
    }
}
