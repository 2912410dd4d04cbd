package org.openinfusion.station.clinical.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.Pretreatment;

/**
 * The lead time between the pretreatment (e.g. the naltrexone or placebo capsule) and the infusion start (Williams 2018:
 * 45 min, timed so that naltrexone peaks at the infusion start): a timer, the moment the lead is reached, and a refusal
 * to confirm the infusion start earlier unless a reason is given. Pure.
 */
public record PretreatmentLead(Pretreatment pretreatment, Instant givenAt) {
    /** The capsule timer at {@code now}. */
    public record Timer(Duration elapsed, Duration remaining, boolean reached, String prompt) {
    }

    public Instant reachedAt() {
        return givenAt.plus(pretreatment.beforeInfusion());
    }

    public Timer timer(Instant now) {
        Duration elapsed = Duration.between(givenAt, now);
        Duration remaining = Duration.between(now, reachedAt());
        boolean reached = !now.isBefore(reachedAt());
        String lead = pretreatment.beforeInfusion().toMinutes() + " min";
        return new Timer(elapsed, reached ? Duration.ZERO : remaining, reached, reached
                ? lead + " since " + pretreatment.label() + ": rate the baseline, then start the infusion"
                : pretreatment.label() + " given " + (elapsed.toMinutes() < 1 ? "just now" : elapsed.toMinutes() + " min ago")
                + "; the infusion starts after " + lead
                + " (" + minutesUp(remaining) + " min to go)");
    }

    /** @throws IllegalStateException when the lead time is not reached and no reason is given */
    public void requireLeadOrReason(Instant now, Optional<String> reason) {
        Timer t = timer(now);
        if (!t.reached() && reason.map(String::isBlank).orElse(true)) {
            throw new IllegalStateException("the infusion starts " + pretreatment.beforeInfusion().toMinutes() + " min after "
                    + pretreatment.label() + " (" + minutesUp(t.remaining()) + " min to go): give a reason to start early");
        }
    }

    private static long minutesUp(Duration d) {
        return (d.toSeconds() + 59) / 60;
    }
}
