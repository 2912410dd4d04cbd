package org.openinfusion.sim.asena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.sim.SerialSimulators;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.HostLink;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.Transport;
import org.openinfusion.testing.PtyPair;

class AsenaOverTheWireTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void thePumpAnswersEachRequestOverASocatPtyPair(@TempDir Path dir) throws Exception {
        try (PtyPair pty = PtyPair.open(dir);
             SerialSimulator pump = SerialSimulators.asena(Transport.pty(pty.ttyA()), 42);
             HostLink host = HostLink.pty(pty.ttyB())) {
            assertTrue(pump.awaitConnected(WAIT));
            host.send(AsenaHost.frame("INST_SERIALNO").getBytes(StandardCharsets.US_ASCII));
            assertEquals("!INST_SERIALNO^800012345|" + AsenaHost.crc("INST_SERIALNO^800012345") + "\r",
                    text(host.await(b -> text(b).endsWith("\r"), WAIT)));
        }
    }

    @Test
    void anOcclusionSwitchedOnOverTcpShowsInTheNextAnswerAndACorruptCrcIsCaught() throws Exception {
        try (SerialSimulator pump = SerialSimulators.asena(Transport.tcp(0), 42);
             HostLink host = HostLink.tcp(pump.tcpPort().getAsInt())) {
            // given
            pump.faults().enable(Fault.OCCLUSION);
            // when
            String alarm = ask(host, "ALARM");
            pump.faults().enable(Fault.CORRUPT_CHECKSUM);
            String corrupted = ask(host, "ALARM");
            // then
            assertEquals("!ALARM^OCCLUSION|" + AsenaHost.crc("ALARM^OCCLUSION") + "\r", alarm);
            assertFalse(AsenaHost.crcOk(corrupted), corrupted);
        }
    }

    private static String ask(HostLink host, String body) throws Exception {
        host.clear();
        host.send(AsenaHost.frame(body).getBytes(StandardCharsets.US_ASCII));
        return text(host.await(b -> text(b).endsWith("\r"), WAIT));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
