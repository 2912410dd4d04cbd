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

    /** The volume follows the dose: {@code dose / concentration}. */
    record FixedConcentration(double mgPerMl) implements Dilution {
        public FixedConcentration {
            if (!(mgPerMl > 0 && mgPerMl <= 100)) {
                throw new IllegalArgumentException("concentration must be 0 - 100 mg/mL, got " + mgPerMl);
            }
        }
    }
}
