package org.openinfusion.station.storage.compact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array written with varints, zigzag varints, fixed-width floats and short strings. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    /** Unsigned LEB128: 7 bits a byte, low bits first. */
    void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void writeZigZag(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    /** Little-endian IEEE 754 single. */
    void writeFloat(float f) {
        int b = Float.floatToRawIntBits(f);
        ensure(4);
        bytes[size++] = (byte) b;
        bytes[size++] = (byte) (b >>> 8);
        bytes[size++] = (byte) (b >>> 16);
        bytes[size++] = (byte) (b >>> 24);
    }

    /** Little-endian IEEE 754 double. */
    void writeDouble(double d) {
        long b = Double.doubleToRawLongBits(d);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (b >>> (8 * i));
        }
    }

    void writeString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong(utf8.length);
        writeBytes(utf8);
    }

    void writeBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
