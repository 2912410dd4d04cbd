package org.openinfusion.station.config;

/**
 * Where the station stands in the study (docs/configuration.md): the exports' SDTM DM SITEID and COUNTRY.
 *
 * @param siteId  the study site's identifier (1-20 letters, digits, '-' or '_'); empty when not configured
 * @param country the site's country as an ISO 3166-1 alpha-3 code (e.g. "FRA"), as SDTM's COUNTRY wants it; empty when not
 *                configured
 */
public record SiteConfig(String siteId, String country) {
    public static final SiteConfig NONE = new SiteConfig("", "");

    static SiteConfig from(Settings s) {
        String site = s.string("study.siteId").strip();
        if (!site.isEmpty() && !site.matches("[A-Za-z0-9_-]{1,20}")) {
            throw s.error("study.siteId", "must be 1-20 letters, digits, '-' or '_' (or empty)");
        }
        String country = s.string("study.country").strip();
        if (!country.isEmpty() && !country.matches("[A-Z]{3}")) {
            throw s.error("study.country", "must be an ISO 3166-1 alpha-3 code in capitals, e.g. FRA (or empty)");
        }
        return new SiteConfig(site, country);
    }
}
