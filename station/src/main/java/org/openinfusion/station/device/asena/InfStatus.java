package org.openinfusion.station.device.asena;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of an {@code INF} response ({@code INF^serial^alarm^mode^rate^rateUnit^?^volume^unit^
 * pressure^unit^timeRemaining^logType^logId}). Text fields are upper-cased; numbers are NaN when
 * empty or unreadable; the serial number is not kept.
 */
public record InfStatus(String alarm, String mode, double rate, String rateUnit, double volumeInfused,
                        String volumeUnit, double pressure, String pressureUnit, String timeRemainingField,
                        Optional<Duration> timeRemaining) {
    public static final int MIN_FIELDS = 12;

    public static InfStatus parse(List<String> f) {
        if (f.size() < MIN_FIELDS) {
            throw new IllegalArgumentException("INF response has " + f.size() + " fields, expected at least " + MIN_FIELDS);
        }
        return new InfStatus(word(f.get(2)), word(f.get(3)), number(f.get(4)), word(f.get(5)), number(f.get(7)),
                word(f.get(8)), number(f.get(9)), word(f.get(10)), f.get(11).trim(), duration(f.get(11)));
    }

    static String word(String s) {
        return s.trim().toUpperCase(Locale.ROOT);
    }

    static double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * {@code H:MM:SS} (hours, minutes below 60, seconds below 60), the only form seen in a real pump's answer
     * (docs/asena.md, "Time remaining"); empty when absent or in any other form (a bare number, {@code H:MM}),
     * whose unit no public source settles.
     */
    static Optional<Duration> duration(String s) {
        String[] p = s.trim().split(":", -1);
        if (p.length != 3 || !p[0].matches("\\d{1,4}") || !p[1].matches("\\d{2}") || !p[2].matches("\\d{2}")) {
            return Optional.empty();
        }
        int minutes = Integer.parseInt(p[1]);
        int seconds = Integer.parseInt(p[2]);
        if (minutes > 59 || seconds > 59) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofHours(Long.parseLong(p[0])).plusMinutes(minutes).plusSeconds(seconds));
    }

    /** NaN or infinite minutes are unreadable (Math.round would turn NaN into 0 minutes left). */
    private static Optional<Duration> minutes(double m) {
        return Double.isFinite(m) ? Optional.of(Duration.ofMillis(Math.round(m * 60_000))) : Optional.empty();
    }
}
