package org.openinfusion.station.clinical.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * The name staff read in an export's file name instead of a session's internal id: the subject's study code, the day
 * the session or visit began in the site's zone (the day the review pages' record address names; the times inside
 * the exports stay UTC) and the visit ("infusion" for an infusion session, the
 * visit's id for a rating visit, "-period2" in a crossover's second period), e.g. {@code KET-101-2026-12-05-infusion};
 * a second one of the same subject, day and visit ends "-2". Never a patient name (the trail holds the study code
 * only) and never an arm. Pure.
 */
final class ExportNames {
    private record Start(String subject, LocalDate day, String visit) {
    }

    private ExportNames() {
    }

    /** The session's or visit's name, its day in {@code zone}; its id when the trail does not hold its start. */
    static String of(AuditHistory history, ZoneId zone, String sessionId) {
        Map<String, Start> starts = new LinkedHashMap<>();
        for (Recorded r : history.entries()) {
            if (r.session() == null || starts.containsKey(r.session().value())) {
                continue;
            }
            if (r.event() instanceof TrailEvent.SessionStepped s && s.step() instanceof SessionEvent.Created c) {
                starts.put(r.session().value(), new Start(c.subjectCode(), LocalDate.ofInstant(c.at(), zone), "infusion"));
            } else if (r.event() instanceof TrailEvent.VisitStarted v) {
                starts.put(r.session().value(), new Start(v.subject(), LocalDate.ofInstant(v.at(), zone), (v.visitId() == null ? "unscheduled" : v.visitId())
                        + (v.period() > 1 ? "-period" + v.period() : "")));
            }
        }
        Start mine = starts.get(sessionId);
        if (mine == null) {
            return sessionId;
        }
        int ordinal = 1;
        for (Map.Entry<String, Start> e : starts.entrySet()) {
            if (e.getKey().equals(sessionId)) {
                break;
            }
            Start other = e.getValue();
            if (other.subject().equals(mine.subject()) && other.day().equals(mine.day()) && other.visit().equals(mine.visit())) {
                ordinal++;
            }
        }
        return safe(mine.subject()) + "-" + mine.day() + "-" + safe(mine.visit()) + (ordinal > 1 ? "-" + ordinal : "");
    }

    /** Only letters, digits, dot, dash and underscore in a file name. */
    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
