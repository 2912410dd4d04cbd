package org.openinfusion.station.device.s5;

/**
 * Byte offsets in the 270-byte basic class block of a displayed-values subrecord (int16 LE). Taken
 * from the packed struct layout of VSCapture's {@code Class2.cs} as transcribed in
 * shared/reference/device-protocols.md (see docs/s5.md, "Sources").
 */
final class BasicClass {
    static final int SIZE = 270;
    static final int ECG_HR = 6;
    static final int NIBP_STATUS = 72;
    static final int NIBP_SYS = 78;
    static final int NIBP_DIA = 80;
    static final int NIBP_MEAN = 82;
    static final int SPO2 = 124;
    static final int SPO2_PR = 126;
    static final int CO2_ET = 138;
    static final int CO2_RR = 142;
    static final int CO2_AMB_PRESS = 144;

    private BasicClass() {
    }
}
