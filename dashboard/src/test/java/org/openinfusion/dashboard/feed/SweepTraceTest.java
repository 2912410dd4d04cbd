package org.openinfusion.dashboard.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SweepTraceTest {
    @Test
    void packsSamplesAsLittleEndianFloat32InBase64() {
        float[] samples = {0f, -1.25f, 3.5f};
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(SweepTrace.pack(samples))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(12, b.remaining());
        assertEquals(-1.25f, b.getFloat(4));
        assertEquals(3.5f, b.getFloat(8));
    }
}
