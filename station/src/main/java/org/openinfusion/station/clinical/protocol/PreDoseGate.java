package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Blood pressure before dosing that asks for a recheck, or a confirmation with a reason, before the infusion start can
 * be confirmed: systolic above {@code systolicAbove} (above {@code olderSystolicAbove} from {@code olderFromAgeYears}
 * when the protocol gives an older-age threshold) or diastolic above {@code diastolicAbove}; and a pre-dose NIBP older
 * than {@code nibpMaxAge} is not fresh enough to dose on.
 */
public record PreDoseGate(int systolicAbove, int diastolicAbove, OptionalInt olderFromAgeYears, OptionalInt olderSystolicAbove,
                          Duration nibpMaxAge, String source) {
    public PreDoseGate {
        Objects.requireNonNull(nibpMaxAge, "nibpMaxAge");
        Objects.requireNonNull(source, "source");
        if (olderFromAgeYears.isPresent() != olderSystolicAbove.isPresent()) {
            throw new IllegalArgumentException("give both olderFromAgeYears and olderSystolicAbove, or neither");
        }
        if (systolicAbove <= diastolicAbove) {
            throw new IllegalArgumentException("the systolic threshold must be above the diastolic one");
        }
    }

    /** The systolic threshold for a participant of this age (unknown age: the general, stricter-or-equal one). */
    public int systolicAboveFor(OptionalInt ageYears) {
        return ageYears.isPresent() && olderFromAgeYears.isPresent() && ageYears.getAsInt() > olderFromAgeYears.getAsInt()
                ? olderSystolicAbove.getAsInt() : systolicAbove;
    }
}
