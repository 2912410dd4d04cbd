package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionRecord.ItemRow;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.testing.TrailSamples;

/**
 * The summary's peak dissociation is the highest CADSS after the infusion start (clinical.md: CADSS peaks at the end of
 * the infusion): the baseline is what it rises from, never the peak, even when nothing rose or it was rated late.
 */
class PeakDissociationTest {
    private static final Instant AT = TrailSamples.AT;
    private static final Set<String> PRE_DOSE = Set.of("baseline");

    private static SessionEntries session(boolean started) {
        List<TrailEvent> events = new ArrayList<>();
        events.add(new TrailEvent.SessionStepped(new SessionEvent.Created(AT, "nurse", "s1", "KET-501", SubjectMeasures.weight(70),
                "ketamine-naltrexone-crossover", 2, "KIT-1", "bed-01")));
        if (started) {
            // the history writes its events one second apart from AT: the start at AT + 1 s
            events.add(new TrailEvent.SessionStepped(new SessionEvent.InfusionStarted(AT.plusSeconds(1), "nurse", "pump")));
        }
        return new SessionEntries(TrailSamples.history(events));
    }

    private static RatingRecord cadss(String id, String timePoint, Instant finished, int total) {
        return new RatingRecord(id, timePoint, "cadss", "cadss", finished, total, total + " (0-92)", "nurse", "nurse", null, null,
                null, false, List.of(new ItemRow("1", "CADSS item 1", total, null)));
    }

    private static SessionRecord.Summary summary(SessionEntries s, RatingRecord... ratings) {
        return Summaries.of(s, List.of(ratings), Map.of(), InstrumentCatalog.builtIn(), PRE_DOSE);
    }

    @Test
    void theBaselineIsNeverThePeakWhenNothingRose() {
        SessionRecord.Summary s = summary(session(true), cadss("r1", "baseline", AT, 3), cadss("r2", "end-of-infusion", AT.plusSeconds(2400), 0));
        assertEquals(0, s.peakDissociation());
        assertEquals("end-of-infusion", s.peakDissociationTimePoint());
    }

    @Test
    void withOnlyABaselineRatingThereIsNoPeakEvenWhenTheBaselineWasRatedAfterTheStart() {
        SessionRecord.Summary s = summary(session(true), cadss("r1", "baseline", AT.plusSeconds(60), 5));
        assertNull(s.peakDissociation());
        assertNull(s.peakDissociationTimePoint());
    }

    @Test
    void withoutAnInfusionStartThereIsNoPeak() {
        assertNull(summary(session(false), cadss("r1", "baseline", AT.plusSeconds(60), 5)).peakDissociation());
    }

    @Test
    void thePeakIsTheHighestAfterTheStart() {
        SessionRecord.Summary s = summary(session(true), cadss("r1", "baseline", AT, 30), cadss("r2", "end-of-infusion", AT.plusSeconds(2400), 14),
                cadss("r3", "t80", AT.plusSeconds(4800), 4));
        assertEquals(14, s.peakDissociation());
        assertEquals("CADSS", s.peakDissociationForm());
        assertEquals("end-of-infusion", s.peakDissociationTimePoint());
    }
}
