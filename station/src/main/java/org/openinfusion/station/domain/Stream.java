package org.openinfusion.station.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every stream the station knows, with its IEEE 11073 code, UCUM unit and accepted physical range.
 * The table is documented in docs/mqtt.md; keep the two in step.
 */
public enum Stream {
    HR("hr", StreamKind.NUMERIC, new MdcCode(147842, "MDC_ECG_HEART_RATE"), "/min", 0, 350),
    SPO2("spo2", StreamKind.NUMERIC, new MdcCode(150456, "MDC_PULS_OXIM_SAT_O2"), "%", 0, 100),
    PULSE_RATE("pr", StreamKind.NUMERIC, new MdcCode(149530, "MDC_PULS_OXIM_PULS_RATE"), "/min", 0, 350),
    ETCO2("etco2", StreamKind.NUMERIC, new MdcCode(151728, "MDC_AWAY_CO2_ET"), "mm[Hg]", 0, 150),
    RESP_RATE("rr", StreamKind.NUMERIC, new MdcCode(151594, "MDC_CO2_RESP_RATE"), "/min", 0, 150),
    NIBP_SYS("nibp_sys", StreamKind.NUMERIC, new MdcCode(150021, "MDC_PRESS_BLD_NONINV_SYS"), "mm[Hg]", 0, 350),
    NIBP_DIA("nibp_dia", StreamKind.NUMERIC, new MdcCode(150022, "MDC_PRESS_BLD_NONINV_DIA"), "mm[Hg]", 0, 350),
    NIBP_MEAN("nibp_mean", StreamKind.NUMERIC, new MdcCode(150023, "MDC_PRESS_BLD_NONINV_MEAN"), "mm[Hg]", 0, 350),
    PUMP_RATE("pump_rate", StreamKind.NUMERIC, new MdcCode(157784, "MDC_FLOW_FLUID_PUMP"), "mL/h", 0, 1200),
    PUMP_VOLUME_INFUSED("pump_vi", StreamKind.NUMERIC, new MdcCode(157864, "MDC_VOL_FLUID_DELIV"), "mL", 0, 10000),
    PUMP_VOLUME_TO_BE_INFUSED("pump_vtbi", StreamKind.NUMERIC, new MdcCode(157872, "MDC_VOL_FLUID_TBI_REMAIN"), "mL", 0, 10000),
    /** The Asena's time-remaining field, as read (H:MM:SS) and nothing derived from it: see docs/asena.md. */
    PUMP_TIME_REMAINING("pump_time_remaining", StreamKind.NUMERIC, MdcCode.NONE, "s", 0, 3_600_000),
    PUMP_STATE("pump_state", StreamKind.STATE, new MdcCode(184508, "MDC_PUMP_STAT"), "",
            Set.of("infusing", "paused", "stopped", "completed", "standby")),
    PUMP_ALARM("pump_alarm", StreamKind.STATE, MdcCode.NONE, "",
            Set.of("none", "occlusion", "air_in_line", "near_end", "end_of_infusion", "battery_low", "door_open", "other")),
    ECG_I("ecg_i", StreamKind.WAVEFORM, new MdcCode(131329, "MDC_ECG_ELEC_POTL_I"), "mV", -20, 20),
    ECG_II("ecg_ii", StreamKind.WAVEFORM, new MdcCode(131330, "MDC_ECG_ELEC_POTL_II"), "mV", -20, 20),
    ECG_III("ecg_iii", StreamKind.WAVEFORM, new MdcCode(131389, "MDC_ECG_ELEC_POTL_III"), "mV", -20, 20),
    PLETH("pleth", StreamKind.WAVEFORM, new MdcCode(150452, "MDC_PULS_OXIM_PLETH"), "1", -1000, 1000),
    CO2("co2", StreamKind.WAVEFORM, new MdcCode(151724, "MDC_AWAY_CO2"), "mm[Hg]", -10, 150);

    private static final Map<String, Stream> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Stream::key, Function.identity()));

    private final String key;
    private final StreamKind kind;
    private final MdcCode mdc;
    private final String unit;
    private final double min;
    private final double max;
    private final Set<String> allowedStates;

    Stream(String key, StreamKind kind, MdcCode mdc, String unit, double min, double max) {
        this(key, kind, mdc, unit, min, max, Set.of());
    }

    Stream(String key, StreamKind kind, MdcCode mdc, String unit, Set<String> allowedStates) {
        this(key, kind, mdc, unit, Double.NaN, Double.NaN, allowedStates);
    }

    Stream(String key, StreamKind kind, MdcCode mdc, String unit, double min, double max, Set<String> allowedStates) {
        this.key = key;
        this.kind = kind;
        this.mdc = mdc;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.allowedStates = allowedStates;
    }

    /** The stream's name on the wire and in storage, e.g. {@code hr}. */
    public String key() {
        return key;
    }

    public StreamKind kind() {
        return kind;
    }

    public MdcCode mdc() {
        return mdc;
    }

    /** UCUM unit code; empty for state streams. */
    public String unit() {
        return unit;
    }

    public boolean accepts(double value) {
        return value >= min && value <= max;
    }

    public boolean accepts(String state) {
        return allowedStates.contains(state);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public static Optional<Stream> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
