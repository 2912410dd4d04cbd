package org.openinfusion.station.device.s5;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.station.domain.Stream;

/**
 * The DRI waves the station requests, with their ids, rates, stream and scale from raw int16 to the
 * stream's unit. ECG: 0.01 mV per count (10 uV). Pleth: 0.01 per count (the stream is in arbitrary
 * units). CO2: 0.01 % per count, turned into mmHg with the ambient pressure (see {@link S5Decoder}).
 */
public enum WaveType {
    ECG1(1, 300, Stream.ECG_I, 0.01),
    ECG2(2, 300, Stream.ECG_II, 0.01),
    ECG3(3, 300, Stream.ECG_III, 0.01),
    PLETH(8, 100, Stream.PLETH, 0.01),
    CO2(9, 25, Stream.CO2, 0.01);

    private final int id;
    private final int rateHz;
    private final Stream stream;
    private final double scale;

    WaveType(int id, int rateHz, Stream stream, double scale) {
        this.id = id;
        this.rateHz = rateHz;
        this.stream = stream;
        this.scale = scale;
    }

    public int id() {
        return id;
    }

    public int rateHz() {
        return rateHz;
    }

    public Stream stream() {
        return stream;
    }

    /** Stream units per raw count (for CO2: percent per count). */
    public double scale() {
        return scale;
    }

    public static Optional<WaveType> byId(int id) {
        return Arrays.stream(values()).filter(w -> w.id == id).findFirst();
    }

    public static Optional<WaveType> byName(String name) {
        return Arrays.stream(values()).filter(w -> w.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
    }
}
