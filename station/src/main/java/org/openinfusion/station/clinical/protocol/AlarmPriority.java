package org.openinfusion.station.clinical.protocol;

/** IEC 60601-1-8 alarm priorities. */
public enum AlarmPriority {
    LOW,
    MEDIUM,
    HIGH
}
