package org.openinfusion.station.clinical.infusion;

import java.time.Duration;
import java.time.Instant;

/** What the infusion clock noticed in the pump's reports. */
public sealed interface InfusionEvent {
    Instant at();

    /** The pump actually started infusing: the infusion clock starts here. */
    record Started(Instant at, double rateMlPerHour) implements InfusionEvent {
    }

    record Paused(Instant at, double volumeInfusedMl, int pauseNumber) implements InfusionEvent {
    }

    record Resumed(Instant at, Duration pausedFor) implements InfusionEvent {
    }

    /** The planned volume was delivered, or the pump reported completion. */
    record Completed(Instant at, double volumeInfusedMl, Duration infusingTime, int pauses, Duration pausedTotal) implements InfusionEvent {
    }

    /**
     * The pump's own volume infused once it stopped, after staff had ended the infusion while it was still infusing:
     * the end recorded the pump's last report before that ({@code atEndMl}), the pump ran on until stopped. This is
     * the figure the pump shows and the one exposure is reconstructed from (clinical.md: planned vs actual volume).
     */
    record FinalVolume(Instant at, double volumeInfusedMl, double atEndMl) implements InfusionEvent {
    }

    /** A departure from the dose plan, with the figures that show it. */
    record Deviation(Instant at, DeviationKind kind, double actual, double expected, String detail) implements InfusionEvent {
    }

    enum DeviationKind {
        RATE_OFF_PLAN,
        VOLUME_BEHIND,
        VOLUME_AHEAD,
        OVER_INFUSION,
        EARLY_STOP
    }
}
