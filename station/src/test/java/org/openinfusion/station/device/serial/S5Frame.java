package org.openinfusion.station.device.serial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A minimal hand-built S/5 displayed-values frame for transport tests. */
final class S5Frame {
    private S5Frame() {
    }

    static byte[] displayedValuesWithHeartRate(int hr) {
        ByteBuffer b = ByteBuffer.allocate(40 + 278).order(ByteOrder.LITTLE_ENDIAN);
        long now = System.currentTimeMillis() / 1000;
        b.putShort((short) 318).put((byte) 0).put((byte) 9).putShort((short) 0).putInt((int) now).putInt(0).putShort((short) 0);
        b.putShort((short) 0).put((byte) 1);
        for (int i = 1; i < 8; i++) {
            b.putShort((short) 0).put((byte) 0xFF);
        }
        b.putInt((int) now);
        for (int i = 0; i < 135; i++) {
            b.putShort((short) (i == 3 ? hr : -32767));
        }
        byte[] rec = b.array();
        int sum = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        for (byte x : rec) {
            sum += x & 0xFF;
            stuff(out, x & 0xFF);
        }
        stuff(out, sum & 0xFF);
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void stuff(ByteArrayOutputStream out, int v) {
        if (v == 0x7E || v == 0x7D) {
            out.write(0x7D);
            out.write(v ^ 0x20);
        } else {
            out.write(v);
        }
    }
}
