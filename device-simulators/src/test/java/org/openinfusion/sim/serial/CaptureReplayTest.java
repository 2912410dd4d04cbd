package org.openinfusion.sim.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureReplayTest {

    private static final String CAPTURE = """
            # S/5 session, 2026-03-01
            2026-03-01T08:00:00.000Z TX 7e0102037e
            2026-03-01T08:00:00.100Z RX 7e7d5e00ff7e

            2026-03-01T08:00:00.200Z TX aa
            2026-03-01T08:00:00.500Z RX 0102030405
            """;

    @Test
    void linesReadAsInstantDirectionAndBytesAndCommentsAreSkipped(@TempDir Path dir) throws IOException {
        List<CaptureChunk> chunks = CaptureFormat.read(write(dir, CAPTURE));
        assertEquals(4, chunks.size());
        assertEquals(Instant.parse("2026-03-01T08:00:00.100Z"), chunks.get(1).at());
        assertEquals(Direction.RX, chunks.get(1).direction());
        assertArrayEquals(HexFormat.of().parseHex("7e7d5e00ff7e"), chunks.get(1).bytes());
        assertEquals("2026-03-01T08:00:00.100Z RX 7e7d5e00ff7e", CaptureFormat.format(chunks.get(1)));
    }

    @Test
    void aBadLineIsReportedWithItsNumber(@TempDir Path dir) throws IOException {
        Path file = write(dir, "# ok\n2026-03-01T08:00:00Z RX 0g\n");
        IOException e = assertThrows(IOException.class, () -> CaptureFormat.read(file));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    }

    @Test
    void replaySendsExactlyTheRxBytesWithTheirTiming(@TempDir Path dir) throws Exception {
        CaptureReplay replay = new CaptureReplay(CaptureFormat.read(write(dir, CAPTURE)));
        try (SerialSimulator simulator = SerialSimulator.builder(replay, Transport.tcp(0)).start();
             HostLink host = HostLink.tcp(simulator.tcpPort().getAsInt())) {
            // when the host connects, the first RX chunk follows after 100 ms and the second 400 ms later
            byte[] first = host.await(b -> b.length >= 6, Duration.ofSeconds(3));
            long firstAt = System.nanoTime();
            byte[] all = host.await(b -> b.length >= 11, Duration.ofSeconds(3));
            long gapMillis = (System.nanoTime() - firstAt) / 1_000_000;
            // then
            assertEquals(6, first.length);
            assertArrayEquals(HexFormat.of().parseHex("7e7d5e00ff7e0102030405"), all);
            assertTrue(gapMillis >= 300 && gapMillis < 1000, "gap " + gapMillis + " ms");
            assertTrue(replay.finished());
        }
    }

    @Test
    void aRecordedSessionReplaysTheSameBytes(@TempDir Path dir) throws Exception {
        // given a session recorded from a device that answers every chunk
        Path capture = dir.resolve("session.cap");
        try (SerialSimulator simulator = SerialSimulator.builder(new SerialFaultsTest.PongDevice(), Transport.tcp(0))
                .captureTo(capture).start();
             HostLink host = HostLink.tcp(simulator.tcpPort().getAsInt())) {
            host.send(new byte[] {1});
            host.await(b -> b.length >= 23, Duration.ofSeconds(3));
        }
        // when
        List<CaptureChunk> chunks = CaptureFormat.read(capture);
        // then
        assertEquals(List.of(Direction.TX, Direction.RX), chunks.stream().map(CaptureChunk::direction).toList());
        assertEquals("<pong-frame-0123456789>", new String(chunks.get(1).bytes(), StandardCharsets.US_ASCII));
    }

    private static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("capture.txt"), text);
    }
}
