package org.openinfusion.station.device.s5;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.openinfusion.station.domain.Stream;

/**
 * The numerics of one displayed-values subrecord, in stream units, each a value or a reason for none.
 * {@code ambientPressureMmHg} is NaN when the monitor did not report it.
 */
public record PhdbValues(Instant time, Map<Stream, Reading> readings, long nibpStatusBits, double ambientPressureMmHg) {
    public PhdbValues {
        readings = Map.copyOf(readings);
    }

    /**
     * Decodes the subrecord at {@code start}: time u32, then the basic class block. The caller has
     * checked that 4 + 270 bytes are there.
     */
    static PhdbValues decode(byte[] rec, int start) {
        Instant time = Instant.ofEpochSecond(Le.u32(rec, start));
        int c = start + 4;
        Map<Stream, Reading> r = new EnumMap<>(Stream.class);
        r.put(Stream.HR, Reading.of(Le.i16(rec, c + BasicClass.ECG_HR), 1));
        r.put(Stream.SPO2, Reading.of(Le.i16(rec, c + BasicClass.SPO2), 0.01));
        r.put(Stream.PULSE_RATE, Reading.of(Le.i16(rec, c + BasicClass.SPO2_PR), 1));
        r.put(Stream.RESP_RATE, Reading.of(Le.i16(rec, c + BasicClass.CO2_RR), 1));
        r.put(Stream.NIBP_SYS, Reading.of(Le.i16(rec, c + BasicClass.NIBP_SYS), 0.01));
        r.put(Stream.NIBP_DIA, Reading.of(Le.i16(rec, c + BasicClass.NIBP_DIA), 0.01));
        r.put(Stream.NIBP_MEAN, Reading.of(Le.i16(rec, c + BasicClass.NIBP_MEAN), 0.01));
        int ambRaw = Le.i16(rec, c + BasicClass.CO2_AMB_PRESS);
        r.put(Stream.ETCO2, etco2(Le.i16(rec, c + BasicClass.CO2_ET), ambRaw));
        double amb = Sentinels.isValue(ambRaw) && ambRaw > 0 ? ambRaw * 0.1 : Double.NaN;
        return new PhdbValues(time, r, Le.u32(rec, c + BasicClass.NIBP_STATUS), amb);
    }

    /** EtCO2 in mmHg = et (0.01 %) x ambient pressure (0.1 mmHg) x 1e-5. */
    static Reading etco2(int et, int ambient) {
        if (!Sentinels.isValue(et)) {
            return new Reading.NoValue(Sentinels.reason(et).orElseThrow());
        }
        if (!Sentinels.isValue(ambient) || ambient <= 0) {
            return new Reading.NoValue("ambient pressure " + Sentinels.reason(ambient).orElse("zero or negative"));
        }
        return new Reading.Value(et * (double) ambient * 1e-5);
    }
}
