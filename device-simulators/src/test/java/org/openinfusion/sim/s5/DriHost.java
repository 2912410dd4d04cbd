package org.openinfusion.sim.s5;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately tiny, independent host side of the DRI link for tests: frames requests and
 * splits the monitor's byte stream into records, written from device-protocols.md alone.
 */
final class DriHost {

    /** A received frame: its unescaped record and whether the checksum matched. */
    record Received(byte[] record, boolean checksumOk) {
        int u8(int at) {
            return record[at] & 0xFF;
        }

        int i16(int at) {
            return (short) ((record[at] & 0xFF) | (record[at + 1] << 8));
        }

        long u32(int at) {
            return (i16(at) & 0xFFFFL) | ((i16(at + 2) & 0xFFFFL) << 16);
        }

        int maintype() {
            return i16(14);
        }

        /** Start of subrecord {@code n} in the record. */
        int subrecord(int n) {
            return 40 + i16(16 + 3 * n);
        }

        int subrecordType(int n) {
            return u8(18 + 3 * n);
        }
    }

    private DriHost() {
    }

    static List<Received> split(byte[] stream) {
        List<Received> frames = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        boolean escape = false;
        for (byte b : stream) {
            if ((b & 0xFF) == 0x7E) {
                byte[] f = current.toByteArray();
                current.reset();
                if (f.length > 1) {
                    int sum = 0;
                    for (int i = 0; i < f.length - 1; i++) {
                        sum += f[i] & 0xFF;
                    }
                    frames.add(new Received(Arrays.copyOf(f, f.length - 1),
                            (sum & 0xFF) == (f[f.length - 1] & 0xFF)));
                }
            } else if ((b & 0xFF) == 0x7D) {
                escape = true;
            } else {
                current.write(escape ? b ^ 0x20 : b);
                escape = false;
            }
        }
        return frames;
    }

    static byte[] numericsRequest(int driLevel, int intervalSeconds) {
        byte[] body = {1, (byte) intervalSeconds, (byte) (intervalSeconds >> 8), 1, 0, 0, 0, 0, 0};
        return frame(record(driLevel, 0, body));
    }

    static byte[] waveRequest(int driLevel, boolean start, int... ids) {
        byte[] body = new byte[32];
        body[0] = (byte) (start ? 0 : 1);
        Arrays.fill(body, 4, 12, (byte) 0xFF);
        for (int i = 0; i < ids.length; i++) {
            body[4 + i] = (byte) ids[i];
        }
        return frame(record(driLevel, 1, body));
    }

    private static byte[] record(int driLevel, int maintype, byte[] body) {
        byte[] r = new byte[40 + body.length];
        r[0] = (byte) r.length;
        r[1] = (byte) (r.length >> 8);
        r[3] = (byte) driLevel;
        r[14] = (byte) maintype;
        r[18] = 0;
        r[21] = (byte) 0xFF;
        System.arraycopy(body, 0, r, 40, body.length);
        return r;
    }

    static byte[] frame(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sum = 0;
        out.write(0x7E);
        for (byte b : record) {
            sum += b & 0xFF;
            stuff(out, b & 0xFF);
        }
        stuff(out, sum & 0xFF);
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void stuff(ByteArrayOutputStream out, int b) {
        if (b == 0x7E || b == 0x7D) {
            out.write(0x7D);
            out.write(b ^ 0x20);
        } else {
            out.write(b);
        }
    }
}
