package org.openinfusion.station.clinical.infusion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.infusion.InfusionEvent.DeviationKind;

/**
 * Follows the pump against the dose plan. The clock runs only while the pump infuses (a pause
 * stops it); each deviation is reported once when it begins. Pure: feed readings in time order.
 */
public final class InfusionClock {
    private final DosePlan plan;
    private final double rateTolerance;
    private final double volumeTolerance;
    private final Set<DeviationKind> active = EnumSet.noneOf(DeviationKind.class);
    private PumpReading last;
    private Instant started;
    private Instant pausedAt;
    private Duration infusing = Duration.ZERO;
    private Duration pausedTotal = Duration.ZERO;
    private int pauses;
    private boolean completed;
    /** Ended by staff while the pump was still infusing: its own count is taken when it reports it stopped. */
    private boolean followingToStop;
    private double volumeAtEnd;

    public InfusionClock(DosePlan plan) {
        this.plan = plan;
        this.rateTolerance = Math.max(0.5, 0.05 * plan.rateMlPerHour());
        this.volumeTolerance = Math.max(1.0, 0.05 * plan.volumeMl());
    }

    public List<InfusionEvent> accept(PumpReading r) {
        List<InfusionEvent> out = new ArrayList<>();
        if (last != null && r.time().isBefore(last.time())) {
            return out;
        }
        if (completed) {
            finalVolume(r, out);
            last = r;
            return out;
        }
        if (last != null && last.infusing() && started != null) {
            infusing = infusing.plus(Duration.between(last.time(), r.time()));
        }
        transitions(r, out);
        if (started != null && !completed && r.infusing()) {
            deviations(r, out);
        }
        last = r;
        return out;
    }

    private void transitions(PumpReading r, List<InfusionEvent> out) {
        if (started == null) {
            if (r.infusing()) {
                started = r.time();
                out.add(new InfusionEvent.Started(r.time(), r.rateMlPerHour()));
            }
            return;
        }
        if (r.state().equals("completed")) {
            complete(r, out);
        } else if (pausedAt == null && !r.infusing()) {
            pausedAt = r.time();
            pauses++;
            out.add(new InfusionEvent.Paused(r.time(), r.volumeInfusedMl(), pauses));
        } else if (pausedAt != null && r.infusing()) {
            Duration d = Duration.between(pausedAt, r.time());
            pausedTotal = pausedTotal.plus(d);
            pausedAt = null;
            out.add(new InfusionEvent.Resumed(r.time(), d));
        }
    }

    private void complete(PumpReading r, List<InfusionEvent> out) {
        if (pausedAt != null) {
            pausedTotal = pausedTotal.plus(Duration.between(pausedAt, r.time()));
            pausedAt = null;
        }
        completed = true;
        if (r.volumeInfusedMl() > plan.volumeMl() + volumeTolerance && active.add(DeviationKind.OVER_INFUSION)) {
            out.add(new InfusionEvent.Deviation(r.time(), DeviationKind.OVER_INFUSION, r.volumeInfusedMl(), plan.volumeMl(),
                    String.format("infused %.1f mL, more than the planned %.1f mL", r.volumeInfusedMl(), plan.volumeMl())));
        }
        if (r.volumeInfusedMl() < plan.volumeMl() - volumeTolerance) {
            out.add(new InfusionEvent.Deviation(r.time(), DeviationKind.EARLY_STOP, r.volumeInfusedMl(), plan.volumeMl(),
                    String.format("stopped at %.1f of %.1f mL", r.volumeInfusedMl(), plan.volumeMl())));
        }
        out.add(new InfusionEvent.Completed(r.time(), r.volumeInfusedMl(), infusing, pauses, pausedTotal));
    }

    /**
     * After an end by staff while the pump was infusing: the first report that the pump no longer infuses gives its own
     * final count ({@link InfusionEvent.FinalVolume}), when it differs from the figure recorded at the end. A count below
     * that figure (the pump programmed anew, its counter back to 0) is not this infusion's: nothing is taken.
     */
    private void finalVolume(PumpReading r, List<InfusionEvent> out) {
        if (!followingToStop || r.infusing()) {
            return;
        }
        followingToStop = false;
        if (r.volumeInfusedMl() > volumeAtEnd) {
            out.add(new InfusionEvent.FinalVolume(r.time(), r.volumeInfusedMl(), volumeAtEnd));
        }
    }

    /**
     * The session closes at {@code at}: when the pump's last report said it was infusing (never stopped, or ended by staff
     * and not yet stopped at the pump), the infusion's state at the close as that report gave it; else nothing.
     */
    public List<InfusionEvent> closing(Instant at) {
        if (last == null || !last.infusing()) {
            return List.of();
        }
        return List.of(new InfusionEvent.RunningAtClose(at, last.rateMlPerHour(), last.volumeInfusedMl(), last.time()));
    }

    /** Ends the infusion at the nurse's word (e.g. the pump is not connected). */
    public List<InfusionEvent> endNow(Instant at) {
        List<InfusionEvent> out = new ArrayList<>();
        if (started != null && !completed) {
            followingToStop = last != null && last.infusing();
            volumeAtEnd = last == null ? 0 : last.volumeInfusedMl();
            complete(new PumpReading(at, "stopped", 0, last == null ? 0 : last.volumeInfusedMl()), out);
        }
        return out;
    }

    private void deviations(PumpReading r, List<InfusionEvent> out) {
        double expected = plan.expectedVolumeMl(infusing);
        flag(out, DeviationKind.RATE_OFF_PLAN, Math.abs(r.rateMlPerHour() - plan.rateMlPerHour()) > rateTolerance, r,
                r.rateMlPerHour(), plan.rateMlPerHour(), "rate %.1f mL/h, plan %.1f mL/h");
        flag(out, DeviationKind.VOLUME_BEHIND, r.volumeInfusedMl() < expected - volumeTolerance, r,
                r.volumeInfusedMl(), expected, "infused %.1f mL, expected %.1f mL by now");
        flag(out, DeviationKind.VOLUME_AHEAD, r.volumeInfusedMl() > expected + volumeTolerance, r,
                r.volumeInfusedMl(), expected, "infused %.1f mL, expected %.1f mL by now");
        flag(out, DeviationKind.OVER_INFUSION, r.volumeInfusedMl() > plan.volumeMl() + volumeTolerance, r,
                r.volumeInfusedMl(), plan.volumeMl(), "infused %.1f mL, more than the planned %.1f mL");
    }

    private void flag(List<InfusionEvent> out, DeviationKind kind, boolean now, PumpReading r, double actual, double expected,
                      String format) {
        if (now && active.add(kind)) {
            out.add(new InfusionEvent.Deviation(r.time(), kind, actual, expected, String.format(format, actual, expected)));
        } else if (!now) {
            active.remove(kind);
        }
    }

    /** Time spent infusing so far (pauses excluded), as of the last reading. */
    public Duration infusingTime() {
        return infusing;
    }

    public int pauses() {
        return pauses;
    }

    public Duration pausedTotal() {
        return pausedTotal;
    }

    public boolean started() {
        return started != null;
    }

    public boolean completed() {
        return completed;
    }

    public DosePlan plan() {
        return plan;
    }
}
