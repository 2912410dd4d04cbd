package org.openinfusion.station.clinical.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.clinical.rating.Fixtures.FINISH;
import static org.openinfusion.station.clinical.rating.Fixtures.START;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectiveRatingTest {
    private static final Map<String, Answer> MOAAS_4 = Map.of("1", Answer.score(4));
    private static final Map<String, Answer> MOAAS_5 = Map.of("1", Answer.score(5));
    private final Rating original = new Rating("r1", "moaas", null, "T+40", "nurse", "u-1", START, FINISH,
            MOAAS_4, null);

    @Test
    void aCorrectionReplacesTheOriginalWhichIsKept() {
        // given an original and its correction
        Instant later = FINISH.plusSeconds(600);
        Rating correction = original.correctedBy("r2", "nurse", "u-2", later, later, MOAAS_5, "entered in wrong row");
        List<Rating> all = List.of(original, correction);
        // when the effective rating of T+40 is asked
        Optional<Rating> effective = EffectiveRating.of("moaas", "T+40", all);
        // then it is the correction; the original is still there, untouched, and referenced
        assertEquals(Optional.of(correction), effective);
        assertEquals(new Correction("r1", "entered in wrong row"), correction.correction());
        assertEquals(MOAAS_4, all.getFirst().answers());
        assertEquals("T+40", correction.timePointId());
    }

    @Test
    void aCorrectionOfACorrectionWins() {
        // given a chain original -> c1 -> c2
        Rating c1 = original.correctedBy("c1", "nurse", "u-2", FINISH, FINISH.plusSeconds(60), MOAAS_5, "typo");
        Rating c2 = c1.correctedBy("c2", "nurse", "u-3", FINISH, FINISH.plusSeconds(120), MOAAS_4, "typo again");
        // when the effective rating is asked, in any order
        // then it is the last correction
        assertEquals("c2", EffectiveRating.of("moaas", "T+40", List.of(c2, original, c1)).orElseThrow().id());
    }

    @Test
    void otherTimePointsAndInstrumentsAreNotAffected() {
        // given a T+40 rating
        // when T+80 or another instrument is asked
        // then there is nothing
        assertTrue(EffectiveRating.of("moaas", "T+80", List.of(original)).isEmpty());
        assertTrue(EffectiveRating.of("cadss", "T+40", List.of(original)).isEmpty());
    }

    @Test
    void aCorrectionMustNameAKnownRatingOfTheSameSlot() {
        // given a correction of a missing rating, and one that moves the time point
        Rating orphan = original.correctedBy("c1", "nurse", "u-2", START, FINISH, MOAAS_5, "typo");
        Rating moved = new Rating("c2", "moaas", null, "T+80", "nurse", "u-2", START, FINISH, MOAAS_5,
                new Correction("r1", "wrong time point"));
        // when the effective rating is asked
        // then each is refused
        assertThrows(IllegalArgumentException.class, () -> EffectiveRating.of("moaas", "T+40", List.of(orphan)));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveRating.of("moaas", "T+80", List.of(original, moved)));
    }

    @Test
    void aCorrectionNeedsAReason() {
        // given an original
        // when it is corrected without a reason
        // then the correction is refused
        assertThrows(IllegalArgumentException.class,
                () -> original.correctedBy("c1", "nurse", "u-2", START, FINISH, MOAAS_5, " "));
    }
}
