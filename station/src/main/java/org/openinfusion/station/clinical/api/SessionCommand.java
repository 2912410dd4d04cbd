package org.openinfusion.station.clinical.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.StartGates;

/**
 * What the dashboard asks of a bed's session, sent as a request to {@code Addresses.SESSION_COMMAND}. Every command
 * names the bed and (except ratings, which carry their rater) the user; the reply is a {@link CommandReply}, a
 * failure carries a message saying what was refused and why.
 */
public sealed interface SessionCommand {
    String bed();

    /** {@code ageYears}: the participant's age in whole years (never a birth date), or empty when not given. */
    record CreateSession(String user, String bed, String protocolId, String subjectCode, double weightKg, String kitId,
                         OptionalInt ageYears) implements SessionCommand {
        public CreateSession {
            requireText(user, "user");
            requireText(bed, "bed");
            requireText(protocolId, "protocol");
            Objects.requireNonNull(ageYears, "ageYears");
        }

        /** A session whose participant's age is not given (the pre-dose gate's general threshold applies). */
        public CreateSession(String user, String bed, String protocolId, String subjectCode, double weightKg, String kitId) {
            this(user, bed, protocolId, subjectCode, weightKg, kitId, OptionalInt.empty());
        }
    }

    /**
     * {@code reason} is needed to close a session early, to confirm the infusion start before the pretreatment lead or
     * over the pre-dose gate (no fresh pre-dose NIBP, BP above the gate), and for a physician to take "ready for
     * discharge" while criteria are unmet; null otherwise. {@code overrides}: the pre-dose gates the reason overrides when
     * confirming the infusion start; the station refuses unless they are exactly the gates unmet at that moment.
     * {@code returnKit}: closing a session before the infusion started, the user states the kit was never opened (no dose
     * prepared) and returns it to the pool with the close reason; otherwise an undosed session's kit is not reused.
     */
    record SessionStep(String user, String bed, Step step, String reason, Set<StartGates.Kind> overrides, boolean returnKit)
            implements SessionCommand {
        public SessionStep {
            requireText(user, "user");
            requireText(bed, "bed");
            Objects.requireNonNull(step, "step");
            overrides = overrides == null || overrides.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(overrides));
        }

        /** A step that returns no kit. */
        public SessionStep(String user, String bed, Step step, String reason, Set<StartGates.Kind> overrides) {
            this(user, bed, step, reason, overrides, false);
        }

        /** A step that overrides no pre-dose gate and returns no kit. */
        public SessionStep(String user, String bed, Step step, String reason) {
            this(user, bed, step, reason, Set.of(), false);
        }
    }

    record RecordRating(String bed, Rating rating) implements SessionCommand {
        public RecordRating {
            requireText(bed, "bed");
            Objects.requireNonNull(rating, "rating");
        }
    }

    record AcknowledgeAlarm(String user, String bed, String alarmId) implements SessionCommand {
        public AcknowledgeAlarm {
            requireText(user, "user");
            requireText(bed, "bed");
            requireText(alarmId, "alarm");
        }
    }

    /** Silences for {@code seconds}, capped by the station's maximum silence. */
    record SilenceAlarm(String user, String bed, String alarmId, int seconds) implements SessionCommand {
        public SilenceAlarm {
            requireText(user, "user");
            requireText(bed, "bed");
            requireText(alarmId, "alarm");
            if (seconds <= 0) {
                throw new IllegalArgumentException("silence for a positive number of seconds");
            }
        }
    }

    /** A one-tap clinical event or a free-text note ({@code note} required for {@link MarkerKind#NOTE}). */
    record AddMarker(String user, String bed, MarkerKind kind, String note) implements SessionCommand {
        public AddMarker {
            requireText(user, "user");
            requireText(bed, "bed");
            Objects.requireNonNull(kind, "kind");
            note = note == null ? "" : note.strip();
            if (kind == MarkerKind.NOTE && note.isEmpty()) {
                throw new IllegalArgumentException("a note needs some text");
            }
            if (note.length() > 500) {
                throw new IllegalArgumentException("a note is at most 500 characters");
            }
        }
    }

    /**
     * An adverse event entered by staff, or a station proposal confirmed by them (its {@code fromAlarm} set); recording
     * the same id again updates it (e.g. its end and outcome).
     */
    record RecordAdverseEvent(String user, String bed, AdverseEvent event) implements SessionCommand {
        public RecordAdverseEvent {
            requireText(user, "user");
            requireText(bed, "bed");
            Objects.requireNonNull(event, "adverse event");
        }
    }

    /** A rescue or concomitant medication given on a physician's order. */
    record RecordMedication(String user, String bed, Medication medication) implements SessionCommand {
        public RecordMedication {
            requireText(user, "user");
            requireText(bed, "bed");
            Objects.requireNonNull(medication, "medication");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
