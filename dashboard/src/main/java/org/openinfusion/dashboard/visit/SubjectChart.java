package org.openinfusion.dashboard.visit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.visit.MeasureOutcome;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.WindowStatus;

/**
 * A subject's rating totals of one measure over days, drawn as SVG (pure): each visit's value at the day it was held,
 * each period's baseline and its response line (a {@link #RESPONSE_REDUCTION_PERCENT} % reduction from that baseline),
 * the infusion days as vertical lines, missed visits as crosses on the day axis and out-of-window visits in red.
 */
public final class SubjectChart {
    /** The response line: the shipped protocols' rule (docs/visits.md), a reduction of at least 50 % from the baseline. */
    public static final int RESPONSE_REDUCTION_PERCENT = 50;
    private static final int W = 900;
    private static final int H = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * A point of the chart: a visit's day and value (null for a missed visit), whether out of window; {@code side} -1
     * or +1 when it shares its day with an infusion and is drawn {@link #SAME_DAY_PX} before or after the infusion's
     * line, in schedule order (screening held on the infusion day sits left of the line, not on it), else 0.
     */
    record Point(LocalDate day, int side, int period, Integer value, boolean outOfWindow, boolean missed, String label) {
    }

    /** How far from an infusion's line, in pixels of the 900-wide chart, a visit held the same day is drawn. */
    static final int SAME_DAY_PX = 14;
    /** Day-tick steps the axis chooses from: the smallest giving at most {@link #MAX_TICKS} ticks. */
    private static final int[] TICK_STEPS = {1, 2, 7, 14, 28, 56};
    static final int MAX_TICKS = 16;

    private SubjectChart() {
    }

    /** The measures rated at any visit of the timeline, in first-seen order (e.g. hamd17, hamd6). */
    public static List<String> measures(SubjectTimeline t) {
        return t.lines().stream().flatMap(l -> l.outcomes().stream()).map(MeasureOutcome::measure).distinct().toList();
    }

    static List<Point> points(SubjectTimeline t, String measure) {
        boolean crossover = t.lines().stream().anyMatch(l -> l.period() > 1);
        List<SubjectTimeline.Line> infusions = infusions(t);
        List<Point> out = new ArrayList<>();
        for (SubjectTimeline.Line l : t.lines()) {
            Optional<LocalDate> day = l.heldOn().or(l::target);
            if (day.isEmpty()) {
                continue;
            }
            int shift = 0;
            if (l.kind() != VisitKind.INFUSION) {
                Optional<SubjectTimeline.Line> sameDay = infusions.stream().filter(i -> i.heldOn().get().equals(day.get())).findFirst();
                if (sameDay.isPresent()) {
                    shift = l.visitNumber() < sameDay.get().visitNumber() ? -1 : 1;
                }
            }
            if (l.status() == WindowStatus.MISSED) {
                out.add(new Point(day.get(), shift, l.period(), null, false, true, ClinicDay.label(l, crossover)));
            } else {
                int sh = shift;
                l.outcome(measure).ifPresent(o -> out.add(new Point(day.get(), sh, l.period(), o.value(), l.status().outOfWindow(), false,
                        ClinicDay.label(l, crossover))));
            }
        }
        return out;
    }

    private static List<SubjectTimeline.Line> infusions(SubjectTimeline t) {
        return t.lines().stream().filter(l -> l.kind() == VisitKind.INFUSION && l.heldOn().isPresent()).toList();
    }

    /** The days the axis labels: every {@code step} days from the first, {@code step} the smallest giving at most {@link #MAX_TICKS}. */
    static List<LocalDate> ticks(LocalDate first, LocalDate last) {
        long span = ChronoUnit.DAYS.between(first, last);
        int step = TICK_STEPS[TICK_STEPS.length - 1];
        for (int s : TICK_STEPS) {
            if (span / s + 1 <= MAX_TICKS) {
                step = s;
                break;
            }
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(step)) {
            out.add(d);
        }
        return out;
    }

    /**
     * What the chart says while it has nothing to draw: it draws the outcome measures rated at the study visits (HAM-D17
     * for Williams), so it names them; ratings taken during an infusion session (a CADSS at baseline) are listed below
     * the chart, not drawn, and do not make "no rating yet" true or false.
     */
    static String empty(SubjectTimeline t) {
        List<String> measures = t.lines().stream().filter(l -> l.kind() != VisitKind.INFUSION && l.planned() != null)
                .flatMap(l -> l.planned().instruments().stream()).distinct().map(Text::form).toList();
        return measures.isEmpty() ? Text.get("subject.chartEmptyNoMeasure") : Text.get("subject.chartEmpty", String.join(", ", measures));
    }

    /** The SVG of {@code measure} on the timeline; a short note instead when nothing has been rated. */
    public static String svg(SubjectTimeline t, String measure) {
        List<Point> points = points(t, measure);
        List<SubjectTimeline.Line> infusions = infusions(t);
        // the subject's whole span: every visit held, and every planned day already known
        List<LocalDate> days = new ArrayList<>(points.stream().map(Point::day).toList());
        t.lines().forEach(l -> l.heldOn().or(l::target).ifPresent(days::add));
        if (points.stream().noneMatch(p -> p.value() != null) || days.isEmpty()) {
            String note = empty(t);
            return "<svg xmlns='http://www.w3.org/2000/svg' role='img' aria-label='" + esc(note) + "' width='" + W
                    + "' height='40'><text x='8' y='24' font-size='14'>" + esc(note) + "</text></svg>";
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow().minusDays(1);
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow().plusDays(1);
        int max = Math.max(4, points.stream().filter(p -> p.value() != null).mapToInt(Point::value).max().orElse(0));
        for (SubjectTimeline.Line i : infusions) {
            Integer b = i.outcome(measure).map(MeasureOutcome::value).orElse(null);
            if (b != null) {
                max = Math.max(max, b);
            }
        }
        int top = (int) Math.ceil(max * 1.15);
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(W).append(' ').append(H)
                .append("' width='100%' role='img' aria-label='").append(esc(Text.get("subject.chartLabel", Text.form(measure)))).append("'>");
        s.append("<line x1='").append(LEFT).append("' y1='").append(H - BOTTOM).append("' x2='").append(W - RIGHT).append("' y2='").append(H - BOTTOM)
                .append("' stroke='#555'/>");
        for (int v = 0; v <= top; v += Math.max(1, top / 5)) {
            int y = y(v, top);
            s.append("<text x='").append(LEFT - 6).append("' y='").append(y + 4).append("' font-size='11' text-anchor='end'>").append(v).append("</text>");
            s.append("<line x1='").append(LEFT).append("' y1='").append(y).append("' x2='").append(W - RIGHT).append("' y2='").append(y)
                    .append("' stroke='#ddd'/>");
        }
        // infusion days, and each period's baseline and response line until the next period's infusion
        for (int k = 0; k < infusions.size(); k++) {
            SubjectTimeline.Line i = infusions.get(k);
            int x = x(i.heldOn().get(), first, span);
            s.append("<line x1='").append(x).append("' y1='").append(TOP).append("' x2='").append(x).append("' y2='").append(H - BOTTOM)
                    .append("' stroke='#6a3d9a' stroke-width='2'/>");
            s.append("<text x='").append(x + 4).append("' y='").append(TOP + 10).append("' font-size='11' fill='#6a3d9a'>")
                    .append(esc(Text.get("subject.infusion", i.period()))).append("</text>");
            Integer baseline = i.outcome(measure).map(MeasureOutcome::value).orElse(null);
            if (baseline != null) {
                int end = k + 1 < infusions.size() ? x(infusions.get(k + 1).heldOn().get(), first, span) : W - RIGHT;
                double response = baseline * (100 - RESPONSE_REDUCTION_PERCENT) / 100.0;
                s.append(hline(x, end, y(baseline, top), "#1f78b4", "6 3", Text.get("subject.baseline", baseline)));
                s.append(hline(x, end, y(response, top), "#33a02c", "2 3", Text.get("subject.responseLine", RESPONSE_REDUCTION_PERCENT)));
            }
        }
        // the values, joined in order of days within each period
        Comparator<Point> byTime = Comparator.comparing(Point::day).thenComparingInt(Point::side);
        List<Point> valued = points.stream().filter(p -> p.value() != null).sorted(byTime).toList();
        StringBuilder path = new StringBuilder();
        int period = 0;
        for (Point p : valued) {
            path.append(p.period() != period ? " M" : " L").append(x(p.day(), p.side(), first, span)).append(',').append(y(p.value(), top));
            period = p.period();
        }
        s.append("<path d='").append(path.toString().strip()).append("' fill='none' stroke='#333' stroke-width='1.5'/>");
        for (LocalDate d : ticks(first, last)) {
            int x = x(d, first, span);
            s.append("<line class='day-tick' x1='").append(x).append("' y1='").append(H - BOTTOM).append("' x2='").append(x).append("' y2='")
                    .append(H - BOTTOM + 4).append("' stroke='#555'/>");
            s.append("<text class='day-label' x='").append(x).append("' y='").append(H - BOTTOM + 16).append("' font-size='10' text-anchor='middle'>")
                    .append(esc(DAY.format(d))).append("</text>");
        }
        for (Point p : points.stream().sorted(byTime).toList()) {
            int x = x(p.day(), p.side(), first, span);
            if (p.missed()) {
                int y = H - BOTTOM;
                s.append("<g stroke='#b15928' stroke-width='2'><title>").append(esc(Text.get("subject.missedPoint", p.label()))).append("</title>")
                        .append("<line x1='").append(x - 5).append("' y1='").append(y - 5).append("' x2='").append(x + 5).append("' y2='").append(y + 5).append("'/>")
                        .append("<line x1='").append(x - 5).append("' y1='").append(y + 5).append("' x2='").append(x + 5).append("' y2='").append(y - 5).append("'/></g>");
            } else {
                s.append("<circle cx='").append(x).append("' cy='").append(y(p.value(), top)).append("' r='5' fill='")
                        .append(p.outOfWindow() ? "#e31a1c" : "#333").append("'><title>").append(esc(p.label() + ": " + p.value()
                                + (p.outOfWindow() ? " (" + Text.get("clinic.status.DONE_OUT_OF_WINDOW").toLowerCase(Locale.ROOT) + ")" : "")))
                        .append("</title></circle>");
            }
        }
        s.append("</svg>");
        return s.toString();
    }

    private static String hline(int x1, int x2, int y, String colour, String dash, String label) {
        return "<line x1='" + x1 + "' y1='" + y + "' x2='" + x2 + "' y2='" + y + "' stroke='" + colour + "' stroke-dasharray='" + dash + "'/>"
                + "<text x='" + (x1 + 4) + "' y='" + (y - 4) + "' font-size='11' fill='" + colour + "'>" + esc(label) + "</text>";
    }

    private static int x(LocalDate d, LocalDate first, long span) {
        return x(d, 0, first, span);
    }

    /** A day's x, moved {@code side} x {@link #SAME_DAY_PX} off it. */
    private static int x(LocalDate d, int side, LocalDate first, long span) {
        return LEFT + (int) Math.round((W - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, d) / span) + side * SAME_DAY_PX;
    }

    private static int y(double v, int top) {
        return H - BOTTOM - (int) Math.round((H - BOTTOM - TOP) * v / top);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
