package org.openinfusion.sim.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.PtyPair;

/** The byte-level switches, seen from the host, with a device that answers every chunk with a fixed frame. */
class SerialFaultsTest {

    private static final byte[] PONG = "<pong-frame-0123456789>".getBytes(StandardCharsets.US_ASCII);
    private static final Duration WAIT = Duration.ofSeconds(3);

    /** Answers any bytes with {@link #PONG}. */
    static final class PongDevice implements SerialDevice {
        @Override
        public void received(byte[] bytes, Instant now, FrameSink out) {
            out.send(PONG);
        }

        @Override
        public void tick(Instant now, FrameSink out) {
        }
    }

    private SerialSimulator simulator;
    private HostLink host;

    @BeforeEach
    void start() throws Exception {
        simulator = SerialSimulator.builder(new PongDevice(), Transport.tcp(0)).seed(1).start();
        host = HostLink.tcp(simulator.tcpPort().getAsInt());
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
        simulator.close();
    }

    @Test
    void withoutFaultsTheFrameArrivesIntact() throws Exception {
        assertArrayEquals(PONG, ping());
    }

    @Test
    void dropBytesRemovesOneInteriorByteOfEachFrame() throws Exception {
        simulator.faults().enable(Fault.DROP_BYTES);
        byte[] got = ping();
        assertEquals(PONG.length - 1, got.length);
        assertEquals(PONG[0], got[0]);
        assertEquals(PONG[PONG.length - 1], got[got.length - 1]);
    }

    @Test
    void garbageReplacesTheFrameWithRandomBytesOfTheSameLength() throws Exception {
        simulator.faults().enable(Fault.GARBAGE);
        byte[] got = ping();
        assertEquals(PONG.length, got.length);
        assertFalse(Arrays.equals(PONG, got));
    }

    @Test
    void aStallSendsNothingForItsDurationThenTheDeviceAnswersAgain() throws Exception {
        simulator.faults().stall(Duration.ofMillis(600));
        host.send(new byte[] {1});
        // Observing silence needs a window: nothing may arrive within 400 ms of the 600 ms stall.
        assertEquals(0, host.await(b -> b.length > 0, Duration.ofMillis(400)).length, "nothing during the stall");
        host.await(b -> false, Duration.ofMillis(300));
        assertArrayEquals(PONG, ping());
    }

    @Test
    void disconnectClosesTheClientAndTheNextClientIsServed() throws Exception {
        // when
        simulator.faults().disconnect();
        host.await(b -> false, Duration.ofMillis(500));
        // then
        assertTrue(host.ended());
        try (HostLink next = HostLink.tcp(simulator.tcpPort().getAsInt())) {
            next.send(new byte[] {1});
            assertArrayEquals(PONG, next.await(b -> b.length >= PONG.length, WAIT));
        }
        assertEquals(2, simulator.connections());
    }

    @Test
    void switchingAFaultOffRestoresTheFrames() throws Exception {
        simulator.faults().enable(Fault.GARBAGE);
        assertNotEquals(new String(PONG, StandardCharsets.US_ASCII), new String(ping(), StandardCharsets.US_ASCII));
        simulator.faults().disable(Fault.GARBAGE);
        assertArrayEquals(PONG, ping());
    }

    @Test
    void onAPtyADisconnectClosesTheEndAndReopensIt(@TempDir Path dir) throws Exception {
        try (PtyPair pty = PtyPair.open(dir);
             SerialSimulator onPty = SerialSimulator.builder(new PongDevice(), Transport.pty(pty.ttyA()))
                     .reopenDelay(Duration.ofMillis(300)).start();
             HostLink ptyHost = HostLink.pty(pty.ttyB())) {
            assertTrue(onPty.awaitConnected(WAIT));
            onPty.faults().disconnect();
            Eventually.waitUntil(WAIT, "the simulator reopening its end", () -> onPty.connections() >= 2);
            assertTrue(onPty.awaitConnected(WAIT));
            ptyHost.send(new byte[] {1});
            assertArrayEquals(PONG, ptyHost.await(b -> b.length >= PONG.length, WAIT));
            assertEquals(2, onPty.connections());
        }
    }

    private byte[] ping() throws Exception {
        host.clear();
        host.send(new byte[] {1});
        return host.await(b -> b.length >= PONG.length - 1, WAIT);
    }
}
