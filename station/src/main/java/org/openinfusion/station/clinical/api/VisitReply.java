package org.openinfusion.station.clinical.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.visit.ClinicList;
import org.openinfusion.station.clinical.visit.SubjectTimeline;

/** Answers about study visits. */
public sealed interface VisitReply {
    /**
     * A command's answer: the subject's timeline as it is now, the rating visit acted on (null for enrolment and a
     * missed visit) and the station's score when a rating was recorded.
     */
    record Done(SubjectTimeline timeline, String visitSessionId, Optional<Score> score) implements VisitReply {
    }

    /** Who is due for which visit and instruments on a study day, with each visit's window status. */
    record ClinicDayList(LocalDate day, List<ClinicList.Row> rows) implements VisitReply {
        public ClinicDayList {
            rows = List.copyOf(rows);
        }
    }

    /** One subject's timeline. */
    record Timeline(SubjectTimeline timeline) implements VisitReply {
    }

    /**
     * A study day for the clinic list: the day (the station's today when none was asked), every enrolled subject's
     * timeline on it, the protocols a subject can be enrolled in (those with a visit schedule), and the subjects seen at a
     * bed that day under such a protocol who are not enrolled in it (one session each: the day's first), and the sign-off
     * of every rating visit (by its visit session id; review's list shows it).
     */
    record DaySheet(LocalDate day, List<SubjectTimeline> timelines, List<ProtocolChoices.Choice> enrolable,
                    List<StudyVisits.Unenrolled> notEnrolled, Map<String, StudyVisits.SignatureStatus> signatures) implements VisitReply {
        public DaySheet {
            timelines = List.copyOf(timelines);
            enrolable = List.copyOf(enrolable);
            notEnrolled = List.copyOf(notEnrolled);
            signatures = Map.copyOf(signatures);
        }

        /** A rating visit's sign-off ({@code NOT_SIGNED} for one the sheet does not know). */
        public StudyVisits.SignatureStatus signature(String visitSessionId) {
            return signatures.getOrDefault(visitSessionId, StudyVisits.SignatureStatus.NOT_SIGNED);
        }
    }

    /**
     * A rating visit as recorded so far (its entries, whether completed) and its subject's timeline as it stands today.
     *
     * @param instruments the forms the visit rates: a planned visit's instruments; at an unscheduled visit those of the
     *                    protocol's visit schedule, then those its infusion day rates (e.g. CADSS, VAS)
     */
    record Visit(SubjectTimeline timeline, StudyVisits.VisitSession visit, List<String> instruments) implements VisitReply {
        public Visit {
            instruments = List.copyOf(instruments);
        }
    }

    /** The monitors streaming to the station (beds in order), for "Take from monitor"; empty when none streams. */
    record Monitors(List<Monitor> monitors) implements VisitReply {
        public Monitors {
            monitors = List.copyOf(monitors);
        }
    }

    /**
     * One bed's monitor: its latest values, and why its values cannot be taken now (null when they can: at least one is
     * recent enough and no infusion session is in progress at the bed).
     */
    record Monitor(String bedId, List<MonitorValue> values, String unavailable) {
        public Monitor {
            values = List.copyOf(values);
        }
    }

    /**
     * A monitor's latest value of a vital sign: its device, when it was measured on the station's clock (the earlier of
     * its receipt and its device time corrected by the device's clock offset: MonitorReadings), its age and the age the
     * protocol's alarm limits allow ({@code maxAgeSeconds} -1: the protocol has no limit on it, it is not taken).
     */
    record MonitorValue(String stream, double value, String deviceId, Instant measuredAt, long ageSeconds, long maxAgeSeconds) {
        public boolean current() {
            return maxAgeSeconds >= 0 && ageSeconds <= maxAgeSeconds;
        }
    }
}
