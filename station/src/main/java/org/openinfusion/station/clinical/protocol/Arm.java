package org.openinfusion.station.clinical.protocol;

import java.util.Objects;

/** One arm of the study. Sealed: only an authorised, audited unblinding reveals it. */
/**
 * @param sedative the arm's infusion is a sedative (e.g. a midazolam active placebo): respiratory alarms must be high priority
 * @param source where the arm's dose comes from (a citation, or "site default")
 */
public record Arm(String code, String description, double infusionDoseMgPerKg, boolean sedative, String source) {
    public Arm {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        if (infusionDoseMgPerKg < 0) {
            throw new IllegalArgumentException("arm dose must not be negative");
        }
    }

    /** Never prints the arm's content, so an arm cannot leak through a log line or an exception message. */
    @Override
    public String toString() {
        return "Arm[sealed]";
    }
}
