package org.openinfusion.station.clinical.export;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The study site the exports are written at (the station's configuration, study.siteId, study.country and
 * site.timeZone): SDTM DM's SITEID and COUNTRY (ISO 3166-1 alpha-3), and the zone whose calendar day names an export's
 * file, as it names the record's address on the review pages (the exports' times stay UTC). Empty values are left
 * empty for the sponsor to complete.
 */
public record StudySite(String siteId, String country, ZoneId zone) {
    public static final StudySite UNKNOWN = new StudySite("", "");

    public StudySite {
        siteId = Objects.requireNonNullElse(siteId, "");
        country = Objects.requireNonNullElse(country, "");
        zone = Objects.requireNonNullElse(zone, ZoneOffset.UTC);
    }

    /** A site without a configured zone: file names take the UTC day. */
    public StudySite(String siteId, String country) {
        this(siteId, country, ZoneOffset.UTC);
    }
}
