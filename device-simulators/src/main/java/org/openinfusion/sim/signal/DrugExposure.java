package org.openinfusion.sim.signal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The drugs the patient actually received: the pump's delivery rate (mL/h) times the hung bag's
 * concentration drives that drug's pharmacokinetic model, so a paused, stopped, occluded or
 * never-started pump gives no drug. A bag holds {@code mgPerKg} x the patient's weight in the
 * volume the pump was programmed to infuse (the pharmacist's fixed-final-volume preparation,
 * clinical.md "Dose math"); a new bag may be hung when the pump is programmed ({@link #hang}), and
 * each drug keeps its own model, so what was given before stays in the body. Concentrations in
 * ug/mL (= mg/L). Thread-safe.
 */
public final class DrugExposure {

    private record Hung(double from, Bag bag) {
    }

    private final double weightKg;
    private final Pump pump;
    private final List<Hung> bags = new ArrayList<>();
    private final Map<Drug, ThreeCompartmentModel> models = new EnumMap<>(Drug.class);

    public DrugExposure(Bag first, Pump pump, double weightKg) {
        this.weightKg = weightKg;
        this.pump = pump;
        bags.add(new Hung(Double.NEGATIVE_INFINITY, first));
        for (Drug drug : Drug.values()) {
            ThreeCompartmentModel model = drug.model(weightKg);
            if (model != null) {
                models.put(drug, model);
            }
        }
        pump.onCommand(this::pumpChangedAt);
    }

    public DrugExposure(Drug drug, double mgPerKg, Pump pump, double weightKg) {
        this(new Bag(drug, mgPerKg), pump, weightKg);
    }

    /** The bag on the pump at {@code t}. */
    public synchronized Bag bagAt(double t) {
        Bag found = bags.get(0).bag();
        for (Hung hung : bags) {
            if (hung.from() <= t) {
                found = hung.bag();
            }
        }
        return found;
    }

    /** The bag hung last. */
    public synchronized Bag bag() {
        return bags.get(bags.size() - 1).bag();
    }

    /** The drug of the bag hung last. */
    public Drug drug() {
        return bag().drug();
    }

    /** The dose in the bag hung last, mg (0 for saline). */
    public double bagMg() {
        return bag().mg(weightKg);
    }

    /** From {@code t} the pump infuses {@code bag} (the nurse hangs it when programming the pump). */
    public synchronized void hang(double t, Bag bag) {
        if (t < bags.get(bags.size() - 1).from()) {
            throw new IllegalArgumentException("a bag cannot be hung before the last one");
        }
        bags.add(new Hung(t, bag));
        pumpChangedAt(t);
    }

    /** Plasma concentration of the drug in the bag hung last, at {@code t} seconds, ug/mL. */
    public double plasma(double t) {
        return plasma(drug(), t);
    }

    /** Effect-site concentration of the drug in the bag hung last, at {@code t} seconds, ug/mL. */
    public double effectSite(double t) {
        return effectSite(drug(), t);
    }

    /** Plasma concentration of {@code drug} at {@code t} seconds, ug/mL (0 for saline). */
    public synchronized double plasma(Drug drug, double t) {
        ThreeCompartmentModel model = hung(drug) ? models.get(drug) : null;
        return model == null ? 0 : model.plasma(t, s -> mgPerMinute(drug, s));
    }

    /** Effect-site concentration of {@code drug} at {@code t} seconds, ug/mL (0 for saline). */
    public synchronized double effectSite(Drug drug, double t) {
        ThreeCompartmentModel model = hung(drug) ? models.get(drug) : null;
        return model == null ? 0 : model.effectSite(t, s -> mgPerMinute(drug, s));
    }

    /** The pump was commanded or a bag hung at {@code t}: what was computed past it is recomputed. */
    public synchronized void pumpChangedAt(double t) {
        models.values().forEach(m -> m.forgetFrom(t));
    }

    /** The terminal half-life of the disposition of the drug in the bag hung last, minutes (NaN for saline). */
    public double terminalHalfLifeMinutes() {
        return terminalHalfLifeMinutes(drug());
    }

    public synchronized double terminalHalfLifeMinutes(Drug drug) {
        ThreeCompartmentModel model = models.get(drug);
        return model == null ? Double.NaN : model.terminalHalfLifeMinutes();
    }

    /** Whether a bag of {@code drug} was ever hung (a drug never given costs no integration). */
    private boolean hung(Drug drug) {
        return bags.stream().anyMatch(h -> h.bag().drug() == drug);
    }

    private double mgPerMinute(Drug drug, double t) {
        Bag bag = bagAt(t);
        if (bag.drug() != drug) {
            return 0;
        }
        PumpStatus status = pump.statusAt(t);
        if (status.rateMlPerHour() <= 0 || status.programmedVtbiMl() <= 0) {
            return 0;
        }
        return status.rateMlPerHour() * bag.mg(weightKg) / status.programmedVtbiMl() / 60;
    }
}
