package org.openinfusion.sim.signal;

/** A volumetric pump running one {@link InfusionPlan} at a constant rate. */
public final class InfusionPump {

    private final InfusionPlan plan;

    public InfusionPump(InfusionPlan plan) {
        this.plan = plan;
    }

    public PumpStatus statusAt(double t) {
        double fraction = (t - plan.startSeconds()) / plan.durationSeconds();
        if (fraction < 0) {
            return status(0, 0, PumpState.STANDBY);
        }
        if (fraction >= 1) {
            return status(0, plan.volumeMl(), PumpState.COMPLETED);
        }
        return status(plan.rateMlPerHour(), plan.volumeMl() * fraction, PumpState.INFUSING);
    }

    private PumpStatus status(double rate, double infused, PumpState state) {
        return new PumpStatus(rate, infused, plan.volumeMl() - infused, state, PumpAlarm.NONE);
    }
}
