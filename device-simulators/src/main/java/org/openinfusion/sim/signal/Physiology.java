package org.openinfusion.sim.signal;

import org.openinfusion.sim.signal.Conditions.Vital;

/**
 * The patient's smooth underlying state over simulation time (seconds): what the heart rate,
 * breathing and blood pressure tend to be, before beat-to-beat and breath-to-breath variability.
 *
 * <p>The drug acts through its effect-site concentration Ce with the BioGears ketamine substance's
 * Emax model, E = Emax x Ce / (EC50 + Ce): heart rate +25 % (EC50 0.75 ug/mL), systolic pressure
 * +40 % (EC50 0.75 ug/mL; diastolic by the same fraction), respiratory rate -10 % (EC50
 * 0.5 ug/mL), each maximal effect times the patient's {@link PatientProfile#drugSensitivity()}.
 * Scenario {@link Conditions} then move a sign towards their targets.
 */
public final class Physiology {

    static final double HR_EMAX = 0.25;
    static final double HR_EC50 = 0.75;
    static final double BP_EMAX = 0.40;
    static final double BP_EC50 = 0.75;
    static final double RR_EMAX = -0.10;
    static final double RR_EC50 = 0.5;

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
        double rate = (profile.restingHr() + slow + ripple) * (1 + effect(t, HR_EMAX, HR_EC50));
        return clamp(conditions.apply(Vital.HR, t, rate), 25, 220);
    }

    /** Mean respiratory rate, /min (0 during apnoea). */
    public double respiratoryRate(double t) {
        double drift = 0.8 * Math.sin(2 * Math.PI * t / 420 + profile.phase());
        double rate = (profile.restingRr() + drift) * (1 + effect(t, RR_EMAX, RR_EC50));
        return clamp(conditions.apply(Vital.RR, t, rate), 3, 40);
    }

    /** End-tidal CO2 the lungs tend to, mmHg. */
    public double endTidalCo2(double t) {
        double value = profile.restingEtco2() + 1.0 * Math.sin(2 * Math.PI * t / 510 + 3 * profile.phase());
        return conditions.apply(Vital.ETCO2, t, value);
    }

    /** Oxygen saturation, %. */
    public double spo2(double t) {
        double value = Math.min(100, profile.restingSpo2() + 0.6 * Math.sin(2 * Math.PI * t / 390 + profile.phase()));
        return clamp(conditions.apply(Vital.SPO2, t, value), 50, 100);
    }

    /** Arterial pressure without measurement noise, mmHg. */
    public BloodPressure bloodPressure(double t) {
        double drift = 3 * Math.sin(2 * Math.PI * t / 900 + profile.phase());
        double factor = 1 + effect(t, BP_EMAX, BP_EC50);
        double systolic = (profile.restingSys() + drift) * factor;
        double diastolic = (profile.restingDia() + 0.6 * drift) * factor;
        double pushed = conditions.apply(Vital.SBP, t, systolic);
        return new BloodPressure(pushed, diastolic + (pushed - systolic) / 2);
    }

    /** The drug's fractional effect at {@code t}: Emax x Ce / (EC50 + Ce) x the patient's sensitivity. */
    private double effect(double t, double emax, double ec50) {
        double ce = drug.effectSite(t);
        return profile.drugSensitivity() * emax * ce / (ec50 + ce);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
