package org.openinfusion.station.clinical.protocol;

/** What a scheduled time is measured from. */
public enum Anchor {
    /** When the session's baseline began (baseline ratings). */
    SESSION_START,
    PRETREATMENT,
    INFUSION_START,
    INFUSION_END
}
