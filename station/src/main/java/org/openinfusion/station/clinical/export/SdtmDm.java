package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/**
 * CDISC SDTM DM (demographics) and a minimal TS (trial summary) from what the station knows. DM: one row per USUBJID
 * of the exported sessions, with the reference start (the first infusion start: every --DY is computable from it),
 * end (the last session's close) and first and last exposure; SITEID and COUNTRY from the station's configuration
 * (study.siteId, study.country; empty when not configured); AGE (AGEU "YEARS") the age staff gave at the subject's
 * first session in the export that recorded one (never a birth date; empty when none did); the station records no race
 * or sex (SEX "U", RACE empty for the sponsor to complete) and never the arm (ARM, ARMCD, ACTARM, ACTARMCD "BLINDED"). TS: per study, the trial title (the protocol's title) and the data cutoff (when the export was written).
 */
final class SdtmDm {
    static final List<String> DM_COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC",
            "RFXENDTC", "SITEID", "AGE", "AGEU", "SEX", "RACE", "ARMCD", "ARM", "ACTARMCD", "ACTARM", "COUNTRY");
    static final List<String> TS_COLUMNS = List.of("STUDYID", "DOMAIN", "TSSEQ", "TSPARMCD", "TSPARM", "TSVAL", "TSVALNF",
            "TSVALCD", "TSVCDREF", "TSVCDVER");
    static final String BLINDED = "BLINDED";

    private SdtmDm() {
    }

    static Csv dm(List<SessionTrail> sessions, StudySite site) {
        Csv csv = new Csv(DM_COLUMNS);
        Map<String, List<SessionTrail>> bySubject = new LinkedHashMap<>();
        sessions.forEach(s -> bySubject.computeIfAbsent(Sdtm.usubjid(s), k -> new ArrayList<>()).add(s));
        bySubject.forEach((usubjid, own) -> {
            SessionTrail first = own.getFirst();
            Optional<Instant> start = own.stream().map(SessionTrail::infusionStart).flatMap(Optional::stream).min(Comparator.naturalOrder());
            Optional<Instant> end = own.stream().map(SessionTrail::closedAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
            List<Instant> exposure = own.stream().flatMap(s -> Stream.of(s.pretreatmentAt(), s.infusionStart(), s.infusionEnd()))
                    .flatMap(Optional::stream).sorted().toList();
            OptionalInt age = own.stream().map(SessionTrail::ageYears).filter(OptionalInt::isPresent).findFirst().orElse(OptionalInt.empty());
            csv.row(Sdtm.studyId(first), "DM", usubjid, first.subjectCode(), Sdtm.dtc(start.orElse(null)), Sdtm.dtc(end.orElse(null)),
                    exposure.isEmpty() ? "" : Sdtm.dtc(exposure.getFirst()), exposure.isEmpty() ? "" : Sdtm.dtc(exposure.getLast()),
                    site.siteId(), age.isPresent() ? (Object) age.getAsInt() : "", age.isPresent() ? "YEARS" : "", "U", "", BLINDED, BLINDED, BLINDED, BLINDED, site.country());
        });
        return csv;
    }

    /** TS; a title longer than 200 bytes continues in TSVAL1, TSVAL2, ... (SDTMIG: TS, TSVAL over 200 characters). */
    static Csv ts(List<SessionTrail> sessions, ProtocolCatalog protocols, Instant now) {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        sessions.forEach(s -> titles.computeIfAbsent(Sdtm.studyId(s),
                study -> Sdtm.pieces(Objects.requireNonNullElse(s.protocol(protocols).title(), study))));
        int more = titles.values().stream().mapToInt(List::size).max().orElse(1) - 1;
        List<String> columns = new ArrayList<>(TS_COLUMNS);
        for (int i = 1; i <= more; i++) {
            columns.add(columns.indexOf("TSVAL" + (i == 1 ? "" : i - 1)) + 1, "TSVAL" + i);
        }
        Csv csv = new Csv(columns);
        titles.forEach((study, title) -> {
            List<Object> row = new ArrayList<>(List.of(study, "TS", 1, "TITLE", "Trial Title", title.getFirst()));
            for (int i = 1; i <= more; i++) {
                row.add(i < title.size() ? title.get(i) : "");
            }
            row.addAll(List.of("", "", "", ""));
            csv.row(row);
            List<Object> cutoff = new ArrayList<>(List.of(study, "TS", 2, "DCUTDTC", "Data Cutoff Date", Sdtm.dtc(now)));
            for (int i = 1; i <= more; i++) {
                cutoff.add("");
            }
            cutoff.addAll(List.of("", "", "", ""));
            csv.row(cutoff);
        });
        return csv;
    }
}
