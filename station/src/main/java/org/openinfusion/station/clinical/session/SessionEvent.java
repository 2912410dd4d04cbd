package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.Objects;
import org.openinfusion.station.clinical.dose.SubjectMeasures;

/** Durable facts of a session, in the order they happened. Appended to the audit trail before they count. */
public sealed interface SessionEvent {
    Instant at();

    /** Who did it (a user id, or "pump" / "station" for automatic facts). */
    String actor();

    record Created(Instant at, String actor, String sessionId, String subjectCode, SubjectMeasures measures, String protocolId,
                   int protocolVersion, String kitId, String bedId) implements SessionEvent {
        public Created {
            Objects.requireNonNull(sessionId, "sessionId");
            SubjectCode.require(subjectCode);
            if (kitId == null || !kitId.matches("[A-Za-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("kit id must be 1-32 letters, digits or dashes");
            }
        }
    }

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
