package org.openinfusion.station.clinical.export;

import java.util.Arrays;
import java.util.Locale;

/** Every export the station writes, by its command-line name. Formats and columns: docs/exports.md. */
public enum ExportFormat {
    VITALS_CSV("vitals-csv", "text/csv", "vitals.csv"),
    RATINGS_CSV("ratings-csv", "text/csv", "ratings.csv"),
    BUNDLE_JSON("bundle-json", "application/json", "bundle.json"),
    REDCAP_DICTIONARY("redcap-dictionary", "text/csv", "redcap-dictionary.csv"),
    REDCAP_IMPORT("redcap-import", "text/csv", "redcap-import.csv"),
    REDCAP_EVENTS("redcap-events", "text/csv", "redcap-events.csv"),
    REDCAP_DESIGNATIONS("redcap-designations", "text/csv", "redcap-designations.csv"),
    REDCAP_REPEATING("redcap-repeating", "text/csv", "redcap-repeating.csv"),
    SDTM_DM("sdtm-dm", "text/csv", "dm.csv"),
    SDTM_TS("sdtm-ts", "text/csv", "ts.csv"),
    SDTM_VS("sdtm-vs", "text/csv", "vs.csv"),
    /** VS's sponsor qualifiers: the source of each vital sign recorded at a rating visit (by hand or from a monitor). */
    SDTM_SUPPVS("sdtm-suppvs", "text/csv", "suppvs.csv"),
    SDTM_RS("sdtm-rs", "text/csv", "rs.csv"),
    SDTM_QS("sdtm-qs", "text/csv", "qs.csv"),
    SDTM_EC("sdtm-ec", "text/csv", "ec.csv"),
    SDTM_SUPPEC("sdtm-suppec", "text/csv", "suppec.csv"),
    SDTM_AE("sdtm-ae", "text/csv", "ae.csv"),
    /** Medications given on order, as staff recorded them (also in the XPT package, with SUPPCM). */
    SDTM_CM("sdtm-cm", "text/csv", "cm.csv"),
    SDTM_SUPPAE("sdtm-suppae", "text/csv", "suppae.csv"),
    /** Every SDTM data set as SAS XPORT v5 files with a define.xml, in one ZIP. */
    SDTM_XPT("sdtm-xpt", "application/zip", "sdtm-xpt.zip"),
    AUDIT_CSV("audit-csv", "text/csv", "audit.csv"),
    /** The subject-level summary of study visits: per visit, measures, change from baseline, response (docs/visits.md). */
    VISITS_CSV("visits-csv", "text/csv", "visits.csv"),
    /** One session as an HL7 FHIR R4 Bundle (JSON). */
    FHIR_JSON("fhir-json", "application/fhir+json", "fhir.json"),
    /** The waveforms of one session's bed (ECG leads, pleth, capnogram) with its events as annotations, EDF+. */
    EDF_PLUS("edf-plus", "application/octet-stream", "waveforms.edf"),
    /** CM's sponsor qualifiers: who gave and who ordered each medication, its audit entry. */
    SDTM_SUPPCM("sdtm-suppcm", "text/csv", "suppcm.csv");

    private final String key;
    private final String mediaType;
    private final String fileSuffix;

    ExportFormat(String key, String mediaType, String fileSuffix) {
        this.key = key;
        this.mediaType = mediaType;
        this.fileSuffix = fileSuffix;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name's end, after the session or study prefix, e.g. "vitals.csv". */
    public String fileSuffix() {
        return fileSuffix;
    }

    /** True for the formats that are of one session (a session id is required). */
    public boolean oneSession() {
        return this == BUNDLE_JSON || this == FHIR_JSON || this == EDF_PLUS;
    }

    /** True for the formats that read values from the time-series store (and so need it to answer). */
    public boolean readsTimeSeries() {
        return this == VITALS_CSV || this == SDTM_VS || this == SDTM_SUPPVS || this == SDTM_XPT || this == FHIR_JSON || this == EDF_PLUS;
    }

    public static ExportFormat parse(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown export format '" + key + "'; one of "
                        + Arrays.stream(values()).map(ExportFormat::key).toList()));
    }
}
