package org.openinfusion.sim.control;

import java.util.List;
import org.openinfusion.sim.signal.BloodPressure;
import org.openinfusion.sim.signal.PatientProfile;
import org.openinfusion.sim.signal.Physiology;
import org.openinfusion.sim.signal.PumpStatus;

/**
 * One simulated bed as the control channel lists it: where its simulation is, the patient, the
 * drug concentrations, the underlying vital signs (before monitor noise) and the pump.
 *
 * @param bedId bed id
 * @param simulatedSeconds how far the bed has been simulated
 * @param weightKg patient weight
 * @param ageYears patient age
 * @param drug the bag's drug, {@code KETAMINE}, {@code MIDAZOLAM} or {@code SALINE} (the simulator's
 *     instrument only: a screen for staff must never show it, nor the concentrations)
 * @param plasmaUgPerMl plasma concentration
 * @param effectSiteUgPerMl effect-site concentration
 * @param heartRate mean heart rate, /min
 * @param systolic arterial systolic pressure, mmHg
 * @param diastolic arterial diastolic pressure, mmHg
 * @param spo2 oxygen saturation, %
 * @param respiratoryRate breaths per minute
 * @param sedation 0 awake to 1 (both drugs' effect-site sedation, docs/simulation.md)
 * @param pump what the pump reports
 * @param scenario the scenario started on the bed, or empty
 * @param pendingEvents events still to come
 * @param effectsInEffect whether a change, artefact or apnoea is still in effect (a scenario with no event to come is
 *        not finished while it holds, e.g., a raised pressure)
 * @param log what was applied, oldest first
 */
public record BedState(String bedId, double simulatedSeconds, double weightKg, double ageYears, String drug,
                       double plasmaUgPerMl, double effectSiteUgPerMl, double heartRate, double systolic,
                       double diastolic, double spo2, double respiratoryRate, double sedation, PumpStatus pump, String scenario,
                       int pendingEvents, boolean effectsInEffect, List<String> log) {

    public static BedState of(String bedId, double t, Physiology physiology, PumpStatus pump, String scenario, int pending,
                       boolean effectsInEffect, List<String> log) {
        PatientProfile profile = physiology.profile();
        BloodPressure bp = physiology.bloodPressure(t);
        return new BedState(bedId, t, profile.weightKg(), profile.ageYears(), physiology.drug().drug().name(),
                physiology.drug().plasma(t), physiology.drug().effectSite(t), physiology.heartRate(t), bp.systolic(),
                bp.diastolic(), physiology.spo2(t), physiology.respiratoryRate(t), physiology.sedation(t), pump, scenario,
                pending, effectsInEffect, log);
    }
}
