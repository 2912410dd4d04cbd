package org.openinfusion.dashboard.users;

import java.util.Locale;

/** What a station user may do. Full enforcement per view is issue 6; nurse views need NURSE or ADMIN. */
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
