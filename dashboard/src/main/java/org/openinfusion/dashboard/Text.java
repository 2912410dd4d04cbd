package org.openinfusion.dashboard;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.infusion.InfusionEvent.DeviationKind;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.Stream;

/**
 * Staff-facing wording, from one message bundle ({@code org/openinfusion/dashboard/messages.properties}): labels of
 * steps, forms, time points, markers, deviations, roles; units; and times as staff read them (local clock time in
 * the site's zone, "due in 4 min", "overdue 2 min"). Internal ids never reach a screen: an id the bundle does not
 * know is shown through a readable fallback (e.g. time point {@code t80} as "T+80 min").
 */
public final class Text {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.openinfusion.dashboard.messages", Locale.ENGLISH);
    private static final Pattern MINUTES_POINT = Pattern.compile("t(\\d+)");
    private static volatile ZoneId zone = ZoneId.systemDefault();

    private Text() {
    }

    /** The site's time zone: the station host's zone (TZ or -Duser.timezone) unless the launcher sets another. */
    public static void zone(ZoneId siteZone) {
        zone = siteZone;
    }

    public static ZoneId zone() {
        return zone;
    }

    /** The wording for {@code key}, with {@code args} put in ({@link MessageFormat}). */
    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    /** The wording for {@code key}, or {@code fallback} when the bundle has none. */
    public static String orElse(String key, String fallback) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** A rating form as staff name it (CADSS, CADSS-6, BPRS+, MOAA/S, VAS...). */
    public static String form(String formKey) {
        return orElse("form." + formKey, formKey.toUpperCase(Locale.ROOT).replace('_', ' '));
    }

    /**
     * The forms of time point {@code p} not yet recorded in the session, as staff name them ("CADSS, BPRS+" once VAS is
     * done there; all of them when none is). What the Ratings tab and the overview card list as still to rate.
     */
    public static String formsToRate(Prompt p, SessionView v) {
        return String.join(", ", p.instruments().stream().filter(f -> v.ratings().stream()
                .noneMatch(r -> !r.correction() && r.timePointId().equals(p.timePointId()) && r.form().equals(f))).map(Text::form).toList());
    }

    /**
     * A discharge criterion as staff name it: "Systolic BP within 20 % of baseline", "Time since the end of the
     * infusion", never the station's stream keys ("nibp_sys within 20% of baseline").
     */
    public static String criterion(DischargeCheck.Criterion c, DischargeCriteria rules) {
        if (c.kind() == DischargeCheck.Kind.VITAL && c.vital().isPresent()) {
            return get("discharge.criterion.VITAL", vital(c.vital().get()), Math.round(rules.vitalsWithinPercent()));
        }
        return get("discharge.criterion." + c.kind().name());
    }

    /** A vital sign's name in a sentence ("Systolic BP", "Heart rate"); a stream the bundle does not name, in words. */
    public static String vital(Stream s) {
        String words = s.key().replace('_', ' ');
        return orElse("vital." + s.key(), Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /** A criterion's line: its status, its name and its figures, e.g. "Met: Systolic BP within 20 % of baseline - 128 vs ...". */
    public static String criterionLine(DischargeCheck.Criterion c, DischargeCriteria rules) {
        return of("discharge", c.status()) + ": " + criterion(c, rules) + " - " + criterionDetail(c);
    }

    /**
     * A criterion's line where the protocol's rules are not at hand (the review of an override): "Not met: Scheduled
     * ratings - still to rate or mark not assessed: Baseline, T+20 min"; a vital sign reads "Heart rate against baseline".
     */
    public static String criterionLine(DischargeCheck.Criterion c) {
        String name = c.kind() == DischargeCheck.Kind.VITAL && c.vital().isPresent()
                ? get("discharge.criterion.VITAL.againstBaseline", vital(c.vital().get())) : get("discharge.criterion." + c.kind().name());
        return of("discharge", c.status()) + ": " + name + " - " + criterionDetail(c);
    }

    /**
     * A criterion's figures in staff words, its time points named from the data it carries: the ratings still to do
     * read "still to rate or mark not assessed: Baseline, T+20 min, End of infusion"; "6 at t20" reads "6 at T+20 min".
     */
    public static String criterionDetail(DischargeCheck.Criterion c) {
        if (c.kind() == DischargeCheck.Kind.SCHEDULED_RATINGS && c.status() != DischargeCheck.Status.MET && !c.timePoints().isEmpty()) {
            return get("discharge.detail.outstanding", timePoints(c.timePoints()));
        }
        String d = c.detail();
        for (String id : c.timePoints()) {
            d = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])").matcher(d)
                    .replaceAll(Matcher.quoteReplacement(timePoint(id)));
        }
        return d;
    }

    /** Time points as staff name them, in the order given: "Baseline, T+20 min, End of infusion". */
    public static String timePoints(List<String> ids) {
        return String.join(", ", ids.stream().map(Text::timePoint).toList());
    }

    private static final Pattern POINT_IN_DETAIL = Pattern.compile("(?<=at |\\()(t\\d+|baseline|end-of-infusion)(?=[ )]|$)");

    /**
     * A discharge criterion's figures in staff words, from the station's words alone (an override written before the
     * criteria were kept as data): the time points the station writes by id ("6 at t20", "still to
     * rate or mark not assessed: baseline, t80") read as staff name them ("6 at T+20 min", "Baseline, T+80 min").
     */
    public static String criterionDetail(String detail) {
        String marker = "not assessed: ";
        int i = detail.indexOf(marker);
        if (i < 0) {
            return POINT_IN_DETAIL.matcher(detail).replaceAll(m -> Matcher.quoteReplacement(timePoint(m.group(1))));
        }
        StringBuilder out = new StringBuilder(detail.substring(0, i + marker.length()));
        String[] ids = detail.substring(i + marker.length()).split(", ");
        for (int k = 0; k < ids.length; k++) {
            out.append(k == 0 ? "" : ", ").append(timePoint(ids[k].strip()));
        }
        return out.toString();
    }

    /** A schedule time point as staff name it: "Baseline", "End of infusion", "T+80 min". */
    public static String timePoint(String id) {
        Matcher m = MINUTES_POINT.matcher(id);
        if (m.matches()) {
            return get("timepoint.minutes", m.group(1));
        }
        String words = id.replace('-', ' ').replace('_', ' ');
        return orElse("timepoint." + id, Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /** An enum constant's wording ({@code prefix.NAME}), or its name in words. */
    public static String of(String prefix, Enum<?> e) {
        String words = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return orElse(prefix + "." + e.name(), Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /**
     * A session's step as staff name it; an infusion that ended short of its planned volume (the station's
     * {@code EARLY_STOP} deviation) reads "Infusion stopped early", never "Infusion complete".
     */
    public static String state(SessionView v) {
        if (v.state() == SessionState.INFUSION_COMPLETE && stoppedEarly(v.infusion())) {
            return get("state.INFUSION_COMPLETE.early");
        }
        return of("state", v.state());
    }

    /** Whether the infusion ended short of its planned volume. */
    public static boolean stoppedEarly(SessionView.Infusion i) {
        return i.completed() && i.deviations().stream().anyMatch(d -> d.startsWith(DeviationKind.EARLY_STOP.name() + ":"));
    }

    /** Clock time in the site's zone, e.g. "18:02". */
    public static String clock(Instant t) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(t);
    }

    /** Item numbers as staff read them: a run as "20-23", others listed ("20, 22"). */
    public static String itemNumbers(List<Integer> numbers) {
        List<Integer> sorted = numbers.stream().sorted().toList();
        boolean run = sorted.size() > 2 && sorted.getLast() - sorted.getFirst() == sorted.size() - 1;
        return run ? sorted.getFirst() + "-" + sorted.getLast() : String.join(", ", sorted.stream().map(String::valueOf).toList());
    }

    /** Clock time to the second, e.g. "18:02:37", for a reading that changes while it is looked at. */
    public static String clockSeconds(Instant t) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(t);
    }

    /** Clock time with the zone, e.g. "18:02 CET", where a time stands alone. */
    public static String clockWithZone(Instant t) {
        return DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH).withZone(zone).format(t);
    }

    /** "due in 4 min", "due now", or "overdue 2 min" for a time {@code due} seen at {@code now}. */
    public static String due(Instant due, Instant now) {
        long s = Duration.between(now, due).toSeconds();
        if (s >= 60) {
            return get("due.in", minutesRoundedUp(s));
        }
        if (s > -60) {
            return get("due.now");
        }
        return get("due.overdue", -s / 60);
    }

    /**
     * A time point's countdown as staff read it: an overdue one reads "overdue N min" counted from when it became
     * overdue (for a baseline overdue from an early infusion start: from that start), never "due in"; one open for
     * rating before its due time (a baseline opens at the baseline step, its due time is the capsule + the lead) reads
     * "open now, due by 10:45", never "due in 45 min", which would tell the nurse to wait; one past its due time but
     * inside the protocol's window (the station has not made it overdue) "due since 10:45", never "overdue"; one open
     * without a due time yet (a baseline before the capsule) "open now"; any other one {@link #due(Instant, Instant)} to its
     * due time. Empty for one scheduled without a due time.
     */
    public static String due(Prompt p, Instant now) {
        if (p.state() == PromptState.OVERDUE) {
            Instant since = p.overdueSince().or(p::due).orElse(now);
            return get("due.overdue", Math.max(1, minutesRoundedUp(Math.max(0, Duration.between(since, now).toSeconds()))));
        }
        if (p.state() == PromptState.DUE && p.due().filter(d -> Duration.between(now, d).toSeconds() >= 60).isPresent()) {
            return get("due.openBy", clock(p.due().get()));
        }
        // past its due time but inside the protocol's window: the station does not call it overdue, nor does the screen
        if (p.state() == PromptState.DUE && p.due().filter(d -> Duration.between(d, now).toSeconds() >= 60).isPresent()) {
            return get("due.since", clock(p.due().get()));
        }
        if (p.state() == PromptState.DUE && p.due().isEmpty()) {
            return get("due.open"); // open before its due time is known (a baseline before the capsule): never a bare "Ratings at Baseline:"
        }
        return p.due().map(d -> due(d, now)).orElse("");
    }

    /**
     * A time point not due, in staff words with the station's reason: "Not due: infusion ended early at T+26 min"
     * (the station's "T+26" read as staff read time points).
     */
    public static String notDue(Prompt p) {
        return p.notDueReason().map(r -> get("prompt.notDue", r.replaceAll("T\\+(\\d+)$", "T+$1 min"))).orElse(of("prompt", p.state()));
    }

    /**
     * A time point's state in staff words; one without a time yet says what it waits for ("Waiting for the end of the
     * infusion"), from the anchor its time counts from.
     */
    public static String state(Prompt p) {
        if (p.state() == PromptState.WAITING && p.waitingFor().isPresent()) {
            return get("prompt.waitingFor." + p.waitingFor().get().name());
        }
        return of("prompt", p.state());
    }

    private static long minutesRoundedUp(long seconds) {
        return (seconds + 59) / 60;
    }

    /** How long ago, e.g. "40 s ago", "3 min ago", "1 h 5 min ago". */
    public static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return get("ago.seconds", s);
        }
        if (s < 3600) {
            return get("ago.minutes", s / 60);
        }
        return get("ago.hours", s / 3600, s / 60 % 60);
    }

    /** Minutes and seconds, e.g. "17:32", or "1:05:09" beyond an hour. */
    public static String minutes(Duration d) {
        long s = Math.abs(d.toSeconds());
        String sign = d.isNegative() ? "-" : "";
        return s >= 3600 ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
    }

    /** A volume or rate with one decimal. */
    public static String decimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
