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
                        String volumeUnit, double pressure, String pressureUnit, Optional<Duration> timeRemaining) {
    public static final int MIN_FIELDS = 12;

    public static InfStatus parse(List<String> f) {
        if (f.size() < MIN_FIELDS) {
            throw new IllegalArgumentException("INF response has " + f.size() + " fields, expected at least " + MIN_FIELDS);
        }
        return new InfStatus(word(f.get(2)), word(f.get(3)), number(f.get(4)), word(f.get(5)), number(f.get(7)),
                word(f.get(8)), number(f.get(9)), word(f.get(10)), duration(f.get(11)));
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

    /** {@code H:MM:SS}, {@code H:MM}, or a number of minutes; empty when absent or unreadable. */
    static Optional<Duration> duration(String s) {
        String t = s.trim();
        try {
            String[] p = t.split(":");
            return switch (p.length) {
                case 3 -> Optional.of(Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1])).plusSeconds(Long.parseLong(p[2])));
                case 2 -> Optional.of(Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1])));
                default -> t.isEmpty() ? Optional.empty() : minutes(Double.parseDouble(t));
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** NaN or infinite minutes are unreadable (Math.round would turn NaN into 0 minutes left). */
    private static Optional<Duration> minutes(double m) {
        return Double.isFinite(m) ? Optional.of(Duration.ofMillis(Math.round(m * 60_000))) : Optional.empty();
    }
}
