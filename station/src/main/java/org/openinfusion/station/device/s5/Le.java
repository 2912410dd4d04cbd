package org.openinfusion.station.device.s5;

/** Little-endian reads and writes. */
final class Le {
    private Le() {
    }

    static int i16(byte[] b, int at) {
        return (short) ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return ((long) u16(b, at + 2) << 16) | u16(b, at);
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) v);
        put16(b, at + 2, (int) (v >> 16));
    }
}
