package org.openinfusion.station.device.s5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.device.DeviceOptions;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.RecordingOutput;
import org.openinfusion.station.domain.DeviceRef;

class S5SessionTest {
    private static final DeviceRef MON = new DeviceRef("bed-01", "mon1");
    private static final Instant T0 = Instant.parse("2025-11-22T10:00:00Z");

    /** Un-frames what the session sent (no stuffing is needed for these small requests' bytes). */
    private static List<byte[]> records(List<byte[]> frames) {
        List<byte[]> out = new ArrayList<>();
        S5FrameParser p = new S5FrameParser();
        for (byte[] f : frames) {
            p.accept(f, 0, f.length, new S5FrameParser.Listener() {
                @Override
                public void record(byte[] record, int length) {
                    out.add(Arrays.copyOf(record, length));
                }

                @Override
                public void problem(Problem kind, String detail) {
                    throw new AssertionError(kind + " " + detail);
                }
            });
        }
        return out;
    }

    @Test
    void onConnectItRequestsNumericsEveryIntervalAndStartsTheWaves() {
        S5Session s = new S5Session(MON, S5Options.read(new DeviceOptions("mon1", Map.of("interval", "10s", "driLevels", "9"))));
        RecordingOutput out = new RecordingOutput();
        s.connected(T0, out);

        List<byte[]> recs = records(out.sent);
        assertEquals(2, recs.size());
        byte[] num = recs.get(0);
        assertEquals(49, num.length);
        assertEquals(9, num[3]);
        assertEquals(0, num[14]);
        assertEquals(1, num[40]);
        assertEquals(10, num[41]);
        assertEquals(1, num[43]);
        byte[] wav = recs.get(1);
        assertEquals(72, wav.length);
        assertEquals(1, wav[14]);
        assertEquals(0, wav[40]);
        assertEquals(List.of(1, 8, 9, 0xFF), List.of(wav[44] & 0xFF, wav[45] & 0xFF, wav[46] & 0xFF, wav[47] & 0xFF));
    }

    @Test
    void triesTheNextDriLevelUntilOneIsAnsweredThenKeepsIt() {
        S5Session s = new S5Session(MON, S5Options.read(new DeviceOptions("mon1", Map.of("driLevels", "11,0x0A,9", "retryAfter", "2s"))));
        RecordingOutput out = new RecordingOutput();
        s.connected(T0, out);
        assertEquals(11, s.driLevel());
        s.tick(T0.plusSeconds(2), out);
        assertEquals(10, s.driLevel());

        byte[] answer = S5TestRecords.frame(S5TestRecords.phdbRecord(6, 70));
        s.received(answer, 0, answer.length, T0.plusSeconds(3), out);
        s.tick(T0.plusSeconds(6), out);
        assertEquals(10, s.driLevel());
        assertEquals(6, out.sent.size());
    }

    @Test
    void badOptionsAreRefusedAtStartUp() {
        assertThrows(ConfigException.class, () -> S5Options.read(new DeviceOptions("m", Map.of("interval", "2s"))));
        assertThrows(ConfigException.class, () -> S5Options.read(new DeviceOptions("m", Map.of("waves", "ecg1,ecg2,ecg3"))));
        assertThrows(ConfigException.class, () -> S5Options.read(new DeviceOptions("m", Map.of("wavez", "ecg1"))));
        assertEquals(Duration.ofSeconds(5), S5Options.read(DeviceOptions.none("m")).interval());
    }
}
