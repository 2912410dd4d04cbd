package org.openinfusion.sim.s5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriFrameTest {

    @Test
    void flagAndEscapeBytesInsideTheRecordAreStuffed() {
        // given a record holding both special bytes
        byte[] record = {0x01, 0x7E, 0x02, 0x7D, 0x03};
        // when
        byte[] frame = DriFrame.encode(record);
        // then: 7E 01 7D5E 02 7D5D 03 checksum 7E, checksum = 0x01+0x7E+0x02+0x7D+0x03 = 0x101 -> 0x01
        assertArrayEquals(new byte[] {0x7E, 0x01, 0x7D, 0x5E, 0x02, 0x7D, 0x5D, 0x03, 0x01, 0x7E}, frame);
    }

    @Test
    void aChecksumThatIsAFlagByteIsEscapedToo() {
        // given a record whose byte sum is 0x7E
        byte[] record = {0x70, 0x0E};
        // when
        byte[] frame = DriFrame.encode(record);
        // then
        assertArrayEquals(new byte[] {0x7E, 0x70, 0x0E, 0x7D, 0x5E, 0x7E}, frame);
    }

    @Test
    void randomRecordsSurviveTheRoundTripThroughAnIndependentParser() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            byte[] record = new byte[1 + random.nextInt(1490)];
            random.nextBytes(record);
            List<DriHost.Received> frames = DriHost.split(DriFrame.encode(record));
            assertEquals(1, frames.size());
            assertTrue(frames.get(0).checksumOk());
            assertArrayEquals(record, frames.get(0).record());
        }
    }

    @Test
    void aCorruptedChecksumIsDetectedByTheHost() {
        List<DriHost.Received> frames = DriHost.split(DriFrame.encode(new byte[] {1, 2, 3}, true));
        assertFalse(frames.get(0).checksumOk());
    }

    @Test
    void theMonitorsReaderAcceptsHostFramesAndDropsBadOnes() {
        // given a good request, a corrupted one and garbage
        DriFrameReader reader = new DriFrameReader();
        byte[] good = DriHost.numericsRequest(10, 5);
        byte[] bad = good.clone();
        bad[10] ^= 0x01;
        // when
        List<byte[]> records = reader.accept(concat(new byte[] {0x11, 0x22}, bad, good));
        // then
        assertEquals(1, records.size());
        assertEquals(49, records.get(0).length);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
