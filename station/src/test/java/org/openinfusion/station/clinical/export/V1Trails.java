package org.openinfusion.station.clinical.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.port.TimeSeriesReader;

/**
 * Audit files written by the station before the typed session history (format v1, under src/test/resources/audit)
 * and every export made from them by that code (under audit/v1-exports/): the record a changed reader must match
 * byte for byte. {@link #main} (and review.V1ReviewTrail, review.V1ReviewRecords) wrote them once, from main at commit
 * 9de50b2; run again, it would overwrite them with what the current code makes. A deliberate format change rewrites
 * only its own files with {@link #writeExports} for both trails (never {@link #main}, which records a new trail): the
 * REDCap files were so rewritten for issue 16 (one project dictionary, repeat rows, {@code <form>_complete}, events,
 * designations and repeating-instrument files), and again in session 6 for the subject's demographics form
 * ({@code record_id} and {@code age}, designated to the first event); QS/RS and then VS gained the VISITDY
 * column (no row changed otherwise).
 */
public final class V1Trails {
    static final Path RESOURCES = Path.of("src/test/resources/audit");
    /** The shared export trail: a full session signed, amended and unblinded, and the subject's second session. */
    static final String SESSION_FILE = "v1-session.jsonl";
    /** The review scenario: alarms, a deviation, pauses, a real signature, an amendment, sign-ins and an export. */
    public static final String REVIEW_FILE = "v1-review.jsonl";
    static final Clock EVENING = Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC);

    private V1Trails() {
    }

    /** The entries of a committed v1 file, read and verified as the station reads any audit file. */
    public static List<AuditEntry> read(String file) {
        try {
            return AuditReader.readVerified(resource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resource(String file) {
        return RESOURCES.resolve(file);
    }

    /**
     * Every export of the file: each format for each session and for all sessions, by file name. The vitals formats
     * only when a store is given.
     */
    static Map<String, byte[]> exports(List<AuditEntry> entries, TimeSeriesReader series) {
        List<Optional<String>> scopes = new ArrayList<>();
        entries.stream().filter(e -> e.sessionId() != null).map(AuditEntry::sessionId).distinct().map(Optional::of).forEach(scopes::add);
        scopes.add(Optional.empty());
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Optional<String> scope : scopes) {
            for (ExportFormat format : ExportFormat.values()) {
                if ((format.readsTimeSeries() && series == null) || (format == ExportFormat.BUNDLE_JSON && scope.isEmpty())
                        || format == ExportFormat.SDTM_CM || format == ExportFormat.VISITS_CSV || format == ExportFormat.FHIR_JSON || format == ExportFormat.EDF_PLUS
                        || format == ExportFormat.SDTM_SUPPCM || format == ExportFormat.SDTM_SUPPVS) { // added after v1: no file of the old code to compare with
                    continue;
                }
                ExportFile f = Exports.write(format, new ExportRequest(entries, scope, series, InstrumentCatalog.builtIn(),
                        ProtocolCatalog.builtIn()), EVENING);
                out.put(f.fileName(), f.content());
            }
        }
        return out;
    }

    static Path exportsDir(String file) {
        return RESOURCES.resolve("v1-exports").resolve(file.replace(".jsonl", ""));
    }

    /** Writes the v1 export files of the shared trail (run from the station module directory, on the old code). */
    public static void main(String[] args) throws IOException {
        TrailBuilder.Recorded shared = TrailBuilder.shared();
        Files.copy(shared.file(), resource(SESSION_FILE), StandardCopyOption.REPLACE_EXISTING);
        writeExports(SESSION_FILE, TrailBuilder.vitals());
        writeExports(REVIEW_FILE, null);
    }

    static void writeExports(String file, TimeSeriesReader series) throws IOException {
        Path dir = exportsDir(file);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : exports(read(file), series).entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
