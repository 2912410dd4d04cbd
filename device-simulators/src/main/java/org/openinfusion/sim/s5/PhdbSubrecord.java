package org.openinfusion.sim.s5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A physiological-data subrecord: {@code time u32} (Unix seconds), the 270-byte basic class block,
 * {@code marker u8}, {@code reserved u8}, {@code cl_drilvl_subt u16} (our choice: DRI level in the
 * high byte, class 0 = basic in the low byte).
 */
final class PhdbSubrecord {

    static final int BYTES = 4 + BasicClassBlock.BYTES + 4;

    private PhdbSubrecord() {
    }

    static byte[] encode(long unixSeconds, DisplayedNumerics values, int driLevel) {
        return ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) unixSeconds)
                .put(BasicClassBlock.encode(values))
                .put((byte) 0).put((byte) 0)
                .putShort((short) (driLevel << 8))
                .array();
    }
}
