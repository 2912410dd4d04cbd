package org.openinfusion.station.device.s5;

import org.openinfusion.station.device.Problem;

/**
 * Finds DRI records in a byte stream: un-stuffs, checks the 8-bit checksum, and resynchronises on
 * every 0x7E. Each flag both ends the bytes gathered so far and starts a new frame, so garbage before
 * a frame is dropped (and counted) when that frame's start flag arrives and the frame itself is kept.
 * Pure and incremental: a frame may be split across any number of calls. Not thread-safe.
 */
public final class S5FrameParser {
    /** Receives complete records (valid only during the call) and counted problems. */
    public interface Listener {
        void record(byte[] record, int length);

        void problem(Problem kind, String detail);
    }

    private final byte[] buf = new byte[S5Frames.MAX_RECORD + 1];
    private int length;
    private boolean escaped;
    private boolean badEscape;
    private boolean overflow;
    private long discarded;

    public void accept(byte[] data, int offset, int count, Listener listener) {
        for (int i = offset; i < offset + count; i++) {
            int b = data[i] & 0xFF;
            if (b == S5Frames.FLAG) {
                endFrame(listener);
            } else if (escaped) {
                escaped = false;
                badEscape |= b != 0x5E && b != 0x5D;
                append(b ^ 0x20);
            } else if (b == S5Frames.ESCAPE) {
                escaped = true;
            } else {
                append(b);
            }
        }
    }

    /** Forgets a partial frame (after a reconnect). */
    public void reset() {
        length = 0;
        escaped = false;
        badEscape = false;
        overflow = false;
    }

    /** Bytes dropped so far (in frames that failed). */
    public long discardedBytes() {
        return discarded;
    }

    private void append(int b) {
        if (length == buf.length) {
            overflow = true;
        } else {
            buf[length++] = (byte) b;
        }
    }

    private void endFrame(Listener listener) {
        if (length == 0 && !overflow && !escaped) {
            return;
        }
        Problem problem = check();
        if (problem == null) {
            listener.record(buf, length - 1);
        } else {
            discarded += length;
            listener.problem(problem, length + " bytes");
        }
        reset();
    }

    private Problem check() {
        if (overflow) {
            return Problem.OVERSIZED;
        }
        if (badEscape || escaped) {
            return Problem.BAD_ESCAPE;
        }
        int declared = length >= 2 ? (buf[0] & 0xFF) | (buf[1] & 0xFF) << 8 : -1;
        boolean plausibleHeader = declared >= RecordHeader.SIZE && declared <= S5Frames.MAX_RECORD;
        if (S5Frames.checksum(buf, 0, Math.max(0, length - 1)) == (buf[Math.max(0, length - 1)] & 0xFF)
                && length > RecordHeader.SIZE) {
            return null;
        }
        if (length <= RecordHeader.SIZE) {
            return Problem.STRAY_BYTES;
        }
        return plausibleHeader && declared + 1 > length ? Problem.TRUNCATED : Problem.BAD_CHECKSUM;
    }
}
