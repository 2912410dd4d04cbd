package org.openinfusion.station.device.s5;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-built DRI records and frames for tests (written from the spec, independent of the production encoder). */
final class S5TestRecords {
    static final long TIME = 1_763_800_000L;

    private S5TestRecords() {
    }

    /** A record: header with the given subrecords (type, data), maintype, DRI level. */
    static byte[] record(int mainType, int driLevel, long time, int[] types, byte[][] data) {
        int dataLen = 0;
        for (byte[] d : data) {
            dataLen += d.length;
        }
        ByteBuffer b = ByteBuffer.allocate(40 + dataLen).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (40 + dataLen)).put((byte) 7).put((byte) driLevel).putShort((short) 0).putInt((int) time).putInt(0);
        b.putShort((short) mainType);
        int offset = 0;
        for (int i = 0; i < 8; i++) {
            if (i < types.length) {
                b.putShort((short) offset).put((byte) types[i]);
                offset += data[i].length;
            } else {
                b.putShort((short) 0).put((byte) 0xFF);
            }
        }
        for (byte[] d : data) {
            b.put(d);
        }
        return b.array();
    }

    /** A displayed-values subrecord: time, basic class block with the given int16 fields (offset, value) pairs. */
    static byte[] phdb(long time, int... offsetValue) {
        ByteBuffer b = ByteBuffer.allocate(4 + 270 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) time);
        for (int off = 0; off < 270; off += 2) {
            b.putShort(4 + off, (short) -32767); // everything invalid unless set
        }
        for (int i = 0; i < offsetValue.length; i += 2) {
            b.putShort(4 + offsetValue[i], (short) offsetValue[i + 1]);
        }
        return b.array();
    }

    static byte[] phdbRecord(int... offsetValue) {
        return record(0, 9, TIME, new int[] {1}, new byte[][] {phdb(TIME, offsetValue)});
    }

    /** A wave subrecord: {act_len, status, reserved} then samples. */
    static byte[] wave(int... samples) {
        ByteBuffer b = ByteBuffer.allocate(6 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) samples.length).putShort((short) 0).putShort((short) 0);
        for (int s : samples) {
            b.putShort((short) s);
        }
        return b.array();
    }

    /** Frames a record by hand: 7E, stuffed bytes and checksum, 7E. */
    static byte[] frame(byte[] record) {
        int sum = 0;
        for (byte x : record) {
            sum += x & 0xFF;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        for (byte x : record) {
            put(out, x & 0xFF);
        }
        put(out, sum & 0xFF);
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, int v) {
        if (v == 0x7E) {
            out.write(0x7D);
            out.write(0x5E);
        } else if (v == 0x7D) {
            out.write(0x7D);
            out.write(0x5D);
        } else {
            out.write(v);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
