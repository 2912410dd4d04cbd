/**
 * Study visits (docs/visits.md): a subject's timeline across days as the protocol defines it (screening, each crossover
 * period's infusion day and its follow-ups, each with a day window), rating visits, missed and unscheduled visits, and
 * the scores derived across visits (change from the period's own baseline, response, remission). Pure: records and
 * functions over dates; the caller gives the day ("today") and the site's time zone; no I/O.
 */
package org.openinfusion.station.clinical.visit;
