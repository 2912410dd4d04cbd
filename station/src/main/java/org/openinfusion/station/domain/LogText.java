package org.openinfusion.station.domain;

/**
 * Makes a value taken from the network (an MQTT topic, a SenML name, a device's text) safe to put in a log line: a
 * backslash is doubled, CR, LF and tab are written as {@code \r}, {@code \n}, {@code \t}, any other control
 * character and the Unicode line and paragraph separators as {@code \\uXXXX}, and the result is cut at
 * {@value #MAX} characters (marked with "..."). So a value can never start a forged log line or hide what follows.
 */
public final class LogText {
    /** The longest value written to a log line. */
    public static final int MAX = 120;

    private LogText() {
    }

    /** The value escaped and cut for a log line; {@code "null"} for null. */
    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (out.length() >= MAX && out.length() < escapedLength(s)) {
            out.setLength(MAX);
            out.append("...");
        }
        return out.toString();
    }

    private static int escapedLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c == '\\' || c == '\r' || c == '\n' || c == '\t' ? 2
                    : Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? 6 : 1;
        }
        return n;
    }
}
