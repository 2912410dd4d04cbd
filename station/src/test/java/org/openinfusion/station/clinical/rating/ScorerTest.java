package org.openinfusion.station.clinical.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.clinical.rating.Fixtures.rating;
import static org.openinfusion.station.clinical.rating.Fixtures.scoreRange;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

class ScorerTest {
    private final InstrumentCatalog catalog = InstrumentCatalog.builtIn();

    @Test
    void aFullCadssIsSummedIntoTotalAndDomains() {
        // given CADSS with subject items at 1 and observer items at 2
        Answers answers = scoreRange(scoreRange(Answers.builder(), 1, 19, 1), 20, 23, 2);
        Rating r = rating("r1", "cadss", null, answers.build());
        // when it is scored
        Score s = Scorer.score(catalog.get("cadss"), r);
        // then 19 x 1 + 4 x 2 = 27; depersonalization 5, derealization 12, amnesia 2, observer 8
        assertEquals(OptionalInt.of(27), s.total());
        assertTrue(s.complete());
        assertEquals(5, s.subscales().get("depersonalization").total());
        assertEquals(12, s.subscales().get("derealization").total());
        assertEquals(2, s.subscales().get("amnesia").total());
        assertEquals(8, s.subscales().get("observer").total());
        assertFalse(s.subscales().get("observer").verified());
        assertEquals("27 (0-92)", s.summary());
    }

    @Test
    void scoresLandInTheDomainOfTheirItem() {
        // given CADSS all 0 except item 3 = 4, item 7 = 4 and item 14 = 3
        Answers answers = scoreRange(Answers.builder(), 1, 2, 0).score("3", 4);
        scoreRange(answers, 4, 6, 0).score("7", 4);
        scoreRange(answers, 8, 13, 0).score("14", 3);
        scoreRange(answers, 15, 23, 0);
        // when it is scored
        Score s = Scorer.score(catalog.get("cadss"), rating("r1", "cadss", null, answers.build()));
        // then total 11 = depersonalization 8 + amnesia 3
        assertEquals(OptionalInt.of(11), s.total());
        assertEquals(8, s.subscales().get("depersonalization").total());
        assertEquals(0, s.subscales().get("derealization").total());
        assertEquals(3, s.subscales().get("amnesia").total());
    }

    @Test
    void aTotalOverAnIncompleteRatingIsFlaggedNotPresentedAsComplete() {
        // given CADSS all 1 but item 5 not assessed
        Answers answers = scoreRange(Answers.builder(), 1, 4, 1).notAssessed("5", "subject asleep");
        scoreRange(answers, 6, 23, 1);
        // when it is scored
        Score s = Scorer.score(catalog.get("cadss"), rating("r1", "cadss", null, answers.build()));
        // then the total is 22 over assessed items only, and it says so
        assertEquals(OptionalInt.of(22), s.total());
        assertFalse(s.complete());
        assertEquals(1, s.notAssessed());
        assertEquals("22 (0-92) INCOMPLETE: 1 of 23 items not assessed", s.summary());
        assertFalse(s.subscales().get("depersonalization").complete());
        assertEquals(4, s.subscales().get("depersonalization").total());
        assertTrue(s.subscales().get("derealization").complete());
    }

    @Test
    void cadss6IsScoredOverItsSixItemsWithoutDomains() {
        // given a CADSS-6 rating
        Answers answers = Answers.builder().score("1", 1).score("2", 2).score("6", 3).score("7", 4).score("15", 0)
                .score("22", 1);
        // when it is scored
        Score s = Scorer.score(catalog.get("cadss"), rating("r1", "cadss", "cadss6", answers.build()));
        // then 1 + 2 + 3 + 4 + 0 + 1 = 11 of 0-24, and no domain is complete within the form
        assertEquals(OptionalInt.of(11), s.total());
        assertEquals(24, s.maxTotal());
        assertEquals(6, s.itemCount());
        assertTrue(s.subscales().isEmpty());
    }

    @Test
    void bprsPositiveSumsItsFourItems() {
        // given BPRS+ answers 2, 3, 1, 7
        Answers answers = Answers.builder().score("conceptual_disorganization", 2).score("suspiciousness", 3)
                .score("hallucinatory_behavior", 1).score("unusual_thought_content", 7);
        // when it is scored
        Score s = Scorer.score(catalog.get("bprs_pos"), rating("r1", "bprs_pos", null, answers.build()));
        // then the total is 13 of 4-28
        assertEquals(OptionalInt.of(13), s.total());
        assertEquals("13 (4-28)", s.summary());
    }

    @Test
    void psiSubscalesAreScoredOnlyOnceASiteMappingIsPresent() {
        // given a PSI rating with item n scored n mod 4
        Answers answers = Answers.builder();
        for (int n = 1; n <= 48; n++) {
            answers.score(String.valueOf(n), n % 4);
        }
        Rating r = rating("r1", "psi", null, answers.build());
        // when it is scored without and with a mapping of paranoia to items 1, 2, 3
        Score plain = Scorer.score(catalog.get("psi"), r);
        Instrument mapped = catalog.get("psi").withSubscaleItems("paranoia", List.of("1", "2", "3"));
        Score withMapping = Scorer.score(mapped, r);
        // then the total is 12 x (0+1+2+3) = 72 either way; paranoia 1 + 2 + 3 = 6 only with the mapping
        assertEquals(OptionalInt.of(72), plain.total());
        assertTrue(plain.subscales().isEmpty());
        assertEquals(Set.of("paranoia"), withMapping.subscales().keySet());
        assertEquals(6, withMapping.subscales().get("paranoia").total());
    }

    @Test
    void vasItemsStandAloneWithoutATotal() {
        // given the default VAS answered 70, 10, 0
        Answers answers = Answers.builder().score("high", 70).score("nausea", 10).score("craving", 0);
        // when it is scored
        Score s = Scorer.score(catalog.get("vas"), rating("r1", "vas", null, answers.build()));
        // then each item is reported and there is no total
        assertTrue(s.total().isEmpty());
        assertEquals(70, s.items().get("high"));
        assertEquals("no total", s.summary());
    }

    @Test
    void moaasTotalIsItsOneItem() {
        // given MOAA/S 5
        // when it is scored
        Score s = Scorer.score(catalog.get("moaas"), rating("r1", "moaas", null, Answers.builder().score("1", 5).build()));
        // then the total is 5
        assertEquals(OptionalInt.of(5), s.total());
    }
}
