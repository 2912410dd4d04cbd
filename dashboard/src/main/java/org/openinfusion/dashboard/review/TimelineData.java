package org.openinfusion.dashboard.review;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.review.SessionRecord.Trend;
import org.openinfusion.station.clinical.review.TrendWindow;
import org.openinfusion.station.domain.Stream;

/**
 * What {@code <review-timeline>} draws of one record, as compact JSON: stacked panels on one axis in minutes from
 * the infusion start (vitals, NIBP, infusion with the planned volume, rating totals) and the events drawn as lines.
 * The overview thins each stream to about {@value #OVERVIEW_BUCKETS} slices; {@link #detail} gives a zoomed window at
 * full resolution (thinned only beyond {@value #DETAIL_BUCKETS} slices).
 */
final class TimelineData {
    static final int OVERVIEW_BUCKETS = 1200;
    static final int DETAIL_BUCKETS = 3000;
    /** Drawn as lines; prompts, ratings (their own panel), signatures and amendments (after the session) are listed only. */
    static final Set<Category> DRAWN = Set.of(Category.SESSION, Category.INFUSION, Category.DEVIATION, Category.ALARM_RAISED,
            Category.ALARM_ACKNOWLEDGED, Category.ALARM_OTHER, Category.MARKER, Category.NOTE);
    /** Events whose waveform can be opened. */
    static final Set<Category> WITH_WAVEFORM = Set.of(Category.ALARM_RAISED, Category.ALARM_ACKNOWLEDGED, Category.ALARM_OTHER,
            Category.MARKER);
    private static final String[] RATING_COLORS = {"#1f618d", "#b03a2e", "#7d3c98", "#117a65", "#b9770e", "#5d6d7e"};

    private record Line(String key, String label, String color, String scale, String style, int decimals, long[] times,
                        double[] values, boolean thin, boolean gaps) {
    }

    /** {@code yRange}, {@code y2Range}: the clinically fixed scale {min, max}, or null for automatic. */
    private record Panel(String id, String title, String y, String y2, int height, List<Line> lines, double[] yRange, double[] y2Range) {
    }

    static final double[] HR_RANGE = {40, 160};
    static final double[] SPO2_RANGE = {80, 100};
    static final double[] RESP_RANGE = {0, 60};
    static final double[] NIBP_RANGE = {40, 200};

    private final SessionRecord record;
    private final Instant zero;
    private final long fromMs;
    private final long toMs;
    private final List<Panel> panels;
    private final Function<String, String> instrumentLabel;
    /** The station sent the lines as each bucket's extremes (a long record): a zoom asks it for the window. */
    private final boolean overviewOnly;

    /** {@code instrumentLabel}: an instrument id's short label (e.g. "cadss" to "CADSS"). */
    TimelineData(SessionRecord record, Function<String, String> instrumentLabel) {
        this.record = record;
        this.instrumentLabel = instrumentLabel;
        this.zero = zero(record);
        Map<Stream, Trend> trends = byStream(record.trends());
        long[] span = span(record, trends.values());
        this.fromMs = span[0];
        this.toMs = span[1];
        this.panels = panels(trends);
        this.overviewOnly = record.trends().stream().anyMatch(TimelineData::bucketed);
    }

    private static Map<Stream, Trend> byStream(List<Trend> list) {
        Map<Stream, Trend> trends = new EnumMap<>(Stream.class);
        list.forEach(t -> trends.put(t.stream(), t));
        return trends;
    }

    /** True for a trend the station sent as buckets (SessionRecords.overview: a bucket's lowest and highest at one time). */
    static boolean bucketed(Trend t) {
        for (int i = 1; i < t.times().length; i++) {
            if (t.times()[i] == t.times()[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private List<Panel> panels(Map<Stream, Trend> trends) {
        return List.of(
                new Panel("vitals", Text.get("review.timeline.panel.vitals"), Text.get("review.timeline.line.hr"), Text.get("review.timeline.line.spo2"), 160, lines(trends,
                        line(Stream.HR, Text.get("review.timeline.line.hr"), "#27ae60", "y"), line(Stream.SPO2, Text.get("review.timeline.line.spo2"), "#2e86c1", "y2")), HR_RANGE, SPO2_RANGE),
                new Panel("respiration", Text.get("review.timeline.panel.respiration"), Text.get("review.timeline.axis.respiration"), null, 120, lines(trends,
                        line(Stream.RESP_RATE, Text.get("review.timeline.line.rr"), "#d4ac0d", "y"), line(Stream.ETCO2, Text.get("review.timeline.line.etco2"), "#e67e22", "y")), RESP_RANGE, null),
                new Panel("nibp", Text.get("review.timeline.panel.nibp"), Text.get("review.timeline.panel.nibp.axis"), null, 130, lines(trends,
                        points(Stream.NIBP_SYS, Text.get("review.timeline.line.nibpSys"), "#c0392b"), points(Stream.NIBP_DIA, Text.get("review.timeline.line.nibpDia"), "#7b241c")), NIBP_RANGE, null),
                new Panel("infusion", Text.get("review.timeline.panel.infusion"), Text.get("review.timeline.panel.infusion.axis"), Text.get("review.timeline.panel.infusion.axis2"), 150, infusion(trends), null, null),
                new Panel("ratings", Text.get("review.timeline.panel.ratings"), Text.get("review.timeline.panel.ratings.axis"), null, 140, ratings(instrumentLabel), null, null));
    }

    /** True when a zoom needs the station: the record holds its lines as buckets only. */
    boolean overviewOnly() {
        return overviewOnly;
    }

    /** The window a zoom to {@code [fromMinutes, toMinutes]} shows: half a window's margin either side, within the record. */
    Instant[] detailWindow(double fromMinutes, double toMinutes) {
        double margin = (toMinutes - fromMinutes) / 2;
        long a = Math.max(fromMs, epochMs(fromMinutes - margin));
        long b = Math.min(toMs, epochMs(toMinutes + margin));
        return new Instant[] {Instant.ofEpochMilli(a), Instant.ofEpochMilli(b)};
    }

    /** A zoomed window as the station sent it ({@code ReviewRequest.Trends}), drawn like {@link #detail(double, double)}. */
    String detail(TrendWindow w) {
        long a = w.from().toEpochMilli();
        long b = w.to().toEpochMilli();
        List<Panel> zoomed = panels(byStream(w.trends()));
        return new JsonObject().put("from", minutes(a)).put("to", minutes(b))
                .put("panels", panels(zoomed, a, b, DETAIL_BUCKETS, false)).encode();
    }

    private static JsonArray range(double[] r) {
        return r == null ? null : new JsonArray().add(r[0]).add(r[1]);
    }

    /** The timeline's zero: the confirmed infusion start, else the session's creation. */
    static Instant zero(SessionRecord r) {
        return r.infusionStart() != null ? r.infusionStart() : r.listing().createdAt();
    }

    Instant zero() {
        return zero;
    }

    /** True when the overview leaves out samples, so a zoom asks for detail. */
    boolean lossy() {
        return overviewOnly || panels.stream().flatMap(p -> p.lines().stream()).anyMatch(l -> l.thin() && l.times().length > 2 * OVERVIEW_BUCKETS);
    }

    /** The whole record: range, panels, events. */
    String overview() {
        JsonObject o = new JsonObject()
                .put("from", minutes(fromMs))
                .put("to", minutes(toMs))
                .put("lossy", lossy())
                .put("axis", Text.get(record.infusionStart() != null ? "review.timeline.axis" : "review.timeline.axisNoInfusion"))
                .put("cursor", Text.get("review.timeline.cursor"))
                .put("unit", Text.get("review.timeline.minutes"))
                // the bar above the panels, worded from the bundle like the rest of the page
                .put("resetZoom", Text.get("review.timeline.resetZoom"))
                .put("autoScale", Text.get("review.timeline.autoScale"))
                .put("zoomHint", Text.get("review.timeline.zoomHint"))
                .put("panels", panels(panels, fromMs, toMs, OVERVIEW_BUCKETS, true))
                .put("events", events());
        return o.encode();
    }

    /** The series of {@code [fromMinutes, toMinutes]} with half a window's margin either side, at full resolution. */
    String detail(double fromMinutes, double toMinutes) {
        double margin = (toMinutes - fromMinutes) / 2;
        long a = Math.max(fromMs, epochMs(fromMinutes - margin));
        long b = Math.min(toMs, epochMs(toMinutes + margin));
        return new JsonObject().put("from", minutes(a)).put("to", minutes(b))
                .put("panels", panels(panels, a, b, DETAIL_BUCKETS, false)).encode();
    }

    private JsonArray panels(List<Panel> panels, long a, long b, int buckets, boolean withLayout) {
        JsonArray out = new JsonArray();
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            JsonObject po = new JsonObject().put("id", panel.id());
            if (withLayout) {
                po.put("title", panel.title()).put("y", panel.y()).put("y2", panel.y2()).put("height", panel.height())
                        .put("last", p == panels.size() - 1).put("yRange", range(panel.yRange())).put("y2Range", range(panel.y2Range()));
            }
            JsonArray series = new JsonArray();
            for (Line l : panel.lines()) {
                series.add(series(l, a, b, buckets, withLayout));
            }
            out.add(po.put("series", series));
        }
        return out;
    }

    private JsonObject series(Line l, long a, long b, int buckets, boolean withLayout) {
        JsonObject s = new JsonObject().put("key", l.key());
        if (withLayout) {
            s.put("label", l.label()).put("color", l.color()).put("scale", l.scale()).put("style", l.style()).put("decimals", l.decimals());
        }
        JsonArray t = new JsonArray();
        JsonArray v = new JsonArray();
        if (l.thin()) {
            TrendSampler.Points pts = TrendSampler.sample(l.times(), l.values(), a, b, buckets, l.gaps());
            for (int i = 0; i < pts.size(); i++) {
                t.add(minutes(pts.times()[i]));
                v.add(pts.values()[i] == null ? null : round(pts.values()[i], 2));
            }
        } else {
            for (int i = 0; i < l.times().length; i++) {
                t.add(minutes(l.times()[i]));
                v.add(round(l.values()[i], 2));
            }
        }
        return s.put("t", t).put("v", v);
    }

    /** Every drawn event with its index in {@code record.events()}, its tooltip and whether it has a waveform. */
    private JsonArray events() {
        JsonArray out = new JsonArray();
        List<TimelineEvent> all = record.events();
        for (int i = 0; i < all.size(); i++) {
            TimelineEvent e = all.get(i);
            if (DRAWN.contains(e.category())) {
                out.add(new JsonObject().put("i", i).put("t", minutes(e.at().toEpochMilli())).put("c", e.category().name())
                        .put("label", tooltip(e)).put("clickable", WITH_WAVEFORM.contains(e.category())));
            }
        }
        return out;
    }

    private String tooltip(TimelineEvent e) {
        StringBuilder b = new StringBuilder(ReviewFormat.timeWithZone(e.at())).append(", ").append(ReviewFormat.fromStart(e.at(), zero))
                .append('\n').append(ReviewFormat.category(e.category())).append(": ").append(ReviewFormat.title(e));
        if (e.detail() != null && !e.detail().isBlank()) {
            b.append('\n').append(ReviewFormat.detail(e));
        }
        if (e.actor() != null && !e.actor().isBlank()) {
            b.append('\n').append(Text.get("review.timeline.by", StaffNames.named(e.actor())));
        }
        if (WITH_WAVEFORM.contains(e.category())) {
            b.append('\n').append(Text.get("review.timeline.clickHint"));
        }
        return b.toString();
    }

    private static Function<Map<Stream, Trend>, Line> line(Stream s, String label, String color, String scale) {
        return m -> m.containsKey(s) ? new Line(s.key(), label, color, scale, "line", 0, m.get(s).times(), m.get(s).values(), true, true) : null;
    }

    private static Function<Map<Stream, Trend>, Line> points(Stream s, String label, String color) {
        return m -> m.containsKey(s) ? new Line(s.key(), label, color, "y", "points", 0, m.get(s).times(), m.get(s).values(), true, false) : null;
    }

    @SafeVarargs
    private static List<Line> lines(Map<Stream, Trend> trends, Function<Map<Stream, Trend>, Line>... specs) {
        List<Line> out = new ArrayList<>();
        for (var spec : specs) {
            Line l = spec.apply(trends);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    /** Pump rate (steps), volume infused, and the planned volume: rate x time up to the planned volume. */
    private List<Line> infusion(Map<Stream, Trend> trends) {
        List<Line> out = new ArrayList<>();
        Trend rate = trends.get(Stream.PUMP_RATE);
        if (rate != null) {
            out.add(new Line(rate.stream().key(), Text.get("review.timeline.line.pumpRate"), "#16a085", "y", "step", 1, rate.times(), rate.values(), true, true));
        }
        Trend volume = trends.get(Stream.PUMP_VOLUME_INFUSED);
        if (volume != null) {
            out.add(new Line(volume.stream().key(), Text.get("review.timeline.line.volume"), "#34495e", "y2", "line", 1, volume.times(), volume.values(), true, true));
        }
        SessionRecord.Plan plan = record.plan();
        if (plan != null && record.infusionStart() != null && plan.rateMlPerHour() > 0) {
            long start = record.infusionStart().toEpochMilli();
            long full = start + Math.round(plan.volumeMl() / plan.rateMlPerHour() * 3_600_000);
            long[] t = LongStream.of(start, full, Math.max(full, toMs)).distinct().toArray();
            double[] v = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                v[i] = Math.min(plan.volumeMl(), plan.rateMlPerHour() * (t[i] - start) / 3_600_000.0);
            }
            out.add(new Line("plan", Text.get("review.timeline.line.plan"), "#95a5a6", "y2", "dash", 1, t, v, false, false));
        }
        return out;
    }

    /** Totals of the ratings in force (not superseded), one series per instrument and form. */
    private List<Line> ratings(Function<String, String> instrumentLabel) {
        Map<String, List<RatingRecord>> byForm = new LinkedHashMap<>();
        record.ratings().stream().filter(r -> r.supersededBy() == null && r.total() != null && r.finishedAt() != null)
                .sorted(Comparator.comparing(RatingRecord::finishedAt))
                .forEach(r -> byForm.computeIfAbsent(r.instrumentId() + "/" + r.form(), k -> new ArrayList<>()).add(r));
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (List<RatingRecord> rs : byForm.values()) {
            RatingRecord first = rs.getFirst();
            String label = ReviewFormat.form(instrumentLabel.apply(first.instrumentId()), first.instrumentId(), first.form());
            out.add(new Line("rating-" + n, label, RATING_COLORS[n % RATING_COLORS.length], "y", "linepoints", 0,
                    rs.stream().mapToLong(r -> r.finishedAt().toEpochMilli()).toArray(),
                    rs.stream().mapToDouble(r -> r.total()).toArray(), false, false));
            n++;
        }
        return out;
    }

    /** From the session's creation (or its first data) to its end (or its last data or event). */
    private static long[] span(SessionRecord r, Collection<Trend> trends) {
        long from = r.listing().createdAt().toEpochMilli();
        long to = r.end() != null ? r.end().toEpochMilli() : r.listing().closedAt() != null ? r.listing().closedAt().toEpochMilli() : from;
        for (Trend t : trends) {
            if (t.times().length > 0) {
                from = Math.min(from, t.times()[0]);
                to = Math.max(to, t.times()[t.times().length - 1]);
            }
        }
        for (TimelineEvent e : r.events()) {
            if (DRAWN.contains(e.category())) {
                from = Math.min(from, e.at().toEpochMilli());
                to = Math.max(to, e.at().toEpochMilli());
            }
        }
        return new long[] {from, Math.max(to, from + 60_000)};
    }

    private double minutes(long epochMs) {
        return round((epochMs - zero.toEpochMilli()) / 60_000.0, 4);
    }

    private long epochMs(double minutes) {
        return zero.toEpochMilli() + Math.round(minutes * 60_000);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
