package org.openinfusion.station.device.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.device.DeviceOptions;
import org.openinfusion.station.device.s5.S5DriverFactory;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

class RawCaptureTest {
    private static final DeviceRef MON = new DeviceRef("bed-01", "mon1");
    private static final Instant T0 = Instant.parse("2025-11-22T10:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedLineFormat() throws IOException {
        Path file = dir.resolve("cap.txt");
        try (RawCaptureWriter w = RawCaptureWriter.open(file, "device bed-01/mon1 protocol s5")) {
            w.write(T0, CaptureLine.Direction.TX, new byte[] {0x7e, 0x0a, (byte) 0xff}, 0, 3);
        }
        assertEquals(List.of("# device bed-01/mon1 protocol s5", "2025-11-22T10:00:00.123456Z TX 7e0aff"), Files.readAllLines(file));
    }

    @Test
    void aCaptureSplitAnywhereReplaysToTheSameValues() throws IOException {
        byte[] frame = S5Frame.displayedValuesWithHeartRate(77);
        Path file = dir.resolve("cap.txt");
        try (RawCaptureWriter w = RawCaptureWriter.open(file, "test")) {
            w.write(T0, CaptureLine.Direction.TX, new byte[] {1, 2}, 0, 2);
            w.write(T0.plusMillis(5), CaptureLine.Direction.RX, frame, 0, 100);
            w.write(T0.plusMillis(9), CaptureLine.Direction.RX, frame, 100, frame.length - 100);
        }
        Files.writeString(file, "\n# a comment\n", StandardOpenOption.APPEND);

        List<CaptureLine> lines = CaptureReplay.read(file);
        assertArrayEquals(Arrays.copyOf(frame, 100), lines.get(1).bytes());
        CaptureReplay.Result r = CaptureReplay.replay(lines, new S5DriverFactory().newSession(MON, DeviceOptions.none("mon1")));

        assertEquals(2, r.rxChunks());
        assertEquals(1, r.txChunks());
        NumericSample hr = (NumericSample) r.observations().stream().filter(o -> o.stream() == Stream.HR).findFirst().orElseThrow();
        assertEquals(77, hr.value());
        assertEquals(T0.plusMillis(9), hr.receiveTime());
        assertTrue(r.problems().stream().allMatch(p -> p.startsWith("NO_VALUE")), r.problems().toString());
    }

    @Test
    void aBadLineIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "# ok\n2025-11-22T10:00:00Z RX 7G\n");
        IOException e = assertThrows(IOException.class, () -> CaptureReplay.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
