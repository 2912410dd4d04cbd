package org.openinfusion.dashboard.review;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.Signature;

/**
 * How the review pages write date-times (in the site's time zone, {@link Text#zone()}, with the zone's name; the record
 * and the exports keep UTC), signatures and figures.
 */
final class ReviewFormat {
    private ReviewFormat() {
    }

    /** e.g. 2026-11-22 15:03 CET; "-" for none. */
    static String dateTime(Instant t) {
        return t == null ? "-" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH).withZone(Text.zone()).format(t);
    }

    /** e.g. 15:03:07, in the site's zone (see {@link #zoneName}). */
    static String time(Instant t) {
        return t == null ? "-" : DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Text.zone()).format(t);
    }

    /**
     * An event's title in staff words: time point ids as staff name them ("t26: due" reads "T+26 min: due", "CADSS at t40"
     * reads "CADSS at T+40 min", "VAS at baseline" reads "VAS at Baseline"), times in the site's zone.
     */
    static String title(SessionRecord.TimelineEvent e) {
        String t = e.title();
        if (e.category() == SessionRecord.Category.PROMPT) {
            int colon = t.indexOf(':');
            return colon < 1 ? t : Text.timePoint(t.substring(0, colon)) + t.substring(colon);
        }
        return staff(t);
    }

    /**
     * An event's detail in staff words: a rating of an instrument without a total (VAS), which the station details as
     * "no total", points to its values in the ratings list instead; the station's UTC times read in the site's zone.
     */
    static String detail(SessionRecord.TimelineEvent e) {
        String d = e.detail();
        if (d != null && e.category() == SessionRecord.Category.RATING && d.startsWith(NO_TOTAL)) {
            return Text.get("review.noTotalDetail") + staff(d.substring(NO_TOTAL.length()));
        }
        if (!e.unmet().isEmpty()) {
            return Text.get("review.override.detail", String.join("; ", e.unmet().stream().map(Text::criterionLine).toList()), staff(d));
        }
        if (d != null && e.category() == SessionRecord.Category.SESSION && d.startsWith(UNMET) && d.contains(REASON)) {
            return overrideInWords(d);
        }
        return staff(d);
    }

    private static final String UNMET = "unmet: ";
    private static final String REASON = "; reason: ";

    /**
     * A discharge override written before its unmet criteria were kept as data ("unmet: scheduled ratings: still to
     * rate or mark not assessed: baseline, t20; reason: ..."): its time points named as staff name them.
     */
    private static String overrideInWords(String d) {
        int reason = d.indexOf(REASON);
        List<String> lines = List.of(d.substring(UNMET.length(), reason).split("; "));
        return Text.get("review.override.detail", String.join("; ", lines.stream().map(Text::criterionDetail).toList()),
                staff(d.substring(reason + 2)));
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");
    private static final Pattern TIME_POINT = Pattern.compile("(?<= at )(t\\d+|baseline|[a-z]+(?:-[a-z0-9]+)+)\\b");

    /**
     * The station's text as staff read it: each UTC instant it writes (e.g. "2026-12-05T05:53:08.287Z") as the clock time
     * in the site's zone ("06:53:08 CET"), each time point id after "at" as staff name it ("at T+40 min").
     */
    static String staff(String text) {
        if (text == null) {
            return null;
        }
        String out = INSTANT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(timeWithZone(Instant.parse(m.group()))));
        return TIME_POINT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(Text.timePoint(m.group(1))));
    }

    private static final String NO_TOTAL = "no total";

    /** A clock time with its zone, e.g. "15:03:07 CET". */
    static String timeWithZone(Instant t) {
        return t == null ? "-" : time(t) + " " + zoneName(t);
    }

    /** The site zone's short name at that moment, e.g. "CET" or "CEST". */
    static String zoneName(Instant t) {
        return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(Text.zone()).format(t);
    }

    /** Minutes from the timeline's zero, e.g. "T+40.0 min" or "T-12.5 min". */
    static String fromStart(Instant t, Instant zero) {
        if (t == null || zero == null) {
            return "";
        }
        double min = Math.round(Duration.between(zero, t).toMillis() / 6_000.0) / 10.0;
        return String.format(Locale.ROOT, "T%s%.1f min", min < 0 ? "-" : "+", Math.abs(min));
    }

    /** 21 CFR 11.50: printed name, date-time and meaning, e.g. "Approved by Dr A Ng 2026-11-22 15:03 CET". */
    static String signature(Signature s) {
        return Text.get("review.signature", s.meaning().label(), s.printedName(), dateTime(s.at()));
    }

    /** The list's signature column: the last signature, and whether the record changed since. */
    static String signatureStatus(SessionListing l) {
        if (l.lastSignature() == null) {
            return Text.get("review.notSigned");
        }
        return signature(l.lastSignature()) + (l.amendedSinceSigned() ? Text.get("review.amendedSinceSigned") : "");
    }

    /** A cuff reading, e.g. "128/82 mmHg at 15:03:07 CET". */
    static String bloodPressure(SessionRecord.BloodPressure bp) {
        return bp == null ? "-" : String.format(Locale.ROOT, "%.0f/%.0f mmHg at %s", bp.systolic(), bp.diastolic(), timeWithZone(bp.at()));
    }

    /**
     * The protocol as staff read it: its file's title with the version ("Ketamine 0.5 mg/kg IV over 40 min ... (version 2)"),
     * never its id; without a protocol file on this station, the id in words with a note that the file is missing.
     */
    static String protocol(SessionListing l) {
        return protocol(l.protocolTitle(), l.protocolId(), l.protocolVersion());
    }

    static String protocol(String title, String id, int version) {
        if (title != null && !title.isBlank()) {
            return Text.get("review.protocol", title, version);
        }
        String words = id.replace('-', ' ').replace('_', ' ');
        return Text.get("review.protocolNoFile", Character.toUpperCase(words.charAt(0)) + words.substring(1), version);
    }

    /** An instrument's label, or its short form as staff name it when not the full one, e.g. "CADSS" or "CADSS-6". */
    static String form(String label, String instrumentId, String form) {
        return form == null || form.isBlank() || form.equalsIgnoreCase(instrumentId) ? label : Text.form(form);
    }

    /** An event's kind as staff read it ("Alarm", "Rating prompt", "Adverse event"): {@code review.category.<NAME>}. */
    static String category(SessionRecord.Category c) {
        return Text.orElse("review.category." + c.name(), words(c));
    }

    static String words(Enum<?> e) {
        String s = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
