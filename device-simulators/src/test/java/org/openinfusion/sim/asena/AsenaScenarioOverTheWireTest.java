package org.openinfusion.sim.asena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.sim.SerialSimulatorConfig;
import org.openinfusion.sim.SerialSimulators;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.serial.HostLink;
import org.openinfusion.testing.PtyPair;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.SettableClock;
import org.openinfusion.sim.serial.Transport;

/**
 * The Asena follows a scenario like the MQTT pump (docs/simulation.md): through a real pty pair
 * (socat), the pump-occlusion scenario's pump infuses at 150 mL/h, halts with an occlusion at
 * minute 15 and infuses again after the nurse cleared it at minute 18.
 */
class AsenaScenarioOverTheWireTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void thePumpOcclusionScenarioShowsInTheInfAnswersOverASocatPtyPair(@TempDir Path dir) throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-04T10:00:00Z"));
        SerialSimulatorConfig config = SerialSimulatorConfig.defaults("asena").withScenario(Scenario.load("pump-occlusion"));
        try (PtyPair pty = PtyPair.open(dir);
             SerialSimulator pump = SerialSimulators.start(config, Transport.pty(pty.ttyA()), clock);
             HostLink host = HostLink.pty(pty.ttyB())) {
            assertTrue(pump.awaitConnected(WAIT));
            // given the scenario programmed and started the pump at 0 s
            clock.advance(Duration.ofMinutes(1));
            List<String> running = inf(host);
            assertEquals(List.of("NONE", "INFUSING", "150.00"), running.subList(2, 5));
            // when the line occludes at minute 15
            clock.advance(Duration.ofMinutes(15));
            List<String> occluded = inf(host);
            // then the pump reports the occlusion, halted
            assertEquals(List.of("OCCLUSION", "PAUSED", "0.00"), occluded.subList(2, 5));
            // when the nurse clears it and resumes at minute 18
            clock.advance(Duration.ofMinutes(3));
            List<String> resumed = inf(host);
            assertEquals(List.of("NONE", "INFUSING", "150.00"), resumed.subList(2, 5));
            // and the volume infused did not grow while it was halted: 15 + 1 min at 150 mL/h
            assertEquals(40.0, Double.parseDouble(resumed.get(7)), 0.5);
        }
    }

    /** The fields of the pump's answer to {@code INF}. */
    private static List<String> inf(HostLink host) throws Exception {
        host.clear();
        host.send(AsenaHost.frame("INF").getBytes(StandardCharsets.US_ASCII));
        String answer = new String(host.await(b -> new String(b, StandardCharsets.US_ASCII).endsWith("\r"), WAIT),
                StandardCharsets.US_ASCII);
        assertTrue(AsenaHost.crcOk(answer), answer);
        return List.of(AsenaHost.body(answer).split("\\^"));
    }
}
