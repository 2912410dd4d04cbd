package org.openinfusion.station.clinical.session;

/**
 * Study subject codes only (e.g. {@code KET-014}): upper-case letters, digits and dashes with at
 * least one digit, so a name cannot be typed in by mistake.
 */
public final class SubjectCode {
    private SubjectCode() {
    }

    public static void require(String code) {
        if (code == null || !code.matches("[A-Z0-9-]{2,20}") || !code.matches(".*\\d.*")) {
            throw new IllegalArgumentException("subject code must be 2-20 upper-case letters, digits or dashes with a digit "
                    + "(a study code such as KET-014, never a name)");
        }
    }
}
