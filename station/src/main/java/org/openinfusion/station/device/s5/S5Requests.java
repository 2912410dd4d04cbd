package org.openinfusion.station.device.s5;

import java.util.List;

/**
 * Builds the host's DRI requests (records, unframed): the displayed-numerics request (49 bytes) and
 * the waveform start/stop request (72 bytes). Pure.
 */
public final class S5Requests {
    /** phdb_rcrd_type for displayed values. */
    static final int DISPLAYED_VALUES = 1;
    /** phdb_class_bf bit of the basic class. */
    static final long BASIC_CLASS = 0x1;
    static final int WAVE_START = 0;
    static final int WAVE_STOP = 1;

    private S5Requests() {
    }

    /** Displayed values every {@code intervalSeconds} (0 stops them), basic class. */
    public static byte[] numerics(int driLevel, int intervalSeconds) {
        byte[] r = header(49, driLevel, RecordHeader.MAINTYPE_PHDB);
        int d = RecordHeader.SIZE;
        r[d] = DISPLAYED_VALUES;
        Le.put16(r, d + 1, intervalSeconds);
        Le.put32(r, d + 3, BASIC_CLASS);
        return r;
    }

    /** Start (or stop) the given waves; at most 8 ids. */
    public static byte[] waves(int driLevel, boolean start, List<WaveType> waves) {
        if (waves.size() > 8) {
            throw new IllegalArgumentException("at most 8 waves");
        }
        byte[] r = header(72, driLevel, RecordHeader.MAINTYPE_WAVEFORM);
        int d = RecordHeader.SIZE;
        Le.put16(r, d, start ? WAVE_START : WAVE_STOP);
        for (int i = 0; i < 8; i++) {
            r[d + 4 + i] = (byte) (i < waves.size() ? waves.get(i).id() : 0xFF);
        }
        return r;
    }

    private static byte[] header(int length, int driLevel, int mainType) {
        byte[] r = new byte[length];
        Le.put16(r, 0, length);
        r[3] = (byte) driLevel;
        Le.put16(r, 14, mainType);
        r[16 + 2] = 0;             // subrecord 0 at offset 0, type 0 (transmission request)
        r[16 + 3 + 2] = (byte) 0xFF; // end of the subrecord list
        return r;
    }
}
