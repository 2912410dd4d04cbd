package org.openinfusion.sim.signal;

import org.openinfusion.sim.signal.Conditions.Vital;

/**
 * The patient's smooth underlying state over simulation time (seconds): what the heart rate,
 * breathing and blood pressure tend to be, before beat-to-beat and breath-to-breath variability.
 *
 * <p>Each drug acts through its effect-site concentration Ce with an Emax model,
 * E = Emax x Ce / (EC50 + Ce). Ketamine (BioGears ketamine substance, with the heart-rate maximum
 * raised to the pressure's, see docs/simulation.md): heart rate +40 % and systolic pressure +40 %
 * (EC50 0.75 ug/mL; diastolic by the same fraction), respiratory rate -10 % (EC50 0.5 ug/mL), each
 * maximal effect times the patient's {@link PatientProfile#drugSensitivity()}; sedation (EC50
 * 0.4 ug/mL). Midazolam (EC50 0.0558 ug/mL from the BioGears midazolam substance, maxima ours for
 * the mild effect of 0.025-0.045 mg/kg): respiratory rate -25 %, end-tidal CO2 +15 %, SpO2 -3
 * points; sedation with EC50 0.0297 ug/mL (Platten 1998); heart rate and pressure unchanged
 * (Pecking 2002). Scenario {@link Conditions} then move a sign towards their targets.
 */
public final class Physiology {

    /**
     * Raised from BioGears' 0.25 to the systolic maximum: in volunteers ketamine raises heart rate at
     * least as much as pressure (Langsjo et al., Anesthesiology 2005;103:258: S-ketamine, heart rate up
     * to +43.5 %, mean pressure +27.0 %; esketamine 1 mg/kg over 3 h, Br J Anaesth 2024,
     * doi 10.1016/j.bja.2024.08.040: heart rate +10 /min with mean pressure +10 mmHg). docs/simulation.md.
     */
    static final double HR_EMAX = 0.40;
    static final double HR_EC50 = 0.75;
    static final double BP_EMAX = 0.40;
    static final double BP_EC50 = 0.75;
    static final double RR_EMAX = -0.10;
    static final double RR_EC50 = 0.5;
    static final double KETAMINE_SEDATION_EC50 = 0.4;
    static final double MIDAZOLAM_EC50 = 0.0558;
    static final double MIDAZOLAM_RR_EMAX = -0.25;
    static final double MIDAZOLAM_ETCO2_EMAX = 0.15;
    static final double MIDAZOLAM_SPO2_EMAX_POINTS = -3;
    static final double MIDAZOLAM_SEDATION_EC50 = 0.0297;

    private final PatientProfile profile;
    private final DrugExposure drug;
    private final Conditions conditions;

    public Physiology(PatientProfile profile, DrugExposure drug, Conditions conditions) {
        this.profile = profile;
        this.drug = drug;
        this.conditions = conditions;
    }

    public PatientProfile profile() {
        return profile;
    }

    public DrugExposure drug() {
        return drug;
    }

    public Conditions conditions() {
        return conditions;
    }

    /** Mean heart rate, /min: resting rate, a slow swing and a faster ripple, the drug, the scenario. */
    public double heartRate(double t) {
        double slow = profile.hrSwing() * Math.sin(2 * Math.PI * t / profile.hrPeriodSeconds() + profile.phase());
        double ripple = 2 * Math.sin(2 * Math.PI * t / 137 + 2 * profile.phase());
        double rate = (profile.restingHr() + slow + ripple) * (1 + ketamine(t, HR_EMAX, HR_EC50));
        return clamp(conditions.apply(Vital.HR, t, rate), 25, 220);
    }

    /** Mean respiratory rate, /min (0 during apnoea). */
    public double respiratoryRate(double t) {
        double drift = 0.8 * Math.sin(2 * Math.PI * t / 420 + profile.phase());
        double rate = (profile.restingRr() + drift)
                * (1 + ketamine(t, RR_EMAX, RR_EC50) + midazolam(t, MIDAZOLAM_RR_EMAX, MIDAZOLAM_EC50));
        return clamp(conditions.apply(Vital.RR, t, rate), 3, 40);
    }

    /** End-tidal CO2 the lungs tend to, mmHg. */
    public double endTidalCo2(double t) {
        double value = (profile.restingEtco2() + 1.0 * Math.sin(2 * Math.PI * t / 510 + 3 * profile.phase()))
                * (1 + midazolam(t, MIDAZOLAM_ETCO2_EMAX, MIDAZOLAM_EC50));
        return conditions.apply(Vital.ETCO2, t, value);
    }

    /** Oxygen saturation, %. */
    public double spo2(double t) {
        double value = Math.min(100, profile.restingSpo2() + 0.6 * Math.sin(2 * Math.PI * t / 390 + profile.phase()))
                + midazolam(t, MIDAZOLAM_SPO2_EMAX_POINTS, MIDAZOLAM_EC50);
        return clamp(conditions.apply(Vital.SPO2, t, value), 50, 100);
    }

    /** Arterial pressure without measurement noise, mmHg. */
    public BloodPressure bloodPressure(double t) {
        double drift = 3 * Math.sin(2 * Math.PI * t / 900 + profile.phase());
        double factor = 1 + ketamine(t, BP_EMAX, BP_EC50);
        double systolic = (profile.restingSys() + drift) * factor;
        double diastolic = (profile.restingDia() + 0.6 * drift) * factor;
        double pushed = conditions.apply(Vital.SBP, t, systolic);
        return new BloodPressure(pushed, diastolic + (pushed - systolic) / 2);
    }

    /**
     * How sedated the patient is, 0 (awake) to 1: the probability-like Emax effect of each drug's
     * effect-site concentration on sedation, combined as independent effects. Reported on the
     * control channel only (no monitor measures it).
     */
    public double sedation(double t) {
        double ketamine = emax(drug.effectSite(Drug.KETAMINE, t), 1, KETAMINE_SEDATION_EC50);
        double midazolam = emax(drug.effectSite(Drug.MIDAZOLAM, t), 1, MIDAZOLAM_SEDATION_EC50);
        return 1 - (1 - ketamine) * (1 - midazolam);
    }

    /** Ketamine's fractional effect at {@code t}: Emax x Ce / (EC50 + Ce) x the patient's sensitivity. */
    private double ketamine(double t, double emax, double ec50) {
        return profile.drugSensitivity() * emax(drug.effectSite(Drug.KETAMINE, t), emax, ec50);
    }

    /** Midazolam's effect at {@code t}: Emax x Ce / (EC50 + Ce). */
    private double midazolam(double t, double emax, double ec50) {
        return emax(drug.effectSite(Drug.MIDAZOLAM, t), emax, ec50);
    }

    private static double emax(double ce, double emax, double ec50) {
        return ce <= 0 ? 0 : emax * ce / (ec50 + ce);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
