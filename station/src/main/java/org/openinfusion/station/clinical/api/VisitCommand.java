package org.openinfusion.station.clinical.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openinfusion.station.clinical.history.TrailEvent.VitalReading;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.session.AdverseEvent;

/**
 * Study-visit requests on the bus (docs/visits.md): enrol a subject, start a rating visit (planned or unscheduled),
 * record its ratings, hand-entered vitals, notes and adverse events, complete it, or mark a planned visit missed. Each is
 * answered with a {@link VisitReply}; refusals fail the request with 400 and the reason. Study codes only, never names.
 */
public sealed interface VisitCommand {
    /** Enrol a subject in a protocol's visit schedule from its consent (screening) day. */
    record Enrol(String subject, String protocolId, LocalDate consentDay) implements VisitCommand {
        public Enrol {
            Objects.requireNonNull(consentDay, "consentDay");
        }
    }

    /** Start a planned rating visit of a period. */
    record StartVisit(String subject, String protocolId, String visitId, int period) implements VisitCommand {
    }

    /** Start an unscheduled rating visit, with the reason it is held. */
    record StartUnscheduled(String subject, String protocolId, int period, String reason) implements VisitCommand {
    }

    /** A rating taken at an open rating visit (its time point is the visit's id, or "unscheduled"). */
    record RecordRating(String visitSessionId, Rating rating) implements VisitCommand {
        public RecordRating {
            Objects.requireNonNull(rating, "rating");
        }
    }

    /** Vital signs entered by hand (or read from a monitor), each with when it was measured. */
    record RecordVitals(String visitSessionId, List<VitalReading> values) implements VisitCommand {
        public RecordVitals {
            values = List.copyOf(values);
        }
    }

    /**
     * Take the vital signs at an open rating visit from the monitor at {@code bedId}: the station records its own latest
     * values of that bed's devices that are recent enough, with source = the devices (docs/visits.md).
     */
    record TakeFromMonitor(String visitSessionId, String bedId) implements VisitCommand {
    }

    /** A note at an open rating visit. */
    record AddNote(String visitSessionId, String text) implements VisitCommand {
    }

    /**
     * An adverse event reported at a rating visit; as the {@code change} of an {@link Amend}, one added to the completed
     * visit (refused when its id is already recorded there: a change of it is {@link AmendAdverseEvent}).
     */
    record RecordAdverseEvent(String visitSessionId, AdverseEvent event) implements VisitCommand {
    }

    /**
     * A later version of an adverse event already recorded at a completed visit (same id), as the {@code change} of an
     * {@link Amend} (only there); refused when no adverse event of that id is recorded at the visit.
     */
    record AmendAdverseEvent(String visitSessionId, AdverseEvent event) implements VisitCommand {
    }

    /**
     * A correction of vital signs recorded at a completed visit, as the {@code change} of an {@link Amend} (only there):
     * {@code values} replace, stream by stream, those of the {@code visit.vitals_recorded} entry {@code originalSeq}; each
     * keeps the time it was measured. The original stays in the trail.
     */
    record CorrectVitals(String visitSessionId, long originalSeq, List<VitalReading> values) implements VisitCommand {
        public CorrectVitals {
            values = List.copyOf(values);
        }
    }

    /** Complete an open rating visit: every instrument of a planned visit must have been rated. */
    record Complete(String visitSessionId) implements VisitCommand {
    }

    /**
     * Amend a completed (and possibly signed) rating visit, physicians only (RECORD_AMEND, as an infusion session's record
     * in review): {@code change} is one new entry, appended, never overwriting: a correction of a rating in effect
     * ({@link RecordRating} with its correction), a note ({@link AddNote}), an adverse event, new or amended (same id:
     * {@link RecordAdverseEvent}) or a correction of vital signs ({@link CorrectVitals}).
     * Every earlier signature then reads "signed before amendment" and the visit needs a new one.
     */
    record Amend(String visitSessionId, String reason, VisitCommand change) implements VisitCommand {
    }

    /** Mark a planned visit missed, with the reason. */
    record MarkMissed(String subject, String protocolId, String visitId, int period, String reason) implements VisitCommand {
    }
}
