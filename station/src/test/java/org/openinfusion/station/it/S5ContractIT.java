package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.device.ProblemCounters;
import org.openinfusion.station.testing.CapturedLog;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.PtyPair;

/**
 * docs/s5.md as someone building an S/5 emulator reads it: the test plays the monitor on the far end of a socat pty
 * pair, with frames laid out from the page ("Supported": framing, stuffing, the 8-bit sum, the 40-byte header; "Mapping":
 * the basic class offsets and raw units), and throws at the station every damaged frame the page's "Problems counted"
 * names. Each is counted under its name in {@code /health}, none stops decoding, nothing damaged is stored, and every
 * value sent before, between and after the damage reaches InfluxDB with the page's scaling.
 */
class S5ContractIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final int FLAG = 0x7E;
    private static final int ESCAPE = 0x7D;
    private static final short INVALID = -32767;

    /** Basic class offsets from the page's mapping table (relative to the class block, 4 bytes into the subrecord). */
    private static final int HR = 6;
    private static final int NIBP_SYS = 78;
    private static final int NIBP_DIA = 80;
    private static final int NIBP_MEAN = 82;
    private static final int SPO2 = 124;
    private static final int SPO2_PR = 126;
    private static final int CO2_ET = 138;
    private static final int CO2_RR = 142;
    private static final int CO2_AMB = 144;

    /**
     * A physiological record (maintype 0) with one displayed-values subrecord (type 1): the 40-byte header, then the
     * subrecord's time and its class block; every value not given is the "invalid" sentinel. {@code reserved} goes into
     * the header's reserved byte 10 (to steer the checksum).
     */
    static byte[] record(long time, Map<Integer, Integer> values, int reserved) {
        int classBlock = 270;
        ByteBuffer b = ByteBuffer.allocate(40 + 4 + classBlock).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) b.capacity()).put((byte) 0).put((byte) 10).putShort((short) 0).putInt((int) time);
        b.put((byte) reserved).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putShort((short) 0); // maintype at byte 14
        b.putShort((short) 0).put((byte) 1); // subrecord 0: offset 0 after the header, type 1
        for (int i = 1; i < 8; i++) {
            b.putShort((short) 0).put((byte) 0xFF);
        }
        b.putInt((int) time);
        for (int i = 0; i < classBlock / 2; i++) {
            b.putShort(values.containsKey(2 * i) ? values.get(2 * i).shortValue() : INVALID);
        }
        return b.array();
    }

    static int sum(byte[] record) {
        int s = 0;
        for (byte x : record) {
            s += x & 0xFF;
        }
        return s & 0xFF;
    }

    /** {@code 7E | record | checksum | 7E}, record and checksum stuffed. */
    static byte[] frame(byte[] record, int checksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FLAG);
        for (byte x : record) {
            stuff(out, x & 0xFF);
        }
        stuff(out, checksum);
        out.write(FLAG);
        return out.toByteArray();
    }

    static byte[] frame(byte[] record) {
        return frame(record, sum(record));
    }

    private static void stuff(ByteArrayOutputStream out, int v) {
        if (v == FLAG || v == ESCAPE) {
            out.write(ESCAPE);
            out.write(v ^ 0x20);
        } else {
            out.write(v);
        }
    }

    private static Map<Integer, Integer> vitals(int hr, int nibpSys, int nibpDia, int nibpMean) {
        return Map.of(HR, hr, SPO2, 9750, SPO2_PR, 62, CO2_ET, 500, CO2_RR, 12, CO2_AMB, 7600,
                NIBP_SYS, nibpSys, NIBP_DIA, nibpDia, NIBP_MEAN, nibpMean);
    }

    private static JsonObject monitor(StationApp station) {
        return station.health().devices().stream().filter(d -> d.protocol().equals("s5")).findFirst()
                .map(d -> new JsonObject().put("connected", d.connected()).put("problems", new JsonObject(Map.copyOf(d.problems()))))
                .orElse(new JsonObject().put("connected", false).put("problems", new JsonObject()));
    }

    private static List<Object> column(InfluxQueries influx, String stream) {
        return influx.rows("SELECT v FROM numeric WHERE bed = 's5c-01' AND stream = '" + stream + "'").stream().map(r -> r.get(1)).toList();
    }

    @Test
    void everyDamagedFrameThePageNamesIsCountedAndTheValuesAroundItAreStoredAsThePageScalesThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/usr/local/bin/socat")), "socat");
        Path dir = SERVERS.newFolder("s5-contract");
        try (PtyPair cable = PtyPair.open(Files.createDirectories(dir.resolve("cable")), true)) {
            var settings = StationFixture.settings(SERVERS, dir.resolve("data"), "station-s5-contract");
            settings.putAll(Map.of("devices", "mon1", "device.mon1.protocol", "s5", "device.mon1.port", cable.ttyA().toString(),
                    "device.mon1.bed", "s5c-01", "device.mon1.driLevels", "10", "device.mon1.waves", "none"));
            long t = Instant.now().minusSeconds(60).getEpochSecond();
            try (CapturedLog log = new CapturedLog(ProblemCounters.class);
                 StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
                 InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station");
                 OutputStream wire = new FileOutputStream(cable.ttyB().toFile());
                 InputStream requests = new FileInputStream(cable.ttyB().toFile())) {
                Thread.ofPlatform().daemon().start(() -> drain(requests)); // the station's requests, not judged here
                Eventually.waitUntil(Duration.ofSeconds(20), "the station opened its end", () -> monitor(station).getBoolean("connected"));

                // A: a good record
                wire.write(frame(record(t, vitals(61, 12000, 8000, 9300), 0)));
                wire.flush();
                Eventually.waitUntil(Duration.ofSeconds(20), "the first record stored", () -> column(influx, "hr").size() == 1);

                // damage, each kind the page names
                byte[] good = record(t + 1, vitals(66, 12000, 8000, 9300), 0);
                for (int i = 0; i < 3; i++) {
                    wire.write(frame(good, sum(good) ^ 0x01)); // BAD_CHECKSUM, three times: logged once
                }
                wire.write(new byte[] {FLAG, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, FLAG}); // STRAY_BYTES
                byte[] escaped = frame(good);
                ByteArrayOutputStream badEscape = new ByteArrayOutputStream();
                badEscape.write(escaped, 0, 50);
                badEscape.write(ESCAPE);
                badEscape.write(0x00); // neither 5E nor 5D after 7D
                badEscape.write(escaped, 50, escaped.length - 50);
                wire.write(badEscape.toByteArray()); // BAD_ESCAPE
                byte[] big = new byte[1600];
                Arrays.fill(big, (byte) 0x01);
                wire.write(FLAG);
                wire.write(big);
                wire.write(FLAG); // OVERSIZED: more than 1490 bytes between flags
                wire.write(escaped, 0, 120); // TRUNCATED: r_len promises 314 bytes, the next flag comes first
                byte[] lying = record(t + 1, vitals(66, 12000, 8000, 9300), 0);
                lying[0] = (byte) 44; // MALFORMED: r_len says 300 of a 314-byte record
                lying[1] = (byte) 1;
                wire.write(frame(lying));
                Map<Integer, Integer> sensorOff = new HashMap<>(vitals(0, 12000, 8000, 9300));
                sensorOff.put(HR, (int) INVALID);
                wire.write(frame(record(t + 2, sensorOff, 0))); // NO_VALUE: hr invalid, the rest of the record stands

                // B: 0x7E inside the data (hr 126), C: a record whose checksum is 0x7E (stuffed as 7D 5E)
                wire.write(frame(record(t + 3, vitals(126, 12000, 8000, 9300), 0)));
                byte[] c = record(t + 4, vitals(67, 12000, 8000, 9300), 0);
                c = record(t + 4, vitals(67, 12000, 8000, 9300), (FLAG - sum(c)) & 0xFF);
                assertEquals(FLAG, sum(c), "the checksum this record was built for");
                wire.write(frame(c));
                // D: a new blood pressure reading
                wire.write(frame(record(t + 5, vitals(68, 13000, 8500, 10000), 0)));
                wire.flush();

                Eventually.waitUntil(Duration.ofSeconds(20), () -> "the records after the damage stored: " + column(influx, "hr"),
                        () -> column(influx, "hr").size() == 4);
                assertEquals(List.of(61.0, 126.0, 67.0, 68.0), column(influx, "hr"), "hr: nothing damaged stored, nothing good lost");
                Eventually.waitUntil(Duration.ofSeconds(10), "the NO_VALUE record's other values stored",
                        () -> column(influx, "spo2").size() == 5);
                assertEquals(List.of(97.5, 97.5, 97.5, 97.5, 97.5), column(influx, "spo2"), "SpO2 in 0.01 %");
                assertEquals(List.of(62.0, 62.0, 62.0, 62.0, 62.0), column(influx, "pr"));
                assertEquals(List.of(12.0, 12.0, 12.0, 12.0, 12.0), column(influx, "rr"));
                List<Object> etco2 = column(influx, "etco2");
                assertEquals(5, etco2.size());
                assertEquals(38.0, ((Number) etco2.getFirst()).doubleValue(), 1e-9, "et 5.00 % x 760.0 mmHg");
                assertEquals(List.of(120.0, 130.0), column(influx, "nibp_sys"), "a reading once, when it is new");
                assertEquals(List.of(80.0, 85.0), column(influx, "nibp_dia"));
                assertEquals(List.of(93.0, 100.0), column(influx, "nibp_mean"));

                JsonObject problems = monitor(station).getJsonObject("problems");
                for (String kind : List.of("BAD_CHECKSUM", "STRAY_BYTES", "BAD_ESCAPE", "OVERSIZED", "TRUNCATED", "MALFORMED", "NO_VALUE")) {
                    assertTrue(problems.getLong(kind, 0L) > 0, kind + " not counted: " + problems);
                }
                assertTrue(problems.getLong("BAD_CHECKSUM") >= 3, "three bad checksums: " + problems);
                assertEquals(1, log.containing("BAD_CHECKSUM").size(), "one line per kind per 10 s: " + log.containing("BAD_CHECKSUM"));
                assertTrue(monitor(station).getBoolean("connected"), "the link stays up");
            }
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the cable was pulled at the end of the test
        }
    }
}
