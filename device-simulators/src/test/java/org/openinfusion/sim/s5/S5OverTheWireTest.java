package org.openinfusion.sim.s5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.sim.SerialSimulatorConfig;
import org.openinfusion.sim.SerialSimulators;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.HostLink;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.Transport;
import org.openinfusion.testing.PtyPair;

class S5OverTheWireTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int LEVEL = S5Settings.DEFAULT_DRI_LEVEL;

    @Test
    void numericsAndWavesArriveOverASocatPtyPair(@TempDir Path dir) throws Exception {
        try (PtyPair pty = PtyPair.open(dir);
             SerialSimulator s5 = SerialSimulators.s5(Transport.pty(pty.ttyA()), 42);
             HostLink host = HostLink.pty(pty.ttyB())) {
            // given
            assertTrue(s5.awaitConnected(WAIT));
            // when
            host.send(DriHost.numericsRequest(LEVEL, 5));
            host.send(DriHost.waveRequest(LEVEL, true, 1, 8, 9));
            // then a physiological record and wave records come back
            byte[] bytes = host.await(b -> DriHost.split(b).size() >= 4, WAIT);
            List<DriHost.Received> records = DriHost.split(bytes);
            assertTrue(records.stream().allMatch(DriHost.Received::checksumOk));
            assertTrue(records.stream().anyMatch(r -> r.maintype() == 0), "numerics");
            assertTrue(records.stream().anyMatch(r -> r.maintype() == 1), "waves");
        }
    }

    @Test
    void sensorOffCanBeSwitchedOnWhileTheMonitorRunsOverTcp() throws Exception {
        SerialSimulatorConfig config = SerialSimulatorConfig.defaults("s5")
                .withS5(S5Settings.defaults().withMinNumericsInterval(Duration.ofSeconds(1)));
        try (SerialSimulator s5 = SerialSimulators.start(config, Transport.tcp(0), Clock.systemUTC());
             HostLink host = HostLink.tcp(s5.tcpPort().getAsInt())) {
            // given numerics every second
            host.send(DriHost.numericsRequest(LEVEL, 1));
            host.await(b -> DriHost.split(b).size() >= 1, WAIT);
            // when the sensors come off
            s5.faults().enable(Fault.SENSOR_OFF);
            host.clear();
            DriHost.Received next = DriHost.split(host.await(b -> DriHost.split(b).size() >= 1, WAIT)).get(0);
            // then SpO2 is invalid
            assertEquals(-32767, next.i16(next.subrecord(0) + 4 + 124));
        }
    }
}
