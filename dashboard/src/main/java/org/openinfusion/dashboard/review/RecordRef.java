package org.openinfusion.dashboard.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.SessionListing;

/**
 * A record's short address, as staff read it: the subject's study code and the day the session began in the site's
 * zone, e.g. {@code review/KET-101-2026-12-05}; a second session of that subject on that day ends "-2". It resolves
 * to one session among the subject's sessions of that day (in the order they began). A session's internal id is still
 * an address ({@code review/<id>}, links made before). Never a patient name (the station knows the study code only),
 * never an arm. Pure.
 */
final class RecordRef {
    private static final Pattern REF = Pattern.compile("(.+)-(\\d{4}-\\d{2}-\\d{2})(?:-(\\d{1,3}))?");

    /** A short address taken apart: whose, which day, and which of that day's sessions (1 for the first). */
    record Parsed(String subject, LocalDate day, int ordinal) {
        /** The subject's sessions of that day (the station's subject filter matches a part of the code: checked again here). */
        ReviewFilter filter() {
            return new ReviewFilter(null, day, day, subject, null, false, Text.zone());
        }
    }

    private RecordRef() {
    }

    /** The short address of {@code l}; {@code sameDay}: the sessions listed for its subject on its day (it among them). */
    static String of(SessionListing l, List<SessionListing> sameDay) {
        LocalDate day = day(l);
        List<SessionListing> mine = ofDay(sameDay, l.subjectCode(), day);
        int ordinal = mine.stream().map(SessionListing::sessionId).toList().indexOf(l.sessionId()) + 1;
        return l.subjectCode() + "-" + day + (ordinal > 1 ? "-" + ordinal : "");
    }

    /** A short address taken apart; empty for anything else (a session id). */
    static Optional<Parsed> parse(String ref) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(m.group(1), LocalDate.parse(m.group(2)), m.group(3) == null ? 1 : Integer.parseInt(m.group(3))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The session a short address names among the sessions listed for it; empty when there is none. */
    static Optional<String> resolve(Parsed p, List<SessionListing> listed) {
        List<SessionListing> mine = ofDay(listed, p.subject(), p.day());
        return p.ordinal() >= 1 && p.ordinal() <= mine.size() ? Optional.of(mine.get(p.ordinal() - 1).sessionId()) : Optional.empty();
    }

    /** The filter that lists {@code l}'s subject's sessions of its day. */
    static ReviewFilter sameDay(SessionListing l) {
        return new Parsed(l.subjectCode(), day(l), 1).filter();
    }

    private static LocalDate day(SessionListing l) {
        return l.createdAt().atZone(Text.zone()).toLocalDate();
    }

    private static List<SessionListing> ofDay(List<SessionListing> listed, String subject, LocalDate day) {
        return listed.stream().filter(s -> s.subjectCode().equals(subject) && day(s).equals(day))
                .sorted(Comparator.comparing(SessionListing::createdAt).thenComparing(SessionListing::sessionId)).toList();
    }
}
