package org.openinfusion.dashboard.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

class RatingDraftTest {
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    private static RatingDraft cadss6(String correcting, Map<String, Answer> previous) {
        return new RatingDraft(CATALOG.get("cadss"), new FormKey("cadss", "cadss6"), "t20", T, correcting, previous);
    }

    @Test
    void walksTheShortFormsItemsAndAdvancesOnEachAnswer() {
        RatingDraft d = cadss6(null, Map.of());
        assertEquals(6, d.size());
        assertEquals("1", d.item().id());
        d.score(3);
        d.score(0);
        assertEquals("6", d.item().id(), "CADSS-6 is items 1, 2, 6, 7, 15, 22");
        d.previous();
        assertEquals(Answer.score(0), d.answer());
        assertThrows(IllegalArgumentException.class, () -> d.score(5));
        assertThrows(IllegalArgumentException.class, () -> d.notAssessed(" "));
    }

    @Test
    void aRatingNeedsEveryItemAndACorrectionItsReason() {
        RatingDraft d = cadss6(null, Map.of());
        assertThrows(IllegalStateException.class, () -> d.toRating("nurse", "nurse1", T, null));
        for (int i = 0; i < 5; i++) {
            d.score(1);
        }
        d.notAssessed("asleep");
        Rating r = d.toRating("nurse", "nurse1", T.plusSeconds(60), null);
        assertEquals("cadss6", r.shortFormId());
        assertFalse(r.isCorrection());

        RatingDraft fix = cadss6(r.id(), r.answers());
        assertTrue(fix.complete());
        assertThrows(IllegalArgumentException.class, () -> fix.toRating("nurse", "nurse1", T.plusSeconds(90), ""));
        assertEquals(r.id(), fix.toRating("nurse", "nurse1", T.plusSeconds(90), "typo").correction().originalRatingId());
    }
}
