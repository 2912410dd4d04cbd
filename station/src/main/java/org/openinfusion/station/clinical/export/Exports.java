package org.openinfusion.station.clinical.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openinfusion.station.clinical.port.TimeSeriesReader;

/**
 * Writes any {@link ExportFormat} from a verified audit trail (and, for vitals, the time-series store). Formats,
 * columns and rules: docs/exports.md. No export holds an arm: the trail has none, and an unblinding shows only as
 * "UNBLINDED: see randomisation list, kit K" in the exposure file.
 */
public final class Exports {
    private Exports() {
    }

    /**
     * @return the file, named {@code <session id or "all-sessions">-<format suffix>}
     * @throws IllegalArgumentException when the session is not in the trail, its protocol is not in the catalog, or a
     *     vitals export is asked for without a store
     * @throws java.util.NoSuchElementException when a rating names an instrument the catalog does not hold
     * @throws TimeSeriesReader.StoreUnavailableException when the store does not answer
     */
    public static ExportFile write(ExportFormat format, ExportRequest request) {
        return write(format, request, Clock.systemUTC());
    }

    /** As {@link #write(ExportFormat, ExportRequest)}; {@code clock} ends the vitals window of a session still open. */
    public static ExportFile write(ExportFormat format, ExportRequest request, Clock clock) {
        Trail trail = new Trail(request.history());
        Instant now = clock.instant();
        String text = switch (format) {
            case VITALS_CSV -> VitalsCsv.write(sessions(trail, request), store(format, request), now);
            case RATINGS_CSV -> RatingsCsv.write(trail.entries(request.sessionId(), request.among()), request.history());
            case BUNDLE_JSON -> SessionBundle.write(request.sessionId().orElseThrow(() -> new IllegalArgumentException(
                    "a session bundle is of one session: give its id")), trail, request.protocols());
            case REDCAP_DICTIONARY -> RedcapDictionary.write(forms(request));
            case REDCAP_IMPORT -> RedcapImport.write(project(trail, request));
            case REDCAP_EVENTS -> RedcapImport.events(project(trail, request));
            case REDCAP_DESIGNATIONS -> RedcapImport.designations(project(trail, request));
            case REDCAP_REPEATING -> RedcapImport.repeating(project(trail, request));
            case SDTM_VS -> SdtmVs.write(sessions(trail, request), store(format, request), request.protocols(), now);
            case SDTM_RS -> SdtmRatings.write("RS", sessions(trail, request), request.instruments(), request.protocols());
            case SDTM_QS -> SdtmRatings.write("QS", sessions(trail, request), request.instruments(), request.protocols());
            case SDTM_EC -> SdtmEc.write(sessions(trail, request), request.protocols());
            case SDTM_AE -> SdtmAe.write(sessions(trail, request));
            case AUDIT_CSV -> AuditCsv.write(trail.entries(request.sessionId(), request.among()));
        };
        return new ExportFile(request.sessionId().orElse("all-sessions") + "-" + format.fileSuffix(), format.mediaType(),
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<SessionTrail> sessions(Trail trail, ExportRequest request) {
        return trail.select(request.sessionId(), request.among());
    }

    /**
     * The REDCap forms: every instrument of the catalog, whatever the sessions, since uploading a dictionary replaces
     * the whole project's.
     */
    private static List<RedcapForm> forms(ExportRequest request) {
        return RedcapForm.forms(request.instruments());
    }

    private static RedcapProject project(Trail trail, ExportRequest request) {
        return RedcapProject.of(sessions(trail, request), forms(request), request.instruments(), request.protocols());
    }

    private static TimeSeriesReader store(ExportFormat format, ExportRequest request) {
        if (request.series() == null) {
            throw new IllegalArgumentException(format.key() + " reads the time-series store: none was given");
        }
        return request.series();
    }
}
