package org.openinfusion.station.device.s5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.device.s5.S5TestRecords.concat;
import static org.openinfusion.station.device.s5.S5TestRecords.frame;
import static org.openinfusion.station.device.s5.S5TestRecords.phdbRecord;
import static org.openinfusion.station.device.s5.S5TestRecords.record;
import static org.openinfusion.station.device.s5.S5TestRecords.wave;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.RecordingOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Stream;

/** Random input never escapes as an exception, and a valid frame after any garbage is recovered. */
class S5FuzzTest {
    private static final DeviceRef MON = new DeviceRef("bed-01", "mon1");
    private static final Instant NOW = Instant.ofEpochSecond(S5TestRecords.TIME);

    private static byte[] validFrame() {
        return frame(phdbRecord(6, 72, 124, 9700));
    }

    private static byte[] waveFrame() {
        return frame(record(1, 9, S5TestRecords.TIME, new int[] {1, 8, 9}, new byte[][] {wave(1, 2, 3), wave(4, 5), wave(6)}));
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(1);
        S5Decoder d = new S5Decoder(MON);
        RecordingOutput out = new RecordingOutput();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            d.decode(b, 0, b.length, NOW, out);
        }
    }

    @Test
    void mutatedFramesNeverThrowAndTheNextValidFrameIsRecovered() {
        Random r = new Random(2);
        byte[][] valid = {validFrame(), waveFrame()};
        for (int i = 0; i < 20_000; i++) {
            byte[] m = valid[r.nextInt(2)].clone();
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) {
                switch (r.nextInt(3)) {
                    case 0 -> m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                    case 1 -> m = Arrays.copyOf(m, r.nextInt(m.length) + 1);
                    default -> m = concat(m, new byte[] {(byte) r.nextInt(256)});
                }
            }
            S5Decoder d = new S5Decoder(MON);
            RecordingOutput out = new RecordingOutput();
            d.decode(m, 0, m.length, NOW, out);
            out.observations.clear();
            byte[] good = validFrame();
            d.decode(good, 0, good.length, NOW, out);
            // a mutation that only dropped the end flag is completed by the next start flag: then two frames decode
            long hr = out.observations.stream().filter(o -> o.stream() == Stream.HR).count();
            assertTrue(hr == 1 || hr == 2, "after mutation " + i + ": " + hr);
        }
    }

    @Test
    void garbageOfEveryLengthBeforeAFrameNeverHidesIt() {
        Random r = new Random(3);
        for (int n = 0; n < 3000; n++) {
            byte[] garbage = new byte[n % 400];
            r.nextBytes(garbage);
            S5Decoder d = new S5Decoder(MON);
            RecordingOutput out = new RecordingOutput();
            byte[] all = concat(garbage, validFrame());
            int split = r.nextInt(all.length);
            d.decode(all, 0, split, NOW, out);
            d.decode(all, split, all.length - split, NOW, out);
            assertEquals(1, out.observations.stream().filter(o -> o.stream() == Stream.HR).count(), "garbage " + n);
        }
    }
}
