package org.openinfusion.sim.s5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The S/5 follows a scenario like the MQTT monitor (docs/simulation.md): through a real pty pair
 * (socat), the device-failures scenario's ECG lead off invalidates the heart rate and its SpO2
 * sensor off the saturation, each only while it lasts; simulation time is moved by hand.
 */
class S5ScenarioOverTheWireTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int LEVEL = S5Settings.DEFAULT_DRI_LEVEL;
    private static final int HR = 6;
    private static final int SPO2 = 124;
    private static final int INVALID = -32767;

    @Test
    void theDeviceFailuresScenarioShowsInTheNumericsOverASocatPtyPair(@TempDir Path dir) throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-04T10:00:00Z"));
        SerialSimulatorConfig config = SerialSimulatorConfig.defaults("s5").withSeed(7)
                .withScenario(Scenario.load("device-failures"));
        try (PtyPair pty = PtyPair.open(dir);
             SerialSimulator s5 = SerialSimulators.start(config, Transport.pty(pty.ttyA()), clock);
             HostLink host = HostLink.pty(pty.ttyB())) {
            assertTrue(s5.awaitConnected(WAIT));
            // given the monitor before any failure (minute 9), when the host asks for numerics
            clock.advance(Duration.ofMinutes(9));
            DriHost.Received before = numerics(host);
            // then heart rate and SpO2 are values
            assertNotEquals(INVALID, field(before, HR));
            assertNotEquals(INVALID, field(before, SPO2));
            // when an ECG lead is off (minute 10 for 30 s)
            clock.advance(Duration.ofSeconds(70));
            DriHost.Received leadOff = numerics(host);
            // then the heart rate is invalid and SpO2 still a value
            assertEquals(INVALID, field(leadOff, HR));
            assertNotEquals(INVALID, field(leadOff, SPO2));
            // when the SpO2 sensor is off (minute 14 for 40 s)
            clock.advance(Duration.ofMinutes(4));
            DriHost.Received sensorOff = numerics(host);
            // then SpO2 is invalid and the heart rate back
            assertEquals(INVALID, field(sensorOff, SPO2));
            assertNotEquals(INVALID, field(sensorOff, HR));
            assertTrue(field(sensorOff, HR) > 40 && field(sensorOff, HR) < 130, "heart rate " + field(sensorOff, HR));
        }
    }

    /** Asks for numerics now and returns the first physiological record that comes back. */
    private static DriHost.Received numerics(HostLink host) throws Exception {
        host.clear();
        host.send(DriHost.numericsRequest(LEVEL, 5));
        byte[] bytes = host.await(b -> DriHost.split(b).stream().anyMatch(r -> r.maintype() == 0), WAIT);
        List<DriHost.Received> records = DriHost.split(bytes);
        return records.stream().filter(r -> r.maintype() == 0).findFirst().orElseThrow();
    }

    private static int field(DriHost.Received record, int offset) {
        return record.i16(record.subrecord(0) + 4 + offset);
    }
}
