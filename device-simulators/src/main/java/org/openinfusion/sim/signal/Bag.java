package org.openinfusion.sim.signal;

import java.util.Locale;
import java.util.Objects;

/**
 * What the pharmacy put in the bag the nurse hangs on the pump: a drug at {@code mgPerKg} of the
 * patient's weight, diluted in the volume the pump is programmed to infuse (fixed final volume,
 * clinical.md "Dose math"). Blinded: it never leaves the simulator ({@link #toString} and
 * {@link BedEvent#describe} do not name it), so a simulated bed can follow a session's sealed arm.
 */
public record Bag(Drug drug, double mgPerKg) {

    public Bag {
        Objects.requireNonNull(drug, "drug");
        if (!(mgPerKg >= 0 && mgPerKg <= 5)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dose must be 0-5 mg/kg: %s", mgPerKg));
        }
    }

    /** The protocol's ketamine bag (clinical.md): 0.5 mg/kg. */
    public static Bag ketamine() {
        return new Bag(Drug.KETAMINE, SimulatedPatient.DEFAULT_MG_PER_KG);
    }

    /** The saline placebo: no drug. */
    public static Bag saline() {
        return new Bag(Drug.SALINE, 0);
    }

    /** The dose in the bag for a patient of {@code weightKg}, mg (0 for saline). */
    public double mg(double weightKg) {
        return drug == Drug.SALINE ? 0 : mgPerKg * weightKg;
    }

    /** Never names the drug: a bag cannot leak through a log line. */
    @Override
    public String toString() {
        return "Bag[sealed]";
    }
}
