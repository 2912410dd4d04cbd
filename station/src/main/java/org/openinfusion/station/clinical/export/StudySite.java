package org.openinfusion.station.clinical.export;

import java.util.Objects;

/**
 * The study site the exports are written at (the station's configuration, study.siteId and study.country): SDTM DM's
 * SITEID and COUNTRY (ISO 3166-1 alpha-3). Empty values are left empty for the sponsor to complete.
 */
public record StudySite(String siteId, String country) {
    public static final StudySite UNKNOWN = new StudySite("", "");

    public StudySite {
        siteId = Objects.requireNonNullElse(siteId, "");
        country = Objects.requireNonNullElse(country, "");
    }
}
