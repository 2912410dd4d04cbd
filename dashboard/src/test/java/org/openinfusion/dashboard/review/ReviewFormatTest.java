package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.domain.Stream;

class ReviewFormatTest {
    private static final Instant AT = Instant.parse("2026-07-01T12:03:07Z");

    @AfterEach
    void hostZone() {
        Text.zone(ZoneId.systemDefault());
    }

    private static String title(Category c, String stationTitle) {
        return ReviewFormat.title(new TimelineEvent(AT, c, stationTitle, "", "station", 1));
    }

    @Test
    void timePointIdsInPromptAndRatingTitlesReadAsStaffNameThem() {
        assertEquals("T+26 min: due", title(Category.PROMPT, "t26: due"));
        assertEquals("Baseline: scheduled", title(Category.PROMPT, "baseline: scheduled"));
        assertEquals("CADSS at T+40 min: total 22", title(Category.RATING, "CADSS at t40: total 22"));
        assertEquals("BPRS+ at End of infusion (correction)", title(Category.RATING, "BPRS+ at end-of-infusion (correction)"));
        assertEquals("Note: t40 stays as written", title(Category.NOTE, "Note: t40 stays as written"));
    }

    @Test
    void aDischargeOverrideNamesItsUnmetCriteriaAndTheirTimePointsInStaffWordsFromTheData() {
        List<DischargeCheck.Criterion> unmet = List.of(new DischargeCheck.Criterion(DischargeCheck.Kind.SCHEDULED_RATINGS,
                Optional.empty(), "scheduled ratings", DischargeCheck.Status.NOT_MET,
                "still to rate or mark not assessed: baseline, t20, end-of-infusion", List.of("baseline", "t20", "end-of-infusion")),
                new DischargeCheck.Criterion(DischargeCheck.Kind.CADSS, Optional.empty(), "CADSS", DischargeCheck.Status.NOT_MET,
                        "6 at t80 (needs <= 4)", List.of("t80")),
                new DischargeCheck.Criterion(DischargeCheck.Kind.VITAL, Optional.of(Stream.HR), "hr within 20% of baseline",
                        DischargeCheck.Status.UNKNOWN, "no current value"));
        var e = new TimelineEvent(AT, Category.SESSION, "Ready for discharge by physician override", "reason: ward transfer", "dr1", 7, unmet);
        assertEquals("unmet: Not met: Scheduled ratings - still to rate or mark not assessed: Baseline, T+20 min, End of infusion; "
                + "Not met: CADSS (dissociation) - 6 at T+80 min (needs <= 4); Unknown: Heart rate against baseline - no current value; "
                + "reason: ward transfer", ReviewFormat.detail(e));
    }

    @Test
    void aDischargeOverrideWrittenAsWordsOnlyStillReadsWithItsTimePointsAsStaffNameThem() {
        var old = new TimelineEvent(AT, Category.SESSION, "Ready for discharge by physician override", "unmet: scheduled ratings: "
                + "still to rate or mark not assessed: baseline, t20, end-of-infusion; CADSS: 6 at t80 (needs <= 4); reason: ward transfer",
                "dr1", 7);
        assertEquals("unmet: scheduled ratings: still to rate or mark not assessed: Baseline, T+20 min, End of infusion; "
                + "CADSS: 6 at T+80 min (needs <= 4); reason: ward transfer", ReviewFormat.detail(old));
    }

    @Test
    void aLongEventsTooltipHoldsItsWholeTextAndAShortOneOnlyTheWaveformHint() {
        String note = "Participant asked about the study schedule; ".repeat(9) + "END OF THE LONG NOTE";
        TimelineEvent longNote = new TimelineEvent(AT, Category.NOTE, "Note", note, "nurse1", 3);
        assertEquals("Note: Note (" + note + ")", EventsGrid.tooltip(longNote), "the whole event, cut to two lines in its cell");
        assertEquals(null, EventsGrid.tooltip(new TimelineEvent(AT, Category.NOTE, "Note", "short", "nurse1", 4)));
        TimelineEvent marker = new TimelineEvent(AT, Category.MARKER, "Nausea", "mild", "nurse1", 5);
        assertEquals(Text.get("review.events.waveformHint"), EventsGrid.tooltip(marker));
    }

    @Test
    void dateTimesAreWrittenInTheSitesZoneWithItsName() {
        Text.zone(ZoneId.of("Europe/Berlin"));
        assertEquals("2026-07-01 14:03 CEST", ReviewFormat.dateTime(AT));
        assertEquals("14:03:07 CEST", ReviewFormat.timeWithZone(AT));
        Text.zone(ZoneId.of("America/New_York"));
        assertEquals("2026-07-01 08:03 EDT", ReviewFormat.dateTime(AT));
    }
}
