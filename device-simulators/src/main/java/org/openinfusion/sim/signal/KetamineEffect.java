package org.openinfusion.sim.signal;

/**
 * Relative ketamine effect, 0 (none) to 1 (peak), over simulation time in seconds.
 *
 * <p>It rises while the drug runs in (concave, like a plasma level under a constant infusion),
 * peaks at the end of the infusion and then fades with a 20-minute time constant, so that
 * it is largely gone by ~80 minutes (clinical.md: BP peaks at ~40 min).
 */
public final class KetamineEffect {

    private static final double RISE_SHAPE = 1.5;
    private static final double FADE_SECONDS = 20 * 60;

    private final InfusionPlan plan;

    public KetamineEffect(InfusionPlan plan) {
        this.plan = plan;
    }

    public double at(double seconds) {
        double sinceStart = seconds - plan.startSeconds();
        double duration = plan.durationSeconds();
        if (sinceStart <= 0) {
            return 0;
        }
        if (sinceStart < duration) {
            return (1 - Math.exp(-RISE_SHAPE * sinceStart / duration)) / (1 - Math.exp(-RISE_SHAPE));
        }
        return Math.exp(-(sinceStart - duration) / FADE_SECONDS);
    }
}
