package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * What an export reads.
 *
 * @param history a verified audit trail read back (e.g. {@code HistoryReader.history(file)}), possibly of several
 *     sessions
 * @param sessionId the session to export; empty exports every session in {@code history}
 * @param series the time-series store; needed by the vitals and VS exports only, may be null for the others
 * @param instruments the rating instruments the ratings were recorded with
 * @param protocols where the sessions' protocols are looked up (by id and version)
 * @param among when {@code sessionId} is empty and this is not: export only these sessions. Give the whole trail
 *     in {@code history} anyway: a subject's crossover period is counted over every session of the trail
 * @param site the study site (SDTM DM SITEID and COUNTRY); {@link StudySite#UNKNOWN} leaves them empty
 * @param window for edf-plus: the time window to write; null writes the whole session (creation to close)
 */
public record ExportRequest(AuditHistory history, Optional<String> sessionId, TimeSeriesReader series,
                            InstrumentCatalog instruments, ProtocolCatalog protocols, Set<String> among, StudySite site,
                            Window window) {
    /** A time window, {@code from} (inclusive) to {@code to}, station times. */
    public record Window(Instant from, Instant to) {
        public Window {
            if (from == null || to == null) {
                throw new IllegalArgumentException("a time window needs a start and an end");
            }
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("a time window ends after it starts: " + from + " to " + to);
            }
        }
    }

    public ExportRequest {
        site = site == null ? StudySite.UNKNOWN : site;
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(protocols, "protocols");
        among = among == null ? Set.of() : Set.copyOf(among);
    }

    /** As the canonical constructor, the whole session. */
    public ExportRequest(AuditHistory history, Optional<String> sessionId, TimeSeriesReader series, InstrumentCatalog instruments,
                         ProtocolCatalog protocols, Set<String> among, StudySite site) {
        this(history, sessionId, series, instruments, protocols, among, site, null);
    }

    /** As the canonical constructor, the site unknown, the whole session. */
    public ExportRequest(AuditHistory history, Optional<String> sessionId, TimeSeriesReader series, InstrumentCatalog instruments,
                         ProtocolCatalog protocols, Set<String> among) {
        this(history, sessionId, series, instruments, protocols, among, StudySite.UNKNOWN, null);
    }

    /** One session ({@code sessionId}) or every session in {@code entries}, a verified trail. */
    public ExportRequest(List<AuditEntry> entries, Optional<String> sessionId, TimeSeriesReader series,
                         InstrumentCatalog instruments, ProtocolCatalog protocols) {
        this(HistoryReader.history(entries), sessionId, series, instruments, protocols, Set.of());
    }

    /** The same request written at {@code site}. */
    public ExportRequest at(StudySite site) {
        return new ExportRequest(history, sessionId, series, instruments, protocols, among, site, window);
    }

    /** The same request for the time window {@code window} (edf-plus); null: the whole session. */
    public ExportRequest during(Window window) {
        return new ExportRequest(history, sessionId, series, instruments, protocols, among, site, window);
    }
}
