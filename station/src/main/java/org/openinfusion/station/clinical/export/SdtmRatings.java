package org.openinfusion.station.clinical.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

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
        c.addAll(List.of("VISITNUM", "VISIT"));
        for (String v : List.of("DTC", "TPT", "TPTNUM", "ELTM", "TPTREF", "RFTDTC")) {
            c.add(domain + v);
        }
        return c;
    }

    /** @param domain "RS" or "QS": which instruments go in is decided by {@link SdtmCodes#domain} */
    static Csv table(String domain, List<SessionTrail> sessions, InstrumentCatalog instruments, ProtocolCatalog protocols) {
        Csv csv = new Csv(columns(domain));
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            Protocol protocol = null;
            for (TrailRating r : TrailRating.effective(s.ratings())) {
                Instrument instrument = instruments.get(r.instrument());
                if (!SdtmCodes.domain(instrument).equals(domain)) {
                    continue;
                }
                protocol = protocol == null ? s.protocol(protocols) : protocol;
                Rows rows = new Rows(csv, seq, domain, s, r, instrument, timing(protocol, s, r.timePoint()));
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
        }
        return Sdtm.withEpoch(Sdtm.lastBeforeExposure(csv, domain, domain + "REASND", sessions), domain + "DTC", sessions);
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
    private record Rows(Csv csv, Sdtm.Sequence seq, String domain, SessionTrail s, TrailRating r, Instrument instrument,
                        Timing t) {
        /**
         * @param original the answer as given (the anchor's text where the item has one), null when not done; then
         *     {@code reason} says why
         * @param score the number
         * @param derived true for a total the station computed (--DRVFL "Y")
         */
        void add(String code, String test, String original, String score, boolean derived, String reason) {
            String usubjid = Sdtm.usubjid(s);
            boolean done = original != null;
            String subcategory = r.shortForm() == null ? ""
                    : instrument.shortForm(r.shortForm()).map(f -> f.name().toUpperCase(Locale.ROOT)).orElse("");
            csv.row(Sdtm.studyId(s), domain, usubjid, seq.next(usubjid), r.ratingId(), code, test, SdtmCodes.category(instrument),
                    subcategory,
                    done ? original : "", done ? score : "", done ? score : "", done ? "" : Sdtm.NOT_DONE, done ? "" : reason,
                    derived ? "Y" : "", r.raterRole() == null ? "" : r.raterRole().toUpperCase(Locale.ROOT), Sdtm.visitNum(s), Sdtm.visit(s),
                    Sdtm.dtc(r.finishedAt()), t.tpt(), t.tptNum(), t.eltm(), t.tptRef(), t.rftdtc());
        }
    }
}
