package org.openinfusion.station.clinical.infusion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The volume the station shows for an infusion that stopped early, and where that figure comes from. Pure.
 * <p>
 * Two figures can exist: the pump's last report when the end was recorded (the {@code EARLY_STOP} deviation's), and,
 * when staff ended the infusion while the pump was still infusing, the pump's own count once it stopped
 * ({@link InfusionEvent.FinalVolume}). The pump's count after it stopped wins: it is what the pump's display shows and
 * what was given. Both are the pump's reports (never a volume the station computes from rate and time), rounded as the
 * pump and the bed view show them: to 0.1 mL, half up on the reported decimal value.
 */
public record StopVolume(double volumeMl, double plannedMl, Source source, Optional<Double> atEndMl) {

    /** Where the figure comes from. */
    public enum Source {
        /** The pump's volume infused in its last report when the end was recorded (the pump had stopped by then). */
        PUMP_AT_END,
        /** The pump's own volume infused once it stopped, after the end was recorded while it still infused. */
        PUMP_AFTER_STOP
    }

    /** The figure to show for an early stop: the pump's count after it stopped if there is one, else the end's. */
    public static StopVolume of(InfusionEvent.Deviation earlyStop, Optional<InfusionEvent.FinalVolume> afterStop) {
        if (earlyStop.kind() != InfusionEvent.DeviationKind.EARLY_STOP) {
            throw new IllegalArgumentException("not an early stop: " + earlyStop.kind());
        }
        return afterStop.map(f -> new StopVolume(f.volumeInfusedMl(), earlyStop.expected(), Source.PUMP_AFTER_STOP, Optional.of(f.atEndMl())))
                .orElse(new StopVolume(earlyStop.actual(), earlyStop.expected(), Source.PUMP_AT_END, Optional.empty()));
    }

    /** A volume as the pump and the bed view show it: 0.1 mL, half up on its decimal value (4.45 reads 4.5, 4.449 reads 4.4). */
    public static String ml(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The early stop's detail with its source: "stopped at 4.5 of 60.0 mL (pump's count after it stopped; 4.4 mL when
     * the end was recorded)", or "stopped at 4.4 of 60.0 mL (pump's count)".
     */
    public String detail() {
        return "stopped at " + ml(volumeMl) + " of " + ml(plannedMl) + " mL (" + switch (source) {
            case PUMP_AT_END -> "pump's count)";
            case PUMP_AFTER_STOP -> "pump's count after it stopped; " + ml(atEndMl.orElseThrow()) + " mL when the end was recorded)";
        };
    }
}
