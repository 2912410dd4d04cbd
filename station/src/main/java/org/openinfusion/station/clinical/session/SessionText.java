package org.openinfusion.station.clinical.session;

/** Free text entered by staff: stripped, required, bounded. */
final class SessionText {
    private SessionText() {
    }

    static String required(String text, String missing, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(missing);
        }
        if (t.length() > max) {
            throw new IllegalArgumentException("'" + t.substring(0, 20) + "...' is too long: at most " + max + " characters");
        }
        return t;
    }
}
