package org.openinfusion.station.clinical.export;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.ShortForm;

/**
 * Sponsor-defined SDTM codes for the rating instruments (no CDISC terminology exists for CADSS or PSI, and the
 * BPRS+ form does not ship the BPRS-18 item numbers CDISC's codes need). Test codes are at most 8 characters, upper
 * case letters and digits, never starting with a digit: a prefix of at most 5 characters from the instrument's
 * label ("CADSS", "BPRS+" gives "BPRSP", "MOAA/S" gives "MOAAS") plus the item number on two digits (CADSS07), or
 * plus "TOT" for the total (CADSSTOT); a short form's total is its id plus "T" (CADSS6T).
 */
final class SdtmCodes {
    static final Pattern TEST_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,7}");
    private static final int TEST_LENGTH = 40;

    private SdtmCodes() {
    }

    /** RS for instruments whose every item is rated by an observer (BPRS+, MOAA/S), QS when the subject rates any. */
    static String domain(Instrument i) {
        return i.items().stream().allMatch(item -> item.rater() == Rater.OBSERVER) ? "RS" : "QS";
    }

    static String category(Instrument i) {
        return i.label().toUpperCase(Locale.ROOT);
    }

    static String itemCode(Instrument i, Item item) {
        return check(prefix(i) + (item.number() < 10 ? "0" : "") + item.number(), i);
    }

    static String itemTest(Instrument i, Item item) {
        return test(itemLabel(i, item));
    }

    /** The item's public name (BPRS, VAS) or a placeholder such as "CADSS item 7": never licensed wording. */
    static String itemLabel(Instrument i, Item item) {
        return item.publicName() != null ? item.publicName() : i.label() + " item " + item.number();
    }

    /** The total's code: of the full form, or of the short form {@code shortFormId}. */
    static String totalCode(Instrument i, String shortFormId) {
        return shortFormId == null ? check(prefix(i) + "TOT", i) : check(letters(shortFormId, 7) + "T", i);
    }

    static String totalTest(Instrument i, String shortFormId) {
        return test((shortFormId == null ? i.label() : i.shortForm(shortFormId).map(ShortForm::name).orElse(shortFormId))
                + " total");
    }

    private static String prefix(Instrument i) {
        return letters(i.label().replace("+", "P"), 5);
    }

    private static String letters(String text, int max) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "X" + s;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String check(String code, Instrument i) {
        if (!TEST_CODE.matcher(code).matches()) {
            throw new IllegalStateException("instrument " + i.id() + " gives the test code '" + code
                    + "', not 1-8 upper-case letters and digits starting with a letter");
        }
        return code;
    }

    private static String test(String name) {
        return name.length() > TEST_LENGTH ? name.substring(0, TEST_LENGTH) : name;
    }
}
