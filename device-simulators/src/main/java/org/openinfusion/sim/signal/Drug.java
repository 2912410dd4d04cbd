package org.openinfusion.sim.signal;

/**
 * What the simulated bag holds. The station never learns it (it sees volumes and rates only).
 *
 * <p>Ketamine's pharmacokinetics are the three-compartment model of Domino et al. (Domino EF,
 * Domino SE, Smith RE et al. "Ketamine kinetics in unmedicated and diazepam-premedicated subjects",
 * Clin Pharmacol Ther 1984;36:645-653) as used by target-controlled-infusion software:
 * V1 0.063 L/kg, k10 0.438, k12 0.592, k13 0.590, k21 0.247, k31 0.0146 /min; the effect site
 * follows the plasma with ke0 3 /min and the dose-response is the BioGears ketamine substance
 * (Emax/EC50, docs/simulation.md). Saline is the placebo: no drug, no effect.
 */
public enum Drug {
    KETAMINE,
    SALINE;

    /** The pharmacokinetic model of this drug for one patient, or null for saline. */
    ThreeCompartmentModel model(double weightKg) {
        return switch (this) {
            case KETAMINE -> new ThreeCompartmentModel(0.063 * weightKg, 0.438, 0.592, 0.590, 0.247, 0.0146, 3.0);
            case SALINE -> null;
        };
    }
}
