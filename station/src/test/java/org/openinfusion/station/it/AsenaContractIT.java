package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.testing.Eventually;

/**
 * docs/asena.md as someone building a pump emulator reads it: a serial device server (TCP) plays the pump, its frames
 * made with a CRC-16/CCITT-FALSE written here from the page's description and checked against the page's vectors. The
 * station must poll only the page's two read-only queries, count each damaged answer the page names under its name,
 * re-send an unanswered one once and then count it, and store every good answer around the damage.
 */
class AsenaContractIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    /** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final XOR; four upper-case hex digits. */
    static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    static String frame(String text) {
        return "!" + text + "|" + crc(text) + "\r";
    }

    static String inf(String mode, String rate) {
        return "INF^8002-51733^-^" + mode + "^" + rate + "^ml/h^^1.000^ml^20^mmHg^00:10:00^EVENT^1";
    }

    /** What the pump answers to the n-th INF request (from 1); after the script, good answers at 19 mL/h. */
    static String answerToInf(int n) {
        String good = frame(inf("INFUSING", "19.00"));
        return switch (n) {
            case 1 -> frame(inf("INFUSING", "10.00"));
            case 2 -> "!" + inf("INFUSING", "11.00") + "|" + (crc(inf("INFUSING", "11.00")).equals("0000") ? "0001" : "0000") + "\r"; // BAD_CHECKSUM
            case 3 -> frame(inf("INFUSING", "12.00")); // the answer to the re-sent request
            case 4, 5 -> ""; // silent twice: NO_RESPONSE
            case 6 -> "\u00ff\u00fe" + frame(inf("INFUSING", "13.00")); // STRAY_BYTES (a baud-rate mismatch), then a good answer
            case 7 -> "!INF^8002-51733^-^INFU" + frame(inf("INFUSING", "14.00")); // TRUNCATED by a new '!'
            case 8 -> frame("INF_VTBI^ACTIV^11.000^ml^STOP") + frame(inf("INFUSING", "15.00")); // UNKNOWN_RECORD: not asked
            case 9 -> "!" + "A".repeat(1100) + "|0000\r" + frame(inf("INFUSING", "16.00")); // OVERSIZED (> 1024 bytes)
            case 10 -> "!INF^8002-51733\r" + frame(inf("INFUSING", "17.00")); // MALFORMED: no |CRC
            case 11 -> frame(inf("DANCING", "18.00")); // UNKNOWN_VALUE: a mode the page does not map; the rate stands
            default -> good;
        };
    }

    @Test
    void theStationAsksOnlyReadOnlyQueriesCountsEveryDamagedAnswerAndStoresEveryGoodOne() throws Exception {
        assertEquals("4961", crc("INF"), "the page's vectors");
        assertEquals("38F3", crc("INF_START"));
        assertEquals("CD57", crc("INF_STOP"));
        assertEquals("4433", crc("INF_VTBI^ACTIV^11.000^ml^STOP"));
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread pump = Thread.ofPlatform().daemon().start(() -> playThePump(server, requests));
            var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("asena-contract"), "station-asena-contract");
            settings.putAll(Map.of("devices", "pump1", "device.pump1.protocol", "asena", "device.pump1.tcp",
                    "127.0.0.1:" + server.getLocalPort(), "device.pump1.bed", "asc-01", "device.pump1.pollInterval", "500ms"));
            try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
                 InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
                Eventually.waitUntil(Duration.ofSeconds(60), () -> "the script played: " + rates(influx),
                        () -> rates(influx).contains(19.0));
                List<Double> rates = rates(influx);
                assertEquals(List.of(10.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0), rates.subList(0, rates.indexOf(19.0)),
                        "every good answer stored once, in order; the damaged one (11) never");
                Map<String, Long> problems = pumpProblems(station.health());
                for (String kind : List.of("BAD_CHECKSUM", "NO_RESPONSE", "STRAY_BYTES", "TRUNCATED", "UNKNOWN_RECORD", "OVERSIZED",
                        "MALFORMED", "UNKNOWN_VALUE")) {
                    assertTrue(problems.getOrDefault(kind, 0L) > 0, kind + " not counted: " + problems);
                }
                assertEquals(1, problems.get("NO_RESPONSE"), "one request unanswered twice: " + problems);
                assertEquals(List.of("infusing"), influx.rows("SELECT distinct(vs) FROM state WHERE bed = 'asc-01' AND stream = 'pump_state'")
                        .stream().map(r -> r.get(1)).toList(), "DANCING is not stored as a state");
            }
            pump.join(5000);
        }
        // "The station never programs the pump": every byte it sent is one of the two read-only queries
        assertTrue(requests.size() > 20, "requests: " + requests);
        for (String r : requests) {
            assertTrue(r.equals(frame("INF")) || r.equals(frame("ALARM")), "the station sent " + r.replace("\r", "\\r"));
        }
        int silentAt = indexOfNth(requests, frame("INF"), 4);
        assertEquals(frame("INF"), requests.get(silentAt + 1), "an unanswered request is sent once more");
        assertEquals(frame("ALARM"), requests.get(silentAt + 2), "and then skipped");
    }

    private static int indexOfNth(List<String> list, String wanted, int n) {
        int seen = 0;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).equals(wanted) && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + n + " " + wanted);
    }

    private static List<Double> rates(InfluxQueries influx) {
        return influx.rows("SELECT v FROM numeric WHERE bed = 'asc-01' AND stream = 'pump_rate'").stream()
                .map(r -> ((Number) r.get(1)).doubleValue()).toList();
    }

    private static Map<String, Long> pumpProblems(HealthSnapshot health) {
        return health.devices().stream().filter(d -> d.protocol().equals("asena")).findFirst().map(d -> new HashMap<>(d.problems()))
                .orElseThrow();
    }

    /** Reads requests up to CR, records them and answers INF from the script and ALARM with "no alarm". */
    private static void playThePump(ServerSocket server, List<String> requests) {
        try (Socket link = server.accept()) {
            InputStream in = link.getInputStream();
            OutputStream out = link.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            int infs = 0;
            int b;
            while ((b = in.read()) >= 0) {
                request.write(b);
                if (b != '\r') {
                    continue;
                }
                String r = request.toString(StandardCharsets.ISO_8859_1);
                request.reset();
                requests.add(r);
                String answer = r.startsWith("!INF|") ? answerToInf(++infs) : frame("ALARM^AL_NOALM^^");
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException e) {
            // the station closed the link at the end of the test
        }
    }
}
