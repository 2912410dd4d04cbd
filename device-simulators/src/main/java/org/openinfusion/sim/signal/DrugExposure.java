package org.openinfusion.sim.signal;

import java.util.Locale;

/**
 * The drug the patient actually received: the pump's delivery rate (mL/h) times the bag's
 * concentration drives the drug's pharmacokinetic model, so a paused, stopped, occluded or
 * never-started pump gives no drug. The bag holds {@code mgPerKg} x the patient's weight in the
 * volume the pump was programmed to infuse (the pharmacist's fixed-final-volume preparation,
 * clinical.md "Dose math"). Concentrations in ug/mL (= mg/L).
 */
public final class DrugExposure {

    private final Drug drug;
    private final double mgPerKg;
    private final double weightKg;
    private final Pump pump;
    private final ThreeCompartmentModel model;

    public DrugExposure(Drug drug, double mgPerKg, Pump pump, double weightKg) {
        if (!(mgPerKg >= 0 && mgPerKg <= 5)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dose must be 0-5 mg/kg: %s", mgPerKg));
        }
        this.drug = drug;
        this.mgPerKg = mgPerKg;
        this.weightKg = weightKg;
        this.pump = pump;
        this.model = drug.model(weightKg);
        pump.onCommand(this::pumpChangedAt);
    }

    public Drug drug() {
        return drug;
    }

    /** The dose in the bag, mg (0 for saline). */
    public double bagMg() {
        return drug == Drug.SALINE ? 0 : mgPerKg * weightKg;
    }

    /** Plasma concentration at {@code t} seconds, ug/mL. */
    public synchronized double plasma(double t) {
        return model == null ? 0 : model.plasma(t, this::mgPerMinute);
    }

    /** Effect-site concentration at {@code t} seconds, ug/mL. */
    public synchronized double effectSite(double t) {
        return model == null ? 0 : model.effectSite(t, this::mgPerMinute);
    }

    /** The pump was commanded at {@code t}: what was computed past it is recomputed. */
    public synchronized void pumpChangedAt(double t) {
        if (model != null) {
            model.forgetFrom(t);
        }
    }

    /** The terminal half-life of the drug's disposition, minutes (NaN for saline). */
    public double terminalHalfLifeMinutes() {
        return model == null ? Double.NaN : model.terminalHalfLifeMinutes();
    }

    private double mgPerMinute(double t) {
        PumpStatus status = pump.statusAt(t);
        if (status.rateMlPerHour() <= 0 || status.programmedVtbiMl() <= 0) {
            return 0;
        }
        return status.rateMlPerHour() * bagMg() / status.programmedVtbiMl() / 60;
    }
}
