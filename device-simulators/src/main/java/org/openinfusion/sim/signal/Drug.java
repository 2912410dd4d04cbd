package org.openinfusion.sim.signal;

import java.util.Locale;

/**
 * What a simulated bag can hold. The station never learns it (it sees volumes and rates only).
 *
 * <p>Ketamine's pharmacokinetics are the three-compartment model of Domino et al. (Domino EF,
 * Domino SE, Smith RE et al. "Ketamine kinetics in unmedicated and diazepam-premedicated subjects",
 * Clin Pharmacol Ther 1984;36:645-653) as used by target-controlled-infusion software:
 * V1 0.063 L/kg, k10 0.438, k12 0.592, k13 0.590, k21 0.247, k31 0.0146 /min; the effect site
 * follows the plasma with ke0 3 /min (BioGears ketamine substance).
 *
 * <p>Midazolam's are the three-compartment model of Zomorodi K, Donner A, Somma J et al.
 * "Population pharmacokinetics of midazolam administered by target controlled infusion for sedation
 * following coronary artery bypass grafting", Anesthesiology 1998;89:1418-1429: typical V1 32.2 L,
 * V2 53 L, V3 245 L, Cl1 0.43, Cl2 0.56, Cl3 0.39 L/min, scaled here with body weight from 70 kg
 * (our choice, as for ketamine: the same mg/kg gives the same level); the effect site follows with
 * ke0 0.11 /min (BioGears midazolam substance). The dose-response of both is in {@link Physiology}
 * (docs/simulation.md). Saline is the placebo: no drug, no effect.
 */
public enum Drug {
    KETAMINE,
    SALINE,
    MIDAZOLAM;

    /** Zomorodi 1998 typical values are taken as those of a 70 kg adult. */
    private static final double MIDAZOLAM_REFERENCE_KG = 70;

    /** The pharmacokinetic model of this drug for one patient, or null for saline. */
    ThreeCompartmentModel model(double weightKg) {
        return switch (this) {
            case KETAMINE -> new ThreeCompartmentModel(0.063 * weightKg, 0.438, 0.592, 0.590, 0.247, 0.0146, 3.0);
            case SALINE -> null;
            case MIDAZOLAM -> {
                double v1 = 32.2 * weightKg / MIDAZOLAM_REFERENCE_KG;
                yield new ThreeCompartmentModel(v1, 0.43 / 32.2, 0.56 / 32.2, 0.39 / 32.2, 0.56 / 53, 0.39 / 245, 0.11);
            }
        };
    }

    /** {@code ketamine}, {@code midazolam} or {@code saline} (also {@code placebo}). */
    public static Drug parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return "PLACEBO".equals(name) ? SALINE : valueOf(name);
    }
}
