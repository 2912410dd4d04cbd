package org.openinfusion.sim.mqtt;

/**
 * The numeric and state streams of docs/mqtt.md, with their SenML names and UCUM units.
 * State streams carry a string ({@code vs}) and no unit.
 */
public enum NumericStream {
    HR("hr", "/min", 0),
    SPO2("spo2", "%", 0),
    PR("pr", "/min", 0),
    ETCO2("etco2", "mm[Hg]", 0),
    RR("rr", "/min", 0),
    NIBP_SYS("nibp_sys", "mm[Hg]", 0),
    NIBP_DIA("nibp_dia", "mm[Hg]", 0),
    NIBP_MEAN("nibp_mean", "mm[Hg]", 0),
    PUMP_RATE("pump_rate", "mL/h", 1),
    PUMP_VI("pump_vi", "mL", 2),
    PUMP_VTBI("pump_vtbi", "mL", 2),
    PUMP_STATE("pump_state", null, -1),
    PUMP_ALARM("pump_alarm", null, -1);

    private final String wireName;
    private final String unit;
    private final int decimals;

    NumericStream(String wireName, String unit, int decimals) {
        this.wireName = wireName;
        this.unit = unit;
        this.decimals = decimals;
    }

    /** The SenML name ({@code n}). */
    public String wireName() {
        return wireName;
    }

    /** The UCUM unit ({@code u}), or null for a state stream. */
    public String unit() {
        return unit;
    }

    /** Decimal places sent for a numeric value. */
    public int decimals() {
        return decimals;
    }

    public boolean isState() {
        return unit == null;
    }
}
