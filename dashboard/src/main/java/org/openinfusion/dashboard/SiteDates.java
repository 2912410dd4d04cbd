package org.openinfusion.dashboard;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Calendar days as staff read them everywhere on the dashboard: "5 Dec 2026" (the grids' "5 Dec" with its year), never
 * the browser's own locale ("12/5/2026" reads as 12 May at most sites). A date picker shows and parses that format, and
 * also accepts 5/12/2026 (day first) and 2026-12-05 when typed.
 */
public final class SiteDates {
    /** The picker's pattern (date-fns tokens, as Vaadin's date picker reads them) and the same in Java. */
    public static final String PATTERN = "d MMM yyyy";
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN, Locale.ENGLISH);

    private SiteDates() {
    }

    /** A date picker labelled {@code label} that shows and parses the site's format. */
    public static DatePicker picker(String label) {
        DatePicker p = new DatePicker(label);
        p.setLocale(Locale.UK);
        p.setI18n(new DatePicker.DatePickerI18n().setDateFormats(PATTERN, "d/M/yyyy", "yyyy-MM-dd").setFirstDayOfWeek(1));
        return p;
    }
}
