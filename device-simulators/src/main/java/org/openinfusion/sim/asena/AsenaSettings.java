package org.openinfusion.sim.asena;

/**
 * The simulated pump's identity.
 *
 * @param serial the instrument serial number (INST_SERIALNO and INF field [1]); no '^', '|', '!' or CR
 */
public record AsenaSettings(String serial) {

    public static final String DEFAULT_SERIAL = "800012345";

    public AsenaSettings {
        if (serial.isEmpty() || !serial.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("serial must be 1-32 letters, digits, '_', '.', '-': " + serial);
        }
    }

    public static AsenaSettings defaults() {
        return new AsenaSettings(DEFAULT_SERIAL);
    }
}
