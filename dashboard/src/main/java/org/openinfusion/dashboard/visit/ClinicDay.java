package org.openinfusion.dashboard.visit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.WindowStatus;

/**
 * The clinic list of one study day, worked out from every subject's timeline on that day (pure): who is due for which
 * visit and instruments, with the window status staff act on. A visit is on the list when it is due, overdue or in
 * progress, when its window opens within {@link #LOOKAHEAD_DAYS} days, when it was done or held unscheduled that day, or
 * when it was marked missed and its window covers the day.
 */
public final class ClinicDay {
    /** How far ahead "due in N days" looks. */
    public static final int LOOKAHEAD_DAYS = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** Where a visit stands for staff on the day; the order is the list's order. */
    public enum Standing {
        OVERDUE, DUE, IN_PROGRESS, DUE_IN, DONE, DONE_OUT_OF_WINDOW, UNSCHEDULED, MISSED
    }

    /**
     * One visit on the list.
     *
     * @param visitId the schedule's visit id (null for an unscheduled visit)
     * @param visitSessionId the rating visit's (or infusion session's) id once held or started
     * @param days for {@code DUE_IN} the days until the window opens, for {@code OVERDUE} the days since it closed
     * @param missable whether it can be marked missed on the day: its window has closed or closes that day
     */
    public record Row(String subject, String protocolId, String visit, String visitId, int period, VisitKind kind, String visitSessionId,
                      Standing standing, int days, String window, List<String> instruments, String reason, boolean missable) {
        public Row {
            instruments = List.copyOf(instruments);
        }

        /** The status in staff words: "Due", "Due in 2 days", "Overdue 1 day (out of window)", "Missed: reason"... */
        public String status() {
            return words(standing, days, reason);
        }

        /** A rating visit staff can start today (an infusion day is held at a bed). */
        public boolean canStart() {
            return kind == VisitKind.RATING && (standing == Standing.DUE || standing == Standing.OVERDUE);
        }

        /** A rating visit started (in progress, or unscheduled) or done today: its page can be opened. */
        public boolean canOpen() {
            return kind == VisitKind.RATING && visitSessionId != null;
        }

        /** A planned visit not held can be marked missed, with a reason, once its window closes (on its last day or after). */
        public boolean canMarkMissed() {
            return missable;
        }

        /** The instruments in staff words. */
        public String instrumentNames() {
            return String.join(", ", instruments.stream().map(Text::form).toList());
        }
    }

    private ClinicDay() {
    }

    private static String words(Standing standing, int days, String reason) {
        return switch (standing) {
            case DUE_IN -> Text.get("clinic.status.DUE_IN", days);
            case OVERDUE -> Text.get("clinic.status.OVERDUE", days);
            case MISSED, UNSCHEDULED -> Text.get("clinic.status." + standing.name(), reason);
            default -> Text.get("clinic.status." + standing.name());
        };
    }

    /**
     * A visit's status on {@code day} in the clinic list's words, for any visit of the timeline (the subject page uses
     * it too: one status model, the same words): a visit whose window opens later is "Due in N days" however far
     * ahead, one held on another day keeps its "Done", a missed one its reason, one not yet anchored "Not yet scheduled".
     */
    public static String status(LocalDate day, SubjectTimeline.Line l) {
        return switch (l.status()) {
            case DUE -> words(Standing.DUE, 0, null);
            case OVERDUE -> words(Standing.OVERDUE, (int) ChronoUnit.DAYS.between(l.windowEnd().orElseThrow(), day), null);
            case IN_PROGRESS -> words(Standing.IN_PROGRESS, 0, null);
            case UPCOMING -> words(Standing.DUE_IN, (int) ChronoUnit.DAYS.between(day, l.windowStart().orElseThrow()), null);
            case DONE -> words(Standing.DONE, 0, null);
            case DONE_OUT_OF_WINDOW -> words(Standing.DONE_OUT_OF_WINDOW, 0, null);
            case UNSCHEDULED -> words(Standing.UNSCHEDULED, 0, l.unscheduledReason());
            case MISSED -> words(Standing.MISSED, 0, l.missedReason());
            case NOT_YET_ANCHORED -> Text.get("clinic.status.NOT_YET_ANCHORED");
        };
    }

    /** The list for {@code day} from timelines computed for that day, most urgent first, then by subject and visit. */
    public static List<Row> rows(LocalDate day, List<SubjectTimeline> timelines) {
        List<Row> rows = new ArrayList<>();
        record Sorted(Row row, double number) {
        }
        List<Sorted> sorted = new ArrayList<>();
        for (SubjectTimeline t : timelines) {
            boolean crossover = t.lines().stream().anyMatch(l -> l.period() > 1);
            for (SubjectTimeline.Line l : t.lines()) {
                Standing s = standing(day, l);
                if (s != null) {
                    int days = switch (s) {
                        case DUE_IN -> (int) ChronoUnit.DAYS.between(day, l.windowStart().orElseThrow());
                        case OVERDUE -> (int) ChronoUnit.DAYS.between(l.windowEnd().orElseThrow(), day);
                        default -> 0;
                    };
                    String reason = s == Standing.MISSED ? l.missedReason() : l.unscheduledReason();
                    sorted.add(new Sorted(new Row(t.subject(), t.protocolId(), label(l, crossover), l.planned() == null ? null : l.planned().id(),
                            l.period(), l.kind(), l.visitSessionId(), s, days, window(l), l.instruments(), reason, l.missableOn(day)), l.visitNumber()));
                }
            }
        }
        sorted.sort(Comparator.comparing((Sorted x) -> x.row().standing()).thenComparingInt(x -> x.row().days() * (x.row().standing() == Standing.OVERDUE ? -1 : 1))
                .thenComparing(x -> x.row().subject()).thenComparingDouble(Sorted::number));
        sorted.forEach(x -> rows.add(x.row()));
        return List.copyOf(rows);
    }

    /** A visit's name as staff say it, with the period in a crossover: "Day 1 (period 2)". */
    public static String label(SubjectTimeline.Line l, boolean crossover) {
        boolean perPeriod = l.planned() == null || l.planned().perPeriod();
        return crossover && perPeriod ? Text.get("clinic.visitInPeriod", l.name(), l.period()) : l.name();
    }

    /** The window in staff words: "5 Mar", "5-6 Mar" or "28 Feb-2 Mar"; empty for an unscheduled visit. */
    public static String window(SubjectTimeline.Line l) {
        if (l.windowStart().isEmpty()) {
            return "";
        }
        LocalDate a = l.windowStart().get();
        LocalDate b = l.windowEnd().orElse(a);
        if (a.equals(b)) {
            return DAY.format(a);
        }
        return (a.getMonth() == b.getMonth() ? Integer.toString(a.getDayOfMonth()) : DAY.format(a)) + "-" + DAY.format(b);
    }

    /** The period a subject is in now: that of their latest infusion held, period 1 before any. */
    public static int currentPeriod(SubjectTimeline t) {
        return t.lines().stream().filter(l -> l.kind() == VisitKind.INFUSION && l.heldOn().isPresent()).mapToInt(SubjectTimeline.Line::period)
                .max().orElse(1);
    }

    private static Standing standing(LocalDate day, SubjectTimeline.Line l) {
        WindowStatus s = l.status();
        return switch (s) {
            case DUE -> Standing.DUE;
            case OVERDUE -> Standing.OVERDUE;
            case IN_PROGRESS -> Standing.IN_PROGRESS;
            case UPCOMING -> ChronoUnit.DAYS.between(day, l.windowStart().orElseThrow()) <= LOOKAHEAD_DAYS ? Standing.DUE_IN : null;
            case DONE -> l.heldOn().filter(day::equals).map(d -> Standing.DONE).orElse(null);
            case DONE_OUT_OF_WINDOW -> l.heldOn().filter(day::equals).map(d -> Standing.DONE_OUT_OF_WINDOW).orElse(null);
            case UNSCHEDULED -> l.heldOn().filter(day::equals).map(d -> Standing.UNSCHEDULED).orElse(null);
            case MISSED -> l.windowStart().isPresent() && !day.isBefore(l.windowStart().get()) && !day.isAfter(l.windowEnd().orElseThrow())
                    ? Standing.MISSED : null;
            case NOT_YET_ANCHORED -> null;
        };
    }
}
