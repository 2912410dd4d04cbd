package org.openinfusion.dashboard.bed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the bedside writes durations, volumes and clock times. */
final class Format {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private Format() {
    }

    /** e.g. 17:32 (minutes:seconds), or 1:05:09 beyond an hour. */
    static String minutes(Duration d) {
        long s = Math.abs(d.toSeconds());
        String sign = d.isNegative() ? "-" : "";
        return s >= 3600 ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
    }

    static String ml(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String clock(Instant t) {
        return CLOCK.format(t);
    }

    static String words(Enum<?> e) {
        String s = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
