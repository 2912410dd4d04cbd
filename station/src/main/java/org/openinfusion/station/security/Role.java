package org.openinfusion.station.security;

import java.util.Locale;

/** What a member of staff may do is decided by their role alone ({@link Permission#allows}). */
public enum Role {
    NURSE,
    PHYSICIAN,
    ENGINEER,
    ADMIN;

    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be one of nurse, physician, engineer, admin; got '" + text + "'");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
