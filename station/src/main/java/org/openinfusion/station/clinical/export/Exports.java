package org.openinfusion.station.clinical.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.StudyVisits;
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
     * @return the file, named as {@link #fileName} says
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
        if (format == ExportFormat.EDF_PLUS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(format, request, clock, out);
            return new ExportFile(fileName(format, request), format.mediaType(), out.toByteArray());
        }
        refuseWindow(format, request);
        Trail trail = new Trail(request.history());
        Instant now = clock.instant();
        byte[] content = switch (format) {
            case SDTM_XPT -> SdtmPackage.zip(sdtm(trail, request, now), now);
            case FHIR_JSON -> FhirBundle.bytes(one(format, trail, request), store(format, request), request.instruments(),
                    request.protocols(), now);
            default -> text(format, trail, request, now).getBytes(StandardCharsets.UTF_8);
        };
        return new ExportFile(fileName(format, request), format.mediaType(), content);
    }

    /**
     * Writes the export to {@code out}. EDF+ is written as the store is read, a minute at a time, so its memory does
     * not grow with the window's length; every other format is written whole first ({@link #write(ExportFormat,
     * ExportRequest, Clock)}). Throws as that method does, and {@link UncheckedIOException} when {@code out} fails.
     */
    public static void write(ExportFormat format, ExportRequest request, Clock clock, OutputStream out) {
        if (format != ExportFormat.EDF_PLUS) {
            try {
                out.write(write(format, request, clock).content());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        SessionTrail s = one(format, new Trail(request.history()), request);
        ExportRequest.Window w = request.window();
        EdfPlus.write(out, s, store(format, request), w == null ? s.createdAt() : w.from(),
                w == null ? VitalsCsv.end(s, clock.instant()) : w.to());
    }

    /**
     * The suggested file name: {@code <subject>-<day>-<visit>-<format suffix>} for one session ({@link ExportNames}, e.g.
     * {@code KET-101-2026-12-05-infusion-vitals.csv}; never the session's internal id, a patient name or an arm), or
     * {@code all-sessions-<format suffix>}; with the window's start ({@code 20261122T091950Z}) before the suffix when
     * the request is of a time window.
     */
    public static String fileName(ExportFormat format, ExportRequest request) {
        String window = request.window() == null ? "" : WINDOW_NAME.format(request.window().from()) + "-";
        return request.sessionId().map(id -> ExportNames.of(request.history(), request.site().zone(), id)).orElse("all-sessions") + "-" + window
                + format.fileSuffix();
    }

    private static final DateTimeFormatter WINDOW_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static void refuseWindow(ExportFormat format, ExportRequest request) {
        if (request.window() != null) {
            throw new IllegalArgumentException(format.key() + " is of whole sessions: a time window is for "
                    + ExportFormat.EDF_PLUS.key() + " only");
        }
    }

    private static String text(ExportFormat format, Trail trail, ExportRequest request, Instant now) {
        return switch (format) {
            case VITALS_CSV -> VitalsCsv.write(sessions(trail, request), store(format, request), now);
            case RATINGS_CSV -> RatingsCsv.write(trail.entries(request.sessionId(), request.among()), request.history());
            case BUNDLE_JSON -> SessionBundle.write(request.sessionId().orElseThrow(() -> new IllegalArgumentException(
                    "a session bundle is of one session: give its id")), trail, request.protocols());
            case REDCAP_DICTIONARY -> RedcapDictionary.write(forms(request));
            case REDCAP_IMPORT -> RedcapImport.write(project(trail, request));
            case REDCAP_EVENTS -> RedcapImport.events(project(trail, request));
            case REDCAP_DESIGNATIONS -> RedcapImport.designations(project(trail, request));
            case REDCAP_REPEATING -> RedcapImport.repeating(project(trail, request));
            case SDTM_DM -> SdtmDm.dm(sessions(trail, request), request.site()).toString();
            case SDTM_TS -> SdtmDm.ts(sessions(trail, request), request.protocols(), now).toString();
            case SDTM_VS -> SdtmVs.tables(sessions(trail, request), store(format, request), request.protocols(), now, followUps(request)).parent()
                    .toString();
            case SDTM_SUPPVS -> SdtmVs.tables(sessions(trail, request), store(format, request), request.protocols(), now, followUps(request)).supp()
                    .toString();
            case SDTM_RS -> SdtmRatings.table("RS", sessions(trail, request), request.instruments(), request.protocols(), followUps(request))
                    .toString();
            case SDTM_QS -> SdtmRatings.table("QS", sessions(trail, request), request.instruments(), request.protocols(), followUps(request))
                    .toString();
            case SDTM_EC -> SdtmEc.tables(sessions(trail, request), request.protocols()).parent().toString();
            case SDTM_SUPPEC -> SdtmEc.tables(sessions(trail, request), request.protocols()).supp().toString();
            case SDTM_AE -> SdtmAe.tables(sessions(trail, request), request.protocols(), followUps(request)).parent().toString();
            case SDTM_SUPPAE -> SdtmAe.tables(sessions(trail, request), request.protocols(), followUps(request)).supp().toString();
            case SDTM_CM -> SdtmCm.tables(sessions(trail, request)).parent().toString();
            case SDTM_SUPPCM -> SdtmCm.tables(sessions(trail, request)).supp().toString();
            case AUDIT_CSV -> AuditCsv.write(trail.entries(request.sessionId(), request.among()));
            case VISITS_CSV -> visits(request, now);
            case SDTM_XPT, FHIR_JSON, EDF_PLUS -> throw new IllegalStateException("not written as text here");
        };
    }

    /** Every SDTM data set of the request, by name. */
    private static Map<String, Csv> sdtm(Trail trail, ExportRequest request, Instant now) {
        List<SessionTrail> sessions = sessions(trail, request);
        Map<String, Csv> all = new LinkedHashMap<>();
        all.put("TS", SdtmDm.ts(sessions, request.protocols(), now));
        all.put("DM", SdtmDm.dm(sessions, request.site()));
        Sdtm.Parts ec = SdtmEc.tables(sessions, request.protocols());
        all.put("EC", ec.parent());
        all.put("SUPPEC", ec.supp());
        Sdtm.Parts ae = SdtmAe.tables(sessions, request.protocols(), followUps(request));
        all.put("AE", ae.parent());
        all.put("SUPPAE", ae.supp());
        Sdtm.Parts vs = SdtmVs.tables(sessions, store(ExportFormat.SDTM_XPT, request), request.protocols(), now, followUps(request));
        all.put("VS", vs.parent());
        all.put("SUPPVS", vs.supp());
        all.put("QS", SdtmRatings.table("QS", sessions, request.instruments(), request.protocols(), followUps(request)));
        all.put("RS", SdtmRatings.table("RS", sessions, request.instruments(), request.protocols(), followUps(request)));
        Sdtm.Parts cm = SdtmCm.tables(sessions);
        all.put("CM", cm.parent());
        all.put("SUPPCM", cm.supp());
        return all;
    }

    /** The rating visits' ratings go into whole-trail exports only (a session's export is that session's). */
    private static Optional<StudyVisits> followUps(ExportRequest request) {
        return request.sessionId().isEmpty() && request.among().isEmpty() ? Optional.of(VisitSummaryCsv.visits(request)) : Optional.empty();
    }

    /** The visit summary of every enrolled subject, or of the subject of the session (or rating visit) asked for. */
    private static String visits(ExportRequest request, Instant now) {
        var visits = VisitSummaryCsv.visits(request);
        Optional<String> subject = request.sessionId().map(id -> request.history()
                .session(new SessionId(id))
                .map(h -> h.created().subjectCode() + "\n" + h.created().protocolId())
                .or(() -> visits.visit(id).map(v -> v.started().subject() + "\n" + v.started().protocolId()))
                .orElseThrow(() -> new IllegalArgumentException("no session or visit " + id + " in the audit trail")));
        return VisitSummaryCsv.write(visits, f -> subject.map(s -> s.equals(f.subject() + "\n" + f.protocolId())).orElse(true),
                request.protocols(), LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /** The one session a format of one session is written for; @throws IllegalArgumentException when none is given */
    private static SessionTrail one(ExportFormat format, Trail trail, ExportRequest request) {
        return trail.select(Optional.of(request.sessionId().orElseThrow(() -> new IllegalArgumentException(
                format.key() + " is of one session: give its id"))), Set.of()).getFirst();
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
        return RedcapProject.of(sessions(trail, request), forms(request), request.instruments(), request.protocols(), followUps(request));
    }

    private static TimeSeriesReader store(ExportFormat format, ExportRequest request) {
        if (request.series() == null) {
            throw new IllegalArgumentException(format.key() + " reads the time-series store: none was given");
        }
        return request.series();
    }
}
