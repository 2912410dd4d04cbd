package org.openinfusion.sim.signal;

/**
 * One patient on one infusion, from a seed: the factory for every signal of the bed.
 * Each call returns a fresh generator starting at simulation time 0; generators built from the
 * same patient share the same beats and breaths, so they stay synchronised.
 */
public final class SimulatedPatient {

    private final long seed;
    private final InfusionPlan plan;
    private final Physiology physiology;

    public SimulatedPatient(long seed, InfusionPlan plan) {
        this.seed = seed;
        this.plan = plan;
        this.physiology = new Physiology(PatientProfile.fromSeed(seed), new KetamineEffect(plan));
    }

    public Physiology physiology() {
        return physiology;
    }

    public InfusionPlan plan() {
        return plan;
    }

    public EcgGenerator ecg() {
        return new EcgGenerator(physiology, seed);
    }

    public PlethGenerator pleth() {
        return new PlethGenerator(physiology, seed);
    }

    public CapnogramGenerator capnogram() {
        return new CapnogramGenerator(physiology, seed);
    }

    public VitalSignsMonitor vitalSigns() {
        return new VitalSignsMonitor(physiology, seed);
    }

    public NibpCuff nibp() {
        return new NibpCuff(physiology, seed);
    }

    public InfusionPump pump() {
        return new InfusionPump(plan);
    }
}
