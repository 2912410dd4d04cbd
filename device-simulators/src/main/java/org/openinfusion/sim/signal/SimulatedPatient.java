package org.openinfusion.sim.signal;

/**
 * One patient at one bed, from a seed: the factory for every signal of the bed. The patient
 * receives what the bed's {@link Pump} delivers ({@link DrugExposure}) and whatever its
 * {@link Conditions} say. Each signal call returns a fresh generator starting at simulation time
 * 0; generators built from the same patient share the same beats and breaths, so they stay
 * synchronised.
 */
public final class SimulatedPatient {

    /** The protocol's dose (clinical.md): 0.5 mg/kg. */
    public static final double DEFAULT_MG_PER_KG = 0.5;

    private final long seed;
    private final Pump pump;
    private final Physiology physiology;

    /** A patient on ketamine 0.5 mg/kg, whose pump is {@code pump}. */
    public SimulatedPatient(long seed, Pump pump) {
        this(seed, pump, Drug.KETAMINE, DEFAULT_MG_PER_KG);
    }

    /** The patient whose simulated nurse runs {@code plan} on the pump (ketamine 0.5 mg/kg). */
    public SimulatedPatient(long seed, InfusionPlan plan) {
        this(seed, Pump.running(plan));
    }

    public SimulatedPatient(long seed, Pump pump, Drug drug, double mgPerKg) {
        this(seed, pump, new Bag(drug, mgPerKg));
    }

    /** A patient whose pump infuses {@code bag} until another is hung. */
    public SimulatedPatient(long seed, Pump pump, Bag bag) {
        this.seed = seed;
        this.pump = pump;
        PatientProfile profile = PatientProfile.fromSeed(seed);
        this.physiology = new Physiology(profile, new DrugExposure(bag, pump, profile.weightKg()), new Conditions());
    }

    /** From {@code t} the pump infuses {@code bag} (the nurse hung the bag the pharmacy prepared). */
    public void hang(double t, Bag bag) {
        physiology.drug().hang(t, bag);
    }

    public Physiology physiology() {
        return physiology;
    }

    public Pump pump() {
        return pump;
    }

    public Conditions conditions() {
        return physiology.conditions();
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
}
