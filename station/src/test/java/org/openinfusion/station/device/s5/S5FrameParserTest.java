package org.openinfusion.station.device.s5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openinfusion.station.device.s5.S5TestRecords.concat;
import static org.openinfusion.station.device.s5.S5TestRecords.frame;
import static org.openinfusion.station.device.s5.S5TestRecords.phdbRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.Problem;

class S5FrameParserTest {
    private final S5FrameParser parser = new S5FrameParser();
    private final List<byte[]> records = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final S5FrameParser.Listener listener = new S5FrameParser.Listener() {
        @Override
        public void record(byte[] record, int length) {
            records.add(Arrays.copyOf(record, length));
        }

        @Override
        public void problem(Problem kind, String detail) {
            problems.add(kind);
        }
    };

    private void feed(byte[] b) {
        parser.accept(b, 0, b.length, listener);
    }

    /** A record whose bytes and checksum need stuffing (0x7E and 0x7D inside). */
    private static byte[] recordWithFlags() {
        return phdbRecord(6, 0x7E7D, 124, 0x7D7E);
    }

    @Test
    void unstuffsAndChecksAFrame() {
        byte[] rec = recordWithFlags();
        feed(frame(rec));

        assertEquals(1, records.size());
        assertArrayEquals(rec, records.get(0));
        assertEquals(List.of(), problems);
    }

    @Test
    void matchesTheProductionEncoder() {
        byte[] rec = recordWithFlags();
        assertArrayEquals(frame(rec), S5Frames.frame(rec));
    }

    @Test
    void aFrameSplitIntoSingleBytesIsReassembled() {
        for (byte b : frame(recordWithFlags())) {
            feed(new byte[] {b});
        }
        assertEquals(1, records.size());
    }

    @Test
    void wrongChecksumIsCountedAndTheNextFrameStillDecodes() {
        byte[] bad = frame(phdbRecord(6, 70));
        bad[bad.length - 2] ^= 0x01;
        feed(concat(bad, frame(phdbRecord(6, 71))));

        assertEquals(List.of(Problem.BAD_CHECKSUM), problems);
        assertEquals(1, records.size());
    }

    @Test
    void garbageBeforeAFrameIsStrayAndTheFrameIsKept() {
        feed(concat(new byte[] {1, 2, 3, (byte) 0x7E, 9, 9}, frame(phdbRecord(6, 71))));

        assertEquals(List.of(Problem.STRAY_BYTES, Problem.STRAY_BYTES), problems);
        assertEquals(1, records.size());
    }

    @Test
    void aTruncatedFrameFollowedByAFullOneIsCountedAsTruncated() {
        byte[] full = frame(phdbRecord(6, 71));
        feed(concat(Arrays.copyOf(full, 100), full));

        assertEquals(List.of(Problem.TRUNCATED), problems);
        assertEquals(1, records.size());
    }

    @Test
    void anOversizedFrameIsDroppedUpToTheNextFlag() {
        byte[] huge = new byte[3000];
        Arrays.fill(huge, (byte) 1);
        feed(concat(new byte[] {0x7E}, huge, frame(phdbRecord(6, 71))));

        assertEquals(List.of(Problem.OVERSIZED), problems);
        assertEquals(1, records.size());
    }

    @Test
    void anUndefinedEscapeIsCounted() {
        byte[] f = frame(phdbRecord(6, 71));
        byte[] withBadEscape = concat(Arrays.copyOf(f, 10), new byte[] {0x7D, 0x11}, Arrays.copyOfRange(f, 10, f.length));
        feed(withBadEscape);

        assertEquals(List.of(Problem.BAD_ESCAPE), problems);
    }
}
