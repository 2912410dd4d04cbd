package org.openinfusion.sim.signal;

import java.util.SplittableRandom;

/**
 * The fixed traits of one simulated patient, drawn from a seed: resting values and the
 * periods and phases of their slow drifts.
 *
 * @param restingHr heart rate at rest, /min
 * @param hrSwing amplitude of the slow heart-rate drift, /min
 * @param hrPeriodSeconds period of the slow heart-rate drift
 * @param restingRr respiratory rate at rest, /min
 * @param restingEtco2 end-tidal CO2 at rest, mmHg
 * @param restingSpo2 oxygen saturation at rest, %
 * @param restingSys systolic pressure at rest, mmHg
 * @param restingDia diastolic pressure at rest, mmHg
 * @param pulseTransitSeconds delay from the ECG R peak to the pleth upstroke
 * @param ecgGain scale of the ECG amplitudes
 * @param plethAmplitude height of the pleth pulse, arbitrary units
 * @param phase phase offset of every drift, radians
 * @param weightKg body weight, kg (scales the drug's volumes and the planned dose)
 * @param ageYears age, years
 * @param drugSensitivity multiplies the drug's maximal effects (1 = the typical patient of the source)
 */
public record PatientProfile(
        double restingHr, double hrSwing, double hrPeriodSeconds,
        double restingRr, double restingEtco2, double restingSpo2,
        double restingSys, double restingDia,
        double pulseTransitSeconds, double ecgGain, double plethAmplitude, double phase,
        double weightKg, double ageYears, double drugSensitivity) {

    public PatientProfile {
        if (restingHr < 40 || restingHr > 120) {
            throw new IllegalArgumentException("resting heart rate out of range: " + restingHr);
        }
        if (restingRr < 6 || restingRr > 30) {
            throw new IllegalArgumentException("resting respiratory rate out of range: " + restingRr);
        }
        if (weightKg < 30 || weightKg > 250) {
            throw new IllegalArgumentException("weight out of range: " + weightKg);
        }
        if (restingDia >= restingSys) {
            throw new IllegalArgumentException("diastolic must be below systolic");
        }
    }

    /**
     * A plausible adult at rest; the same seed always gives the same patient. Weight 55-95 kg, age
     * 21-64, drug sensitivity 1.0-1.7 (mean 1.35: calibrated so that 0.5 mg/kg over 40 min raises the
     * systolic pressure by about the Yale series' mean +16 mmHg, docs/simulation.md).
     */
    public static PatientProfile fromSeed(long seed) {
        SplittableRandom random = Seeds.random(seed, "patient");
        SplittableRandom traits = Seeds.random(seed, "patient-traits");
        return new PatientProfile(
                random.nextDouble(68, 76), random.nextDouble(4, 6), random.nextDouble(300, 600),
                random.nextDouble(13.5, 15), random.nextDouble(36.5, 38.5), random.nextDouble(97.2, 98.6),
                random.nextDouble(112, 126), random.nextDouble(70, 80),
                random.nextDouble(0.20, 0.26), random.nextDouble(0.85, 1.15), random.nextDouble(35, 60),
                random.nextDouble(0, 2 * Math.PI),
                traits.nextDouble(55, 95), Math.floor(traits.nextDouble(21, 65)), traits.nextDouble(1.0, 1.7));
    }

    /** The same patient with another weight (a scenario may fix it). */
    public PatientProfile withWeightKg(double kg) {
        return new PatientProfile(restingHr, hrSwing, hrPeriodSeconds, restingRr, restingEtco2, restingSpo2, restingSys,
                restingDia, pulseTransitSeconds, ecgGain, plethAmplitude, phase, kg, ageYears, drugSensitivity);
    }
}
