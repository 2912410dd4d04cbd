package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.AdverseEvent;

/**
 * CDISC SDTM AE (adverse events) as the station saw them: markers staff set for nausea, vomiting, an emergence
 * reaction, anxiety or headache, and every raised alarm on a systolic or diastolic blood-pressure limit that was
 * crossed upwards (hypertension). Terms are sponsor text, not MedDRA-coded (AEBODSYS empty); severity, seriousness,
 * action taken and causality are left blank on those rows (none is assessed at the bedside: the physician completes
 * them). Adverse events recorded or confirmed by staff (ae.recorded, the latest entry per AE id) are rows of category
 * "RECORDED BY STAFF" with AESEV, AESER, AEACN, AEREL and AEOUT filled. SUPPAE's AESRC and AESRCSEQ name the audit
 * entry, AENOTE holds the staff's note (for a proposed AE: the alarm it was proposed from). In a whole-trail export the
 * adverse events recorded at the held rating visits follow (the version in effect: the latest entry per AE id, a
 * physician's amendment included), with the visit's VISITNUM and VISIT and the EPOCH of their start.
 */
final class SdtmAe {
    static final List<String> COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AECAT", "AEBODSYS",
            "AESEV", "AESER", "AEACN", "AEREL", "VISITNUM", "VISIT", "AESTDTC", "AEENDTC", "AEOUT");
    static final Set<MarkerKind> ADVERSE = Set.of(MarkerKind.NAUSEA, MarkerKind.VOMITING, MarkerKind.EMERGENCE_REACTION,
            MarkerKind.ANXIETY, MarkerKind.HEADACHE);
    /** Alarm ids of the protocol limits on the cuff's systolic and diastolic pressure (AlarmEngine's LIMIT:stream:...). */
    private static final List<String> BLOOD_PRESSURE_LIMITS = List.of("LIMIT:nibp_sys:", "LIMIT:nibp_dia:");

    private SdtmAe() {
    }

    /** AE and SUPPAE (AESRC, AESRCSEQ: the audit entry; AENOTE: the staff's note, in pieces of 200 characters). */
    static Sdtm.Parts tables(List<SessionTrail> sessions) {
        return tables(sessions, null, Optional.empty());
    }

    /** As {@link #tables(List)}, then the adverse events of every held rating visit (whole-trail exports). */
    static Sdtm.Parts tables(List<SessionTrail> sessions, ProtocolCatalog protocols, Optional<StudyVisits> visits) {
        Csv csv = new Csv(COLUMNS);
        Sdtm.Supp supp = new Sdtm.Supp("AE");
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            String usubjid = Sdtm.usubjid(s);
            List<Recorded> entries = s.history().entries();
            Map<Long, AdverseEvent> latestBySeq = new HashMap<>();
            s.history().adverseEvents().forEach(f -> latestBySeq.put(f.entry().seq(), f.event()));
            for (Recorded e : entries) {
                Optional<MarkerKind> marker = adverseMarker(e);
                if (marker.isPresent() && e.event() instanceof TrailEvent.MarkerRecorded m) {
                    int n = seq.next(usubjid);
                    csv.row(Sdtm.studyId(s), "AE", usubjid, n, marker.get().label(),
                            marker.get().label().toUpperCase(Locale.ROOT), "MARKED BY STAFF", "", "", "", "", "", Sdtm.visitNum(s),
                            Sdtm.visit(s), Sdtm.dtc(e.at()), "", "");
                    source(supp, s, usubjid, n, e);
                    supp.addText(Sdtm.studyId(s), usubjid, n, "AENOTE", "Note by Staff", m.note(), "COLLECTED");
                } else if (e.event() instanceof TrailEvent.AlarmChanged a && isHypertension(a.alarm())) {
                    String alarm = a.alarm().alarmId();
                    Optional<Recorded> cleared = entries.stream().filter(c -> c.seq() > e.seq() && c.event() instanceof TrailEvent.AlarmChanged x
                            && x.alarm().kind() == AlarmEvent.Kind.CLEARED && alarm.equals(x.alarm().alarmId())).findFirst();
                    int n = seq.next(usubjid);
                    csv.row(Sdtm.studyId(s), "AE", usubjid, n,
                            "Hypertension (" + a.alarm().message() + ")", "HYPERTENSION", "ALARM", "", "", "", "", "",
                            Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(e.at()),
                            cleared.map(c -> Sdtm.dtc(c.at())).orElse(""), "");
                    source(supp, s, usubjid, n, e);
                } else if (latestBySeq.containsKey(e.seq())) {
                    AdverseEvent ae = latestBySeq.get(e.seq());
                    int n = seq.next(usubjid);
                    csv.row(Sdtm.studyId(s), "AE", usubjid, n, ae.term(), ae.term().toUpperCase(Locale.ROOT), "RECORDED BY STAFF", "",
                            ae.severity().name(), ae.serious() ? "Y" : "N", action(ae.action()), relationship(ae.relationship()),
                            Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(ae.start()), ae.end().map(Sdtm::dtc).orElse(""),
                            outcome(ae.outcome()));
                    source(supp, s, usubjid, n, e);
                    ae.fromAlarm().ifPresent(x -> supp.addText(Sdtm.studyId(s), usubjid, n, "AENOTE", "Note by Staff",
                            "proposed from alarm " + x, "COLLECTED"));
                }
            }
        }
        Map<Integer, String> epochs = new HashMap<>();
        visits.ifPresent(v -> followUps(v, protocols, csv, supp, seq, Sdtm.firstExposure(sessions), epochs));
        return new Sdtm.Parts(Sdtm.withEpochs(Sdtm.withEpoch(csv, "AESTDTC", sessions), epochs), supp.table());
    }

    /** The adverse events of the held rating visits: each at its latest entry (the version in effect), in trail order. */
    private static void followUps(StudyVisits visits, ProtocolCatalog protocols, Csv csv, Sdtm.Supp supp, Sdtm.Sequence seq,
                                  Map<String, Instant> exposure, Map<Integer, String> epochs) {
        for (HeldRatingVisits.Visit v : HeldRatingVisits.of(visits, protocols)) {
            Map<String, Long> latest = new HashMap<>();
            v.session().entries().forEach(r -> r.as(TrailEvent.AdverseEventRecorded.class).ifPresent(a -> latest.put(a.event().id(), r.seq())));
            for (Recorded r : v.session().entries()) {
                Optional<TrailEvent.AdverseEventRecorded> recorded = r.as(TrailEvent.AdverseEventRecorded.class);
                if (recorded.isEmpty() || latest.get(recorded.get().event().id()) != r.seq()) {
                    continue;
                }
                AdverseEvent ae = recorded.get().event();
                String usubjid = v.usubjid();
                int n = seq.next(usubjid);
                Instant first = exposure.get(usubjid);
                epochs.put(csv.rows().size(), first != null && !ae.start().isBefore(first) ? Sdtm.FOLLOW_UP : Sdtm.SCREENING);
                csv.row(v.studyId(), "AE", usubjid, n, ae.term(), ae.term().toUpperCase(Locale.ROOT), "RECORDED BY STAFF", "",
                        ae.severity().name(), ae.serious() ? "Y" : "N", action(ae.action()), relationship(ae.relationship()),
                        v.visitNum(), v.visit(), Sdtm.dtc(ae.start()), ae.end().map(Sdtm::dtc).orElse(""), outcome(ae.outcome()));
                supp.add(v.studyId(), usubjid, n, "AESRC", "Source Audit Entry Type", r.written().type(), "ASSIGNED");
                supp.add(v.studyId(), usubjid, n, "AESRCSEQ", "Source Audit Entry Sequence", String.valueOf(r.seq()), "ASSIGNED");
            }
        }
    }

    /** AEREL as sponsor terms (not a controlled terminology in SDTM). */
    static String relationship(AdverseEvent.Relationship r) {
        return r.name().replace('_', ' ');
    }

    /** AEACN controlled terms (C66767). */
    static String action(AdverseEvent.Action a) {
        return switch (a) {
            case DOSE_NOT_CHANGED -> "DOSE NOT CHANGED";
            case DRUG_INTERRUPTED -> "DRUG INTERRUPTED";
            case DRUG_WITHDRAWN -> "DRUG WITHDRAWN";
            case NOT_APPLICABLE -> "NOT APPLICABLE";
        };
    }

    /** AEOUT controlled terms (C66768). */
    static String outcome(AdverseEvent.Outcome o) {
        return switch (o) {
            case RECOVERED_RESOLVED -> "RECOVERED/RESOLVED";
            case RECOVERING_RESOLVING -> "RECOVERING/RESOLVING";
            case NOT_RECOVERED_NOT_RESOLVED -> "NOT RECOVERED/NOT RESOLVED";
            case RECOVERED_RESOLVED_WITH_SEQUELAE -> "RECOVERED/RESOLVED WITH SEQUELAE";
            case FATAL -> "FATAL";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    private static void source(Sdtm.Supp supp, SessionTrail s, String usubjid, int n, Recorded e) {
        supp.add(Sdtm.studyId(s), usubjid, n, "AESRC", "Source Audit Entry Type", e.written().type(), "ASSIGNED");
        supp.add(Sdtm.studyId(s), usubjid, n, "AESRCSEQ", "Source Audit Entry Sequence", String.valueOf(e.seq()), "ASSIGNED");
    }

    private static Optional<MarkerKind> adverseMarker(Recorded e) {
        if (!(e.event() instanceof TrailEvent.MarkerRecorded m)) {
            return Optional.empty();
        }
        return Arrays.stream(MarkerKind.values()).filter(k -> k.name().equals(m.kind())).filter(ADVERSE::contains).findFirst();
    }

    /** A raised blood-pressure limit alarm whose message shows the value above the limit ("NIBP_SYS 186 > 180"). */
    static boolean isHypertension(AlarmEvent a) {
        return a.kind() == AlarmEvent.Kind.RAISED && a.message() != null && a.message().contains(" > ")
                && BLOOD_PRESSURE_LIMITS.stream().anyMatch(a.alarmId()::startsWith);
    }
}
