package org.openinfusion.station.device.asena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.RecordingOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;

class AsenaSessionTest {
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump1");
    private static final Instant T0 = Instant.parse("2025-11-22T10:00:00Z");

    private final AsenaSession session = new AsenaSession(PUMP, AsenaOptions.defaults());
    private final RecordingOutput out = new RecordingOutput();

    private List<String> sent() {
        return out.sent.stream().map(b -> new String(b, StandardCharsets.US_ASCII)).toList();
    }

    @Test
    void pollsInfThenAlarmEveryIntervalOneAtATime() {
        session.connected(T0, out);
        assertEquals(List.of("!INF|4961\r"), sent());
        byte[] inf = AsenaTestFrames.inf("NONE", "INFUSING", "1", "1", "");
        session.received(inf, 0, inf.length, T0.plusMillis(50), out);
        assertTrue(sent().get(1).startsWith("!ALARM|"));
        byte[] alarm = AsenaTestFrames.frame("ALARM^NONE");
        session.received(alarm, 0, alarm.length, T0.plusMillis(80), out);
        session.tick(T0.plusMillis(1900), out);
        assertEquals(2, out.sent.size());
        session.tick(T0.plusMillis(2000), out);
        assertEquals("!INF|4961\r", sent().get(2));
    }

    @Test
    void severalAnswersInOneReadEachGetTheirOwnStrictlyIncreasingTimePerStream() {
        // a late answer, its retry's answer and the next poll's answer flushed together by a device server
        session.connected(T0, out);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        for (String rate : List.of("10", "11", "12")) {
            read.writeBytes(AsenaTestFrames.inf("NONE", "INFUSING", rate, "1", ""));
        }
        byte[] bytes = read.toByteArray();
        Instant now = Instant.parse("2025-11-22T10:00:00.000000500Z");
        session.received(bytes, 0, bytes.length, now, out);

        for (Stream stream : List.of(Stream.PUMP_RATE,
                Stream.PUMP_STATE, Stream.PUMP_ALARM)) {
            List<Instant> times = out.observations.stream().filter(o -> o.stream() == stream)
                    .map(Observation::deviceTime).toList();
            assertEquals(List.of(Instant.parse("2025-11-22T10:00:00Z"), Instant.parse("2025-11-22T10:00:00.000001Z"),
                    Instant.parse("2025-11-22T10:00:00.000002Z")), times, stream.key());
        }
        assertEquals(List.of(10.0, 11.0, 12.0), out.observations.stream()
                .filter(o -> o.stream() == Stream.PUMP_RATE)
                .map(o -> ((NumericSample) o).value()).toList());
        assertTrue(out.observations.stream().allMatch(o -> o.receiveTime().equals(now)), "the receive time stays the real one");
    }

    @Test
    void anUnansweredRequestIsSentOnceMoreAfter500MsThenCountedAndSkipped() {
        session.connected(T0, out);
        session.tick(T0.plusMillis(499), out);
        assertEquals(1, out.sent.size());
        session.tick(T0.plusMillis(500), out);
        assertEquals(List.of("!INF|4961\r", "!INF|4961\r"), sent());
        session.tick(T0.plusMillis(1000), out);
        assertEquals(1, out.count(Problem.NO_RESPONSE));
        assertTrue(sent().get(2).startsWith("!ALARM|"));
    }

    @Test
    void theStationCanOnlyEverSendReadOnlyQueries() {
        // The query type has exactly the two read-only members...
        assertEquals(Set.of("INF", "ALARM"), Arrays.stream(AsenaQuery.values()).map(Enum::name).collect(Collectors.toSet()));
        // ...the encoder accepts nothing but that type...
        for (Method m : AsenaEncoder.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                assertEquals(List.of(AsenaQuery.class), List.of(m.getParameterTypes()), m.toString());
            }
        }
        // ...and whatever a pump answers, nothing else goes out.
        Random r = new Random(4);
        session.connected(T0, out);
        Instant t = T0;
        for (int i = 0; i < 5000; i++) {
            t = t.plusMillis(r.nextInt(700));
            byte[] answer = r.nextBoolean() ? AsenaTestFrames.inf("NONE", "INFUSING", "1", "1", "") : AsenaTestFrames.frame("ALARM^NONE");
            if (r.nextInt(3) == 0) {
                session.received(answer, 0, answer.length, t, out);
            }
            session.tick(t, out);
        }
        Set<String> commands = sent().stream().map(s -> s.substring(1, s.indexOf('|'))).collect(Collectors.toSet());
        assertEquals(Set.of("INF", "ALARM"), commands);
    }

    @Test
    void randomBytesAndMutatedFramesNeverThrowAndTheNextFrameIsRecovered() {
        Random r = new Random(5);
        byte[] good = AsenaTestFrames.frame("ALARM^NONE");
        for (int i = 0; i < 20_000; i++) {
            AsenaDecoder d = new AsenaDecoder(PUMP);
            RecordingOutput o = new RecordingOutput();
            byte[] junk;
            if (r.nextBoolean()) {
                junk = new byte[r.nextInt(300)];
                r.nextBytes(junk);
            } else {
                junk = AsenaTestFrames.inf("NONE", "INFUSING", "1", "1", "00:10").clone();
                junk[r.nextInt(junk.length)] = (byte) r.nextInt(256);
                junk = Arrays.copyOf(junk, r.nextInt(junk.length) + 1);
            }
            d.decode(junk, 0, junk.length, T0, o);
            o.observations.clear();
            d.decode(good, 0, good.length, T0, o);
            assertEquals(1, o.observations.size(), "case " + i);
        }
    }
}
