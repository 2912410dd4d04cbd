package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/**
 * CDISC SDTM DM (demographics) and a minimal TS (trial summary) from what the station knows. DM: one row per USUBJID
 * of the exported sessions, with the reference start (the first infusion start: every --DY is computable from it),
 * end (the last session's close) and first and last exposure; the station records no age, race, sex, site or
 * country (SEX "U", the others empty for the sponsor to complete) and never the arm (ARM, ARMCD, ACTARM, ACTARMCD
 * "BLINDED"). TS: per study, the trial title (the protocol's title) and the data cutoff (when the export was written).
 */
final class SdtmDm {
    static final List<String> DM_COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC",
            "RFXENDTC", "SITEID", "AGE", "AGEU", "SEX", "RACE", "ARMCD", "ARM", "ACTARMCD", "ACTARM", "COUNTRY");
    static final List<String> TS_COLUMNS = List.of("STUDYID", "DOMAIN", "TSSEQ", "TSPARMCD", "TSPARM", "TSVAL", "TSVALNF",
            "TSVALCD", "TSVCDREF", "TSVCDVER");
    static final String BLINDED = "BLINDED";

    private SdtmDm() {
    }

    static Csv dm(List<SessionTrail> sessions) {
        Csv csv = new Csv(DM_COLUMNS);
        Map<String, List<SessionTrail>> bySubject = new LinkedHashMap<>();
        sessions.forEach(s -> bySubject.computeIfAbsent(Sdtm.usubjid(s), k -> new ArrayList<>()).add(s));
        bySubject.forEach((usubjid, own) -> {
            SessionTrail first = own.getFirst();
            Optional<Instant> start = own.stream().map(SessionTrail::infusionStart).flatMap(Optional::stream).min(Comparator.naturalOrder());
            Optional<Instant> end = own.stream().map(SessionTrail::closedAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
            List<Instant> exposure = own.stream().flatMap(s -> Stream.of(s.pretreatmentAt(), s.infusionStart(), s.infusionEnd()))
                    .flatMap(Optional::stream).sorted().toList();
            csv.row(Sdtm.studyId(first), "DM", usubjid, first.subjectCode(), Sdtm.dtc(start.orElse(null)), Sdtm.dtc(end.orElse(null)),
                    exposure.isEmpty() ? "" : Sdtm.dtc(exposure.getFirst()), exposure.isEmpty() ? "" : Sdtm.dtc(exposure.getLast()),
                    "", "", "", "U", "", BLINDED, BLINDED, BLINDED, BLINDED, "");
        });
        return csv;
    }

    static Csv ts(List<SessionTrail> sessions, ProtocolCatalog protocols, Instant now) {
        Csv csv = new Csv(TS_COLUMNS);
        Map<String, SessionTrail> byStudy = new LinkedHashMap<>();
        sessions.forEach(s -> byStudy.putIfAbsent(Sdtm.studyId(s), s));
        byStudy.forEach((study, s) -> {
            String title = Objects.requireNonNullElse(s.protocol(protocols).title(), study);
            csv.row(study, "TS", 1, "TITLE", "Trial Title", title, "", "", "", "");
            csv.row(study, "TS", 2, "DCUTDTC", "Data Cutoff Date", Sdtm.dtc(now), "", "", "", "");
        });
        return csv;
    }
}
