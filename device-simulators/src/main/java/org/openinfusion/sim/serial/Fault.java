package org.openinfusion.sim.serial;

import java.util.Arrays;
import java.util.Locale;

/** The fault switches of a serial simulator; each has the name used on the command line. */
public enum Fault {
    /** Every frame is sent with a wrong checksum (S/5) or CRC (Asena). */
    CORRUPT_CHECKSUM,
    /** One byte is removed from every frame sent. */
    DROP_BYTES,
    /** Every frame sent is replaced by random bytes of the same length, as a baud-rate mismatch shows. */
    GARBAGE,
    /** Nothing is sent (and requests go unanswered) while on; {@link FaultSwitches#stall} sets it for a time. */
    STALL,
    /** One-shot: the port or socket is closed; {@link FaultSwitches#disconnect()} triggers it. */
    DISCONNECT,
    /** S/5: SpO2, pulse rate and CO2 values are sent as "invalid" sentinels. */
    SENSOR_OFF,
    /** Asena: the pump reports an occlusion alarm. */
    OCCLUSION,
    /** Asena: the pump reports an air-in-line alarm. */
    AIR_IN_LINE;

    /** The command-line name: lower case with dashes, e.g. {@code corrupt-checksum}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Fault fromCliName(String text) {
        return Arrays.stream(values()).filter(f -> f.cliName().equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + text + "', expected one of "
                        + Arrays.stream(values()).map(Fault::cliName).toList()));
    }
}
