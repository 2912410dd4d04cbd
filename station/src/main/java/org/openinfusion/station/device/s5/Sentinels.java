package org.openinfusion.station.device.s5;

import java.util.Optional;

/** DRI "no value" codes: any raw value <= -32001 is not a measurement. */
public final class Sentinels {
    public static final int LIMIT = -32001;

    private Sentinels() {
    }

    public static boolean isValue(int raw) {
        return raw > LIMIT;
    }

    /** Why a raw value is not a measurement, or empty when it is one. */
    public static Optional<String> reason(int raw) {
        if (isValue(raw)) {
            return Optional.empty();
        }
        return Optional.of(switch (raw) {
            case -32767 -> "invalid";
            case -32766 -> "not updated";
            case -32765 -> "discontinuity";
            case -32764 -> "under range";
            case -32763 -> "over range";
            case -32762 -> "not calibrated";
            default -> "no value (" + raw + ")";
        });
    }
}
