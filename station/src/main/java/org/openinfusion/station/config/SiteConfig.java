package org.openinfusion.station.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What makes this station the site's (docs/configuration.md).
 *
 * @param wording  the site's licensed item wording for the rating instruments (docs/instruments.md, "Site file"); when
 *                 empty, items without public wording show placeholders such as "CADSS item 7"
 * @param timeZone the zone every screen writes clock times and date-times in (the bedside and review), and whose day
 *                 names a record's address and its export files; the record and the times in the exports keep UTC
 * @param siteId   the study site's identifier (1-20 letters, digits, '-' or '_'), the exports' SDTM DM SITEID; empty
 *                 when not configured
 * @param country  the site's country as an ISO 3166-1 alpha-3 code (e.g. "FRA"), SDTM DM's COUNTRY; empty when not
 *                 configured
 */
public record SiteConfig(Optional<Path> wording, ZoneId timeZone, String siteId, String country) {
    static SiteConfig from(Settings s) {
        String file = s.string("site.wording").strip();
        Optional<Path> wording = file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file).toAbsolutePath());
        if (wording.isPresent() && !Files.isReadable(wording.get())) {
            throw s.error("site.wording", "no readable file at " + wording.get());
        }
        String site = s.string("study.siteId").strip();
        if (!site.isEmpty() && !site.matches("[A-Za-z0-9_-]{1,20}")) {
            throw s.error("study.siteId", "must be 1-20 letters, digits, '-' or '_' (or empty)");
        }
        String country = s.string("study.country").strip();
        if (!country.isEmpty() && !country.matches("[A-Z]{3}")) {
            throw s.error("study.country", "must be an ISO 3166-1 alpha-3 code in capitals, e.g. FRA (or empty)");
        }
        String zone = s.string("site.timeZone").strip();
        try {
            return new SiteConfig(wording, zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone), site, country);
        } catch (DateTimeException e) {
            throw s.error("site.timeZone", "not a time zone (use a region such as Europe/Berlin or America/New_York): " + e.getMessage());
        }
    }
}
