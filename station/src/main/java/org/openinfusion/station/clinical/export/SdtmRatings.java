package org.openinfusion.station.clinical.export;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.history.RatingEntry;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.visit.SubjectTimeline;

/**
 * CDISC SDTM RS (clinician-rated scales) or QS (questionnaires) from the effective ratings ({@link TrailRating#effective}:
 * a corrected rating is replaced by its correction): one row per item of the form used, plus one total row for summed
 * instruments of more than one item. Not-assessed items (and the total of an incomplete rating) carry --STAT
 * "NOT DONE" and --REASND. Codes: {@link SdtmCodes}. --GRPID is the station's rating id (the audit trail's).
 */
final class SdtmRatings {
    private SdtmRatings() {
    }

    static List<String> columns(String domain) {
        List<String> c = new ArrayList<>(List.of("STUDYID", "DOMAIN", "USUBJID"));
        for (String v : List.of("SEQ", "GRPID", "TESTCD", "TEST", "CAT", "SCAT", "ORRES", "STRESC", "STRESN", "STAT", "REASND",
                "DRVFL", "EVAL")) {
            c.add(domain + v);
        }
        c.addAll(List.of("VISITNUM", "VISIT", "VISITDY"));
        for (String v : List.of("DTC", "TPT", "TPTNUM", "ELTM", "TPTREF", "RFTDTC")) {
            c.add(domain + v);
        }
        return c;
    }

    /** @param domain "RS" or "QS": which instruments go in is decided by {@link SdtmCodes#domain} */
    static Csv table(String domain, List<SessionTrail> sessions, InstrumentCatalog instruments, ProtocolCatalog protocols) {
        return table(domain, sessions, instruments, protocols, Optional.empty());
    }

    /**
     * As above, and when {@code visits} is given, the effective ratings of every rating visit (docs/visits.md) after the
     * sessions' rows: VISITNUM, VISIT and VISITDY from the subject's visit timeline, no time point, EPOCH "FOLLOW-UP"
     * after the subject's first exposure and "SCREENING" before it.
     */
    static Csv table(String domain, List<SessionTrail> sessions, InstrumentCatalog instruments, ProtocolCatalog protocols,
                     Optional<StudyVisits> visits) {
        Csv csv = new Csv(columns(domain));
        Sdtm.Sequence seq = new Sdtm.Sequence();
        Map<String, LocalDate> firstInfusion = new HashMap<>();
        sessions.forEach(s -> s.infusionStart().ifPresent(t -> firstInfusion.merge(Sdtm.usubjid(s), day(t), (a, b) -> a.isBefore(b) ? a : b)));
        for (SessionTrail s : sessions) {
            Protocol protocol = null;
            LocalDate first = firstInfusion.get(Sdtm.usubjid(s));
            String visitDay = first == null ? "" : String.valueOf(SubjectTimeline.studyDay(first, day(s.infusionStart().orElse(s.createdAt()))));
            Place place = new Place(Sdtm.studyId(s), Sdtm.usubjid(s), String.valueOf(Sdtm.visitNum(s)), Sdtm.visit(s), visitDay);
            for (TrailRating r : TrailRating.effective(s.ratings())) {
                Instrument instrument = instruments.get(r.instrument());
                if (!SdtmCodes.domain(instrument).equals(domain)) {
                    continue;
                }
                protocol = protocol == null ? s.protocol(protocols) : protocol;
                rows(new Rows(csv, seq, domain, place, r, instrument, timing(protocol, s, r.timePoint())));
            }
        }
        int sessionRows = csv.rows().size();
        Map<Integer, String> epochs = new HashMap<>();
        Map<String, Instant> exposure = Sdtm.firstExposure(sessions);
        visits.ifPresent(v -> followUps(domain, v, instruments, protocols, csv, seq, sessionRows, exposure, epochs));
        Csv out = Sdtm.withEpoch(Sdtm.lastBeforeExposure(csv, domain, domain + "REASND", sessions), domain + "DTC", sessions);
        return Sdtm.withEpochs(out, epochs);
    }

    private static void followUps(String domain, StudyVisits visits, InstrumentCatalog instruments, ProtocolCatalog protocols, Csv csv,
                                  Sdtm.Sequence seq, int from, Map<String, Instant> exposure, Map<Integer, String> epochs) {
        for (HeldRatingVisits.Visit held : HeldRatingVisits.of(visits, protocols)) {
                String usubjid = held.usubjid();
                Place place = new Place(held.studyId(), usubjid, held.visitNum(), held.visit(), held.visitDay());
                StudyVisits.VisitSession v = held.session();
                Set<String> effective = new HashSet<>(v.effectiveRatings().stream().map(r -> r.id()).toList());
                for (var recorded : v.entries()) {
                    var entered = recorded.as(TrailEvent.RatingEntered.class);
                    if (entered.isEmpty() || !effective.contains(entered.get().rating().id())) {
                        continue;
                    }
                    TrailRating r = new TrailRating(new RatingEntry(recorded, entered.get(), false, null));
                    Instrument instrument = instruments.get(r.instrument());
                    if (!SdtmCodes.domain(instrument).equals(domain)) {
                        continue;
                    }
                    int before = csv.rows().size();
                    rows(new Rows(csv, seq, domain, place, r, instrument, new Timing("", "", "", "", "")));
                    Instant first = exposure.get(usubjid);
                    String epoch = first != null && !r.finishedAt().isBefore(first) ? Sdtm.FOLLOW_UP : Sdtm.SCREENING;
                    for (int i = before; i < csv.rows().size(); i++) {
                        epochs.put(i, epoch);
                    }
                }
            }
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** The rows of one rating: one per item of the form used, then the total of a summed instrument of more than one item. */
    private static void rows(Rows rows) {
        TrailRating r = rows.r();
        Instrument instrument = rows.instrument();
        List<Item> items = instrument.itemsOf(r.shortForm());
        for (Item item : items) {
            Answer a = r.answers().get(item.id());
            Integer value = a instanceof Answer.Scored scored ? scored.value() : null;
            String reason = a instanceof Answer.NotAssessed na ? na.reason() : a == null ? "NOT RECORDED" : "";
            rows.add(SdtmCodes.itemCode(instrument, item), SdtmCodes.itemTest(instrument, item), value == null ? null
                    : item.anchors().stream().filter(x -> x.value() == value).map(Anchor::label).findFirst()
                    .orElse(String.valueOf(value)), value == null ? null : String.valueOf(value), false, reason);
        }
        if (instrument.scoring() == Scoring.SUM && items.size() > 1) {
            long missing = items.stream().filter(i -> !(r.answers().get(i.id()) instanceof Answer.Scored)).count();
            boolean done = r.total() != null && missing == 0;
            rows.add(SdtmCodes.totalCode(instrument, r.shortForm()), SdtmCodes.totalTest(instrument, r.shortForm()),
                    done ? String.valueOf(r.total()) : null, done ? String.valueOf(r.total()) : null, true,
                    done ? "" : "INCOMPLETE: " + missing + " of " + items.size() + " items not assessed");
        }
    }

    /** Where a rating's rows go: the study, the subject and the visit (VISITNUM, VISIT, VISITDY). */
    private record Place(String studyId, String usubjid, String visitNum, String visit, String visitDay) {
    }

    /** The time point's columns: --TPT, --TPTNUM (its place in the protocol's schedule), --ELTM, --TPTREF, --RFTDTC. */
    private record Timing(String tpt, String tptNum, String eltm, String tptRef, String rftdtc) {
    }

    private static Timing timing(Protocol p, SessionTrail s, String timePoint) {
        int index = p.schedule().stream().map(ScheduleEntry::id).toList().indexOf(timePoint);
        Optional<Duration> planned = index < 0 ? Optional.empty() : Sdtm.plannedElapsed(p, p.schedule().get(index));
        return new Timing(timePoint.toUpperCase(Locale.ROOT), index < 0 ? "" : String.valueOf(index + 1),
                planned.map(Sdtm::duration).orElse(""), planned.isPresent() ? Sdtm.TPTREF : "",
                planned.isPresent() ? Sdtm.dtc(s.infusionStart().orElse(null)) : "");
    }

    /** Writes the rows of one rating. */
    private record Rows(Csv csv, Sdtm.Sequence seq, String domain, Place s, TrailRating r, Instrument instrument,
                        Timing t) {
        /**
         * @param original the answer as given (the anchor's text where the item has one), null when not done; then
         *     {@code reason} says why
         * @param score the number
         * @param derived true for a total the station computed (--DRVFL "Y")
         */
        void add(String code, String test, String original, String score, boolean derived, String reason) {
            String usubjid = s.usubjid();
            boolean done = original != null;
            String subcategory = r.shortForm() == null ? ""
                    : instrument.shortForm(r.shortForm()).map(f -> f.name().toUpperCase(Locale.ROOT)).orElse("");
            csv.row(s.studyId(), domain, usubjid, seq.next(usubjid), r.ratingId(), code, test, SdtmCodes.category(instrument),
                    subcategory,
                    done ? original : "", done ? score : "", done ? score : "", done ? "" : Sdtm.NOT_DONE, done ? "" : reason,
                    derived ? "Y" : "", r.raterRole() == null ? "" : r.raterRole().toUpperCase(Locale.ROOT), s.visitNum(), s.visit(), s.visitDay(),
                    Sdtm.dtc(r.finishedAt()), t.tpt(), t.tptNum(), t.eltm(), t.tptRef(), t.rftdtc());
        }
    }
}
