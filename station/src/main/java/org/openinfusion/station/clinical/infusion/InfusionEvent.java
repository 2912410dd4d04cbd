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

    /**
     * The session was closed while the pump's last report said it was infusing. The station never commands the pump and
     * stops following it at the close, so the pump's stop is never recorded: this records the infusion's state at the
     * close as its source reported it, the pump's last report ({@code reportedAt}, on the station's clock), with its
     * rate and volume infused. Exposure is reconstructed knowing that the pump ran on from there.
     */
    record RunningAtClose(Instant at, double rateMlPerHour, double volumeInfusedMl, Instant reportedAt) implements InfusionEvent {
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
