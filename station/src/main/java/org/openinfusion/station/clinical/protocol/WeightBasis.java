package org.openinfusion.station.clinical.protocol;

/** Which body weight the dose is computed from. Ideal weight needs height and sex (Devine formula). */
public enum WeightBasis {
    ACTUAL,
    IDEAL,
    ADJUSTED
}
