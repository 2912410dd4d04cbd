package org.openinfusion.sim.s5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 270-byte basic class block of a physiological-data subrecord, at the byte offsets of
 * device-protocols.md (computed there from VSCapture's packed structs). Every int16 value starts as
 * {@link #INVALID}; groups the simulated patient has get their header {status_bits u32, label_info u16}.
 */
final class BasicClassBlock {

    static final int BYTES = 270;
    static final short INVALID = -32767;
    /** Status bit: the group exists (a module is plugged in). Our choice, see README. */
    static final int STATUS_EXISTS = 0x1;
    /** Status bit: the group is measuring (sensor connected, a value is shown). Our choice, see README. */
    static final int STATUS_ACTIVE = 0x2;
    static final int AMBIENT_PRESSURE_TENTHS_MMHG = 7600;

    static final int ECG = 0;
    static final int NIBP = 72;
    static final int SPO2 = 118;
    static final int CO2 = 132;
    static final int ECG_EXTRA = 226;
    private static final int[] GROUPS = {0, 16, 30, 44, 58, 72, 86, 94, 102, 110, 118, 132, 146, 156, 166, 178,
        200, 214, 232, 240, 254};

    private BasicClassBlock() {
    }

    static byte[] encode(DisplayedNumerics values) {
        ByteBuffer block = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < BYTES - 2; at += 2) {
            block.putShort(at, INVALID);
        }
        block.putShort(BYTES - 2, (short) 0);
        for (int group : GROUPS) {
            header(block, group, 0);
        }
        ecg(block, values);
        nibp(block, values);
        spo2(block, values);
        co2(block, values);
        return block.array();
    }

    private static void ecg(ByteBuffer block, DisplayedNumerics values) {
        header(block, ECG, values.leadOff() ? STATUS_EXISTS : STATUS_EXISTS | STATUS_ACTIVE);
        if (!values.leadOff()) {
            block.putShort(ECG + 6, (short) values.hr());
            block.putShort(ECG_EXTRA, (short) values.hr());
        }
    }

    private static void nibp(ByteBuffer block, DisplayedNumerics values) {
        header(block, NIBP, values.nibp().isPresent() ? STATUS_EXISTS | STATUS_ACTIVE : STATUS_EXISTS);
        values.nibp().ifPresent(reading -> block.putShort(NIBP + 6, (short) (reading.systolic() * 100))
                .putShort(NIBP + 8, (short) (reading.diastolic() * 100))
                .putShort(NIBP + 10, (short) (reading.mean() * 100)));
    }

    private static void spo2(ByteBuffer block, DisplayedNumerics values) {
        boolean off = values.sensorsOff() || values.plethOff();
        header(block, SPO2, off ? STATUS_EXISTS : STATUS_EXISTS | STATUS_ACTIVE);
        if (!off) {
            block.putShort(SPO2 + 6, (short) (values.spo2() * 100)).putShort(SPO2 + 8, (short) values.pr());
        }
    }

    private static void co2(ByteBuffer block, DisplayedNumerics values) {
        header(block, CO2, values.sensorsOff() ? STATUS_EXISTS : STATUS_EXISTS | STATUS_ACTIVE);
        block.putShort(CO2 + 12, (short) AMBIENT_PRESSURE_TENTHS_MMHG);
        if (!values.sensorsOff()) {
            block.putShort(CO2 + 6, (short) Math.round(values.etco2Mmhg() * 1e5 / AMBIENT_PRESSURE_TENTHS_MMHG))
                    .putShort(CO2 + 8, (short) 0)
                    .putShort(CO2 + 10, (short) values.rr());
        }
    }

    private static void header(ByteBuffer block, int at, int status) {
        block.putInt(at, status).putShort(at + 4, (short) 0);
    }
}
