package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import org.openinfusion.station.clinical.dose.SubjectMeasures;

/** Durable facts of a session, in the order they happened. Appended to the audit trail before they count. */
public sealed interface SessionEvent {
    Instant at();

    /** Who did it (a user id, or "pump" / "station" for automatic facts). */
    String actor();

    /**
     * {@code ageYears}: the participant's age in whole years at the session (never a birth date), when staff gave it; the
     * pre-dose gate's older-age threshold applies only to a known age.
     */
    record Created(Instant at, String actor, String sessionId, String subjectCode, SubjectMeasures measures, String protocolId,
                   int protocolVersion, String kitId, String bedId, OptionalInt ageYears) implements SessionEvent {
        public Created {
            Objects.requireNonNull(sessionId, "sessionId");
            SubjectCode.require(subjectCode);
            if (kitId == null || !kitId.matches("[A-Za-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("kit id must be 1-32 letters, digits or dashes");
            }
            Objects.requireNonNull(ageYears, "ageYears");
            ageYears.ifPresent(SessionEvent::requireAge);
        }

        /** A session whose participant's age was not given. */
        public Created(Instant at, String actor, String sessionId, String subjectCode, SubjectMeasures measures, String protocolId,
                       int protocolVersion, String kitId, String bedId) {
            this(at, actor, sessionId, subjectCode, measures, protocolId, protocolVersion, kitId, bedId, OptionalInt.empty());
        }
    }

    /** Refuses an age that is not a plausible age in whole years. */
    static void requireAge(int years) {
        if (years < MIN_AGE_YEARS || years > MAX_AGE_YEARS) {
            throw new IllegalArgumentException("age must be " + MIN_AGE_YEARS + " - " + MAX_AGE_YEARS + " years, got " + years);
        }
    }

    int MIN_AGE_YEARS = 1;
    int MAX_AGE_YEARS = 120;

    record BaselineStarted(Instant at, String actor) implements SessionEvent {
    }

    record PretreatmentGiven(Instant at, String actor) implements SessionEvent {
    }

    /** {@code source} is "pump" when the pump's start was taken, "nurse" when confirmed by hand. */
    record InfusionStarted(Instant at, String actor, String source) implements SessionEvent {
    }

    record InfusionPaused(Instant at, String actor) implements SessionEvent {
    }

    record InfusionResumed(Instant at, String actor) implements SessionEvent {
    }

    record InfusionCompleted(Instant at, String actor, double volumeInfusedMl) implements SessionEvent {
    }

    record ObservationStarted(Instant at, String actor) implements SessionEvent {
    }

    record ReadyForDischarge(Instant at, String actor) implements SessionEvent {
    }

    record Closed(Instant at, String actor, String reason) implements SessionEvent {
    }
}
