package org.openinfusion.sim.asena;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.FaultSwitches;
import org.openinfusion.sim.signal.InfusionPlan;

class AsenaPumpTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private final FaultSwitches faults = new FaultSwitches(Clock.fixed(START, ZoneOffset.UTC));
    private final AsenaPump pump = new AsenaPump(InfusionPlan.defaults(), AsenaSettings.defaults(), faults, START);

    @Test
    void infAnswersWithTheStatusFieldsAtTheDocumentedPositions() {
        // when asked 11 minutes in: 10 minutes of a 150 mL/h infusion
        List<String> f = fields(ask("!INF|4961\r", 660));
        // then
        assertAll(
                () -> assertEquals("INF", f.get(0)),
                () -> assertEquals("800012345", f.get(1)),
                () -> assertEquals("NONE", f.get(2)),
                () -> assertEquals("INFUSING", f.get(3)),
                () -> assertEquals("150.00", f.get(4)),
                () -> assertEquals("ml/h", f.get(5)),
                () -> assertEquals("75.000", f.get(6)),
                () -> assertEquals("25.000", f.get(7)),
                () -> assertEquals("ml", f.get(8)),
                () -> assertEquals("40", f.get(9)),
                () -> assertEquals("mmHg", f.get(10)),
                () -> assertEquals("00:30:00", f.get(11)),
                () -> assertEquals("EVENT", f.get(12)),
                () -> assertEquals("1", f.get(13)),
                () -> assertEquals(14, f.size()));
    }

    @Test
    void beforeTheInfusionThePumpIsOnStandby() {
        List<String> f = fields(ask(frame("INF"), 10));
        assertEquals(List.of("STANDBY", "0.00", "0.000"), List.of(f.get(3), f.get(4), f.get(7)));
    }

    @Test
    void identityAndAlarmQueriesAreAnswered() {
        assertEquals("INST_SERIALNO^800012345", body(ask(frame("INST_SERIALNO"), 0)));
        assertEquals("COMMS_PROTOCOL^1.00", body(ask(frame("COMMS_PROTOCOL"), 0)));
        assertEquals("ALARM^NONE", body(ask(frame("ALARM"), 0)));
    }

    @Test
    void occlusionAndAirInLineShowInTheAlarmFieldAndTheLogIdMoves() {
        faults.enable(Fault.AIR_IN_LINE);
        assertEquals("ALARM^AIR_IN_LINE", body(ask(frame("ALARM"), 100)));
        faults.enable(Fault.OCCLUSION);
        List<String> f = fields(ask(frame("INF"), 100));
        assertEquals(List.of("OCCLUSION", "600"), List.of(f.get(2), f.get(9)));
        assertEquals("2", f.get(13));
    }

    @Test
    void unknownCommandsBadCrcsAndMalformedFramesGetErrorAnswers() {
        assertEquals("ERROR^UNKNOWN_COMMAND^FOO", body(ask(frame("FOO^1"), 0)));
        assertEquals("ERROR^BAD_CRC", body(ask("!INF|0000\r", 0)));
        assertEquals("ERROR^MALFORMED", body(ask("!INF\r", 0)));
    }

    @Test
    void randomBytesNeverBreakThePumpAndEveryAnswerIsAValidFrame() {
        SplittableRandom random = new SplittableRandom(3);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            pump.received(noise, START, wire::writeBytes);
        }
        pump.received(frame("INF").getBytes(StandardCharsets.US_ASCII), START, wire::writeBytes);
        String all = wire.toString(StandardCharsets.US_ASCII);
        for (String line : all.split("\r")) {
            assertTrue(AsenaHost.crcOk(line + "\r"), line);
        }
        assertTrue(all.endsWith("\r") && AsenaHost.body(all.substring(all.lastIndexOf('!'))).startsWith("INF^"));
    }

    private String ask(String request, long seconds) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        pump.received(request.getBytes(StandardCharsets.US_ASCII), START.plusSeconds(seconds), wire::writeBytes);
        String answer = wire.toString(StandardCharsets.US_ASCII);
        assertTrue(AsenaHost.crcOk(answer), answer);
        return answer;
    }

    private static String frame(String body) {
        return AsenaHost.frame(body);
    }

    private static String body(String frame) {
        return AsenaHost.body(frame);
    }

    private static List<String> fields(String frame) {
        return List.of(body(frame).split("\\^", -1));
    }
}
