package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A rescue or concomitant medication given during the session on a physician's order: drug, dose and unit, route, when,
 * by whom and ordered by whom (the CDISC SDTM CM domain's CMTRT, CMDOSE, CMDOSU, CMROUTE, CMSTDTC). Pure.
 *
 * @param rescue true for a rescue medication (e.g. for a hypertension or emergence reaction), false for a concomitant one
 */
public record Medication(String drug, double dose, String unit, String route, Instant givenAt, String givenBy, String orderedBy,
                         boolean rescue) {
    public Medication {
        drug = SessionText.required(drug, "a medication needs the drug's name", 100);
        if (!(dose > 0) || Double.isInfinite(dose)) {
            throw new IllegalArgumentException("a medication's dose must be a positive number");
        }
        unit = SessionText.required(unit, "a medication needs a dose unit (e.g. mg)", 20);
        route = SessionText.required(route, "a medication needs a route (e.g. oral, IV)", 40);
        Objects.requireNonNull(givenAt, "a medication needs the time it was given");
        givenBy = SessionText.required(givenBy, "a medication needs who gave it", 64);
        orderedBy = SessionText.required(orderedBy, "medication is given only on a physician's order: name who ordered it", 64);
    }
}
