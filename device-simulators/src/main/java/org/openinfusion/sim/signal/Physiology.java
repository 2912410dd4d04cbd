package org.openinfusion.sim.signal;

/**
 * The patient's smooth underlying state over simulation time (seconds): what the heart rate,
 * breathing and blood pressure tend to be, before beat-to-beat and breath-to-breath variability.
 *
 * <p>Ketamine adds up to +16/+11 mmHg (clinical.md, Yale series), about +8/min heart rate and
 * -1/min respiratory rate at the peak of its effect.
 */
public final class Physiology {

    static final double KETAMINE_SYSTOLIC_MMHG = 16;
    static final double KETAMINE_DIASTOLIC_MMHG = 11;
    static final double KETAMINE_HR_PER_MIN = 8;
    static final double KETAMINE_RR_PER_MIN = -1;

    private final PatientProfile profile;
    private final KetamineEffect ketamine;

    public Physiology(PatientProfile profile, KetamineEffect ketamine) {
        this.profile = profile;
        this.ketamine = ketamine;
    }

    public PatientProfile profile() {
        return profile;
    }

    /** Mean heart rate, /min: resting rate, a slow swing and a faster ripple, plus the drug. */
    public double heartRate(double t) {
        double slow = profile.hrSwing() * Math.sin(2 * Math.PI * t / profile.hrPeriodSeconds() + profile.phase());
        double ripple = 2 * Math.sin(2 * Math.PI * t / 137 + 2 * profile.phase());
        double rate = profile.restingHr() + slow + ripple + KETAMINE_HR_PER_MIN * ketamine.at(t);
        return clamp(rate, 50, 110);
    }

    /** Mean respiratory rate, /min. */
    public double respiratoryRate(double t) {
        double drift = 0.8 * Math.sin(2 * Math.PI * t / 420 + profile.phase());
        return clamp(profile.restingRr() + drift + KETAMINE_RR_PER_MIN * ketamine.at(t), 8, 24);
    }

    /** End-tidal CO2 the lungs tend to, mmHg. */
    public double endTidalCo2(double t) {
        return profile.restingEtco2() + 1.0 * Math.sin(2 * Math.PI * t / 510 + 3 * profile.phase());
    }

    /** Oxygen saturation, %. */
    public double spo2(double t) {
        return Math.min(100, profile.restingSpo2() + 0.6 * Math.sin(2 * Math.PI * t / 390 + profile.phase()));
    }

    /** Arterial pressure without measurement noise, mmHg. */
    public BloodPressure bloodPressure(double t) {
        double drift = 3 * Math.sin(2 * Math.PI * t / 900 + profile.phase());
        double effect = ketamine.at(t);
        return new BloodPressure(
                profile.restingSys() + drift + KETAMINE_SYSTOLIC_MMHG * effect,
                profile.restingDia() + 0.6 * drift + KETAMINE_DIASTOLIC_MMHG * effect);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
