package org.openinfusion.station.storage.compact;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote; every read past the end or malformed varint throws {@link MalformedEntryException}. */
final class ByteSource {
    private final byte[] bytes;
    private int pos;

    ByteSource(byte[] bytes, int from) {
        this.bytes = bytes;
        this.pos = from;
    }

    boolean atEnd() {
        return pos == bytes.length;
    }

    int position() {
        return pos;
    }

    private void need(int n) {
        if (n < 0 || bytes.length - pos < n) {
            throw new MalformedEntryException("entry ends early at byte " + pos + " (" + n + " more needed)");
        }
    }

    int readByte() {
        need(1);
        return bytes[pos++] & 0xFF;
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new MalformedEntryException("varint longer than 10 bytes at byte " + pos);
    }

    int readVarInt(int max, String what) {
        long v = readVarLong();
        if (v < 0 || v > max) {
            throw new MalformedEntryException(what + " " + v + " is outside 0 - " + max);
        }
        return (int) v;
    }

    long readZigZag() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    float readFloat() {
        need(4);
        int b = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16 | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(b);
    }

    double readDouble() {
        need(8);
        long b = 0;
        for (int i = 0; i < 8; i++) {
            b |= (long) (bytes[pos + i] & 0xFF) << (8 * i);
        }
        pos += 8;
        return Double.longBitsToDouble(b);
    }

    String readString(int maxBytes) {
        int n = readVarInt(maxBytes, "string length");
        need(n);
        String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    String readRest() {
        String s = new String(bytes, pos, bytes.length - pos, StandardCharsets.UTF_8);
        pos = bytes.length;
        return s;
    }
}
