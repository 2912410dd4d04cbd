package org.openinfusion.station.clinical.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.clinical.rating.Fixtures.rating;
import static org.openinfusion.station.clinical.rating.Fixtures.scoreRange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

class RatingCheckTest {
    private final Instrument cadss = InstrumentCatalog.builtIn().get("cadss");

    @Test
    void aScoreOutsideTheItemRangeIsNamed() {
        // given CADSS with item 7 scored 5
        Answers answers = scoreRange(Answers.builder(), 1, 6, 0).score("7", 5);
        scoreRange(answers, 8, 23, 0);
        // when it is scored
        InvalidRatingException e = assertThrows(InvalidRatingException.class,
                () -> Scorer.score(cadss, rating("r1", "cadss", null, answers.build())));
        // then the problem names item 7 and its range
        assertEquals(List.of("item 7: score 5 outside 0-4"), e.problems());
    }

    @Test
    void aMissingItemIsNamed() {
        // given CADSS without item 12
        Answers answers = scoreRange(scoreRange(Answers.builder(), 1, 11, 0), 13, 23, 0);
        // when it is checked
        List<String> problems = RatingCheck.problems(cadss, rating("r1", "cadss", null, answers.build()));
        // then item 12 is reported missing
        assertEquals(List.of("item 12: missing (score it or mark it not assessed with a reason)"), problems);
    }

    @Test
    void notAssessedWithoutAReasonIsRefusedNamingTheItem() {
        // given an answer builder
        Answers answers = Answers.builder();
        // when item 9 is marked not assessed with a blank reason
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> answers.notAssessed("9", " "));
        // then the error names the item, and the bare answer refuses too
        assertTrue(e.getMessage().startsWith("item 9:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Answer.notAssessed(""));
    }

    @Test
    void anUnknownItemIsNamed() {
        // given CADSS with an answer to item 24 and a CADSS-6 with item 3
        Map<String, Answer> full = scoreRange(Answers.builder(), 1, 24, 0).build();
        Map<String, Answer> shortForm = Answers.builder().score("1", 0).score("2", 0).score("3", 0).score("6", 0)
                .score("7", 0).score("15", 0).score("22", 0).build();
        // when they are checked
        List<String> fullProblems = RatingCheck.problems(cadss, rating("r1", "cadss", null, full));
        List<String> formProblems = RatingCheck.problems(cadss, rating("r2", "cadss", "cadss6", shortForm));
        // then the stranger is named in each
        assertEquals(List.of("item 24: unknown item of CADSS"), fullProblems);
        assertEquals(List.of("item 3: unknown item of CADSS-6"), formProblems);
    }

    @Test
    void everyProblemIsListedTogether() {
        // given BPRS+ with a 0, a missing item and an unknown item
        Instrument bprs = InstrumentCatalog.builtIn().get("bprs_pos");
        Map<String, Answer> answers = Answers.builder().score("conceptual_disorganization", 0)
                .score("suspiciousness", 1).score("hallucinatory_behavior", 1).score("grandiosity", 2).build();
        // when it is checked
        List<String> problems = RatingCheck.problems(bprs, rating("r1", "bprs_pos", null, answers));
        // then all three are reported
        assertEquals(List.of("item conceptual_disorganization: score 0 outside 1-7",
                "item unusual_thought_content: missing (score it or mark it not assessed with a reason)",
                "item grandiosity: unknown item of BPRS+"), problems);
    }

    @Test
    void aRatingOfAnotherInstrumentOrUnknownFormIsRefused() {
        // given ratings naming another instrument and an unknown short form
        Rating other = rating("r1", "psi", null, Map.of());
        Rating badForm = rating("r2", "cadss", "cadss9", Map.of());
        // when they are checked against CADSS
        // then each says why
        assertEquals(List.of("is a psi rating, not cadss"), RatingCheck.problems(cadss, other));
        assertEquals(List.of("CADSS has no short form 'cadss9'"), RatingCheck.problems(cadss, badForm));
    }

    @Test
    void aRatingCannotFinishBeforeItStarts() {
        // given a finish before the start
        Instant start = Instant.parse("2026-11-22T10:40:00Z");
        // when the rating is made
        // then it is refused
        assertThrows(IllegalArgumentException.class, () -> new Rating("r1", "cadss", null, "T+40", "nurse", "u-1",
                start, start.minusSeconds(1), Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Rating("r1", "cadss", " ", "T+40", "nurse", "u-1",
                start, start, Map.of(), null));
    }
}
