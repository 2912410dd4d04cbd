package org.openinfusion.station.clinical.protocol;

/** How the infusion is prepared: the same final volume for everyone, or a fixed concentration. */
public sealed interface Dilution {
    /** Every participant and arm gets {@code volumeMl} at the same rate: the rate protects the blind. */
    record FixedFinalVolume(double volumeMl) implements Dilution {
        public FixedFinalVolume {
            if (!(volumeMl > 0 && volumeMl <= 1000)) {
                throw new IllegalArgumentException("final volume must be 0 - 1000 mL, got " + volumeMl);
            }
        }
    }

    /**
     * The most concentrated ketamine solution that may be given intravenously: the label (Ketalar prescribing
     * information, Dosage and Administration) forbids the 100 mg/mL concentration IV without dilution with an equal
     * volume, i.e. at most 50 mg/mL.
     */
    double MAX_IV_MG_PER_ML = 50;

    /** The volume follows the dose: {@code dose / concentration}. */
    record FixedConcentration(double mgPerMl) implements Dilution {
        public FixedConcentration {
            if (!(mgPerMl > 0 && mgPerMl <= MAX_IV_MG_PER_ML)) {
                throw new IllegalArgumentException("concentration must be above 0 and at most " + (int) MAX_IV_MG_PER_ML
                        + " mg/mL (the label's maximum for IV use: 100 mg/mL must be diluted with an equal volume), got "
                        + mgPerMl);
            }
        }
    }
}
