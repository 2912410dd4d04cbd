package org.openinfusion.station.clinical.kit;

import java.util.Objects;
import java.util.Optional;

/**
 * One session's use of a kit, and the rule for giving it back. A kit is in use once a session names it. A dosed session
 * uses it up. A session closed before the infusion started (an undosed close) does not give it back by itself: the
 * station has no record of the dose preparation (the pharmacy prepares kits outside it), so a kit whose dose may have
 * been prepared is never reused. Staff may return the kit of an undosed session only by stating, with a reason, that it
 * was never opened (no dose prepared); the return is written to the trail. Pure.
 */
public record KitUse(String subject, String kitId, boolean dosed, boolean closed, boolean returned) {
    public KitUse {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kitId, "kitId");
        if (returned && dosed) {
            throw new IllegalArgumentException("kit " + kitId + " was used in a dosed session and cannot be returned");
        }
    }

    /** A kit just named by a new session. */
    public static KitUse named(String subject, String kitId) {
        return new KitUse(subject, kitId, false, false, false);
    }

    /** Whether the kit is unavailable to a new session: in use by an open session, dosed, or closed without a return. */
    public boolean holdsKit() {
        return !returned;
    }

    public KitUse dose() {
        return new KitUse(subject, kitId, true, closed, returned);
    }

    public KitUse close() {
        return new KitUse(subject, kitId, dosed, true, returned);
    }

    /**
     * The kit given back as never opened, when the session closes before the infusion started.
     * @throws IllegalStateException when the session was dosed (the pump started or the start was confirmed), when it was
     *                               already returned, or without a reason
     */
    public KitUse returnUnopened(Optional<String> reason) {
        if (dosed) {
            throw new IllegalStateException("kit " + kitId + " was used in a dosed session: it cannot be returned");
        }
        if (returned) {
            throw new IllegalStateException("kit " + kitId + " was already returned");
        }
        if (reason.map(String::isBlank).orElse(true)) {
            throw new IllegalStateException("returning kit " + kitId + " needs a reason (and that it was never opened)");
        }
        return new KitUse(subject, kitId, false, closed, true);
    }
}
