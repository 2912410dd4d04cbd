package org.openinfusion.station.clinical.rating;

import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** The free-to-use instruments of clinical.md (review corrections): structure, ranges, totals and subsets. */
class FreeInstrumentsTest {
    private final InstrumentCatalog catalog = InstrumentCatalog.builtIn();

    /** Every item scored by {@code score(item)}. */
    private Score score(String instrument, ToIntFunction<Item> score) {
        Instrument i = catalog.get(instrument);
        Map<String, Answer> answers = new LinkedHashMap<>();
        i.items().forEach(item -> answers.put(item.id(), Answer.score(score.applyAsInt(item))));
        return Scorer.score(i, Fixtures.rating("r-" + instrument, instrument, null, answers));
    }

    @Test
    void hamD17HasSeventeenItemsTotallingZeroTo52AndItsHamD6SubsetZeroTo22() {
        Instrument hamd = catalog.get("hamd17");
        assertEquals(17, hamd.items().size());
        assertEquals(52, hamd.maxTotal(null));
        // items 4, 5, 6, 12, 13, 14, 16 and 17 are scored 0-2, the rest 0-4
        assertEquals(List.of(4, 5, 6, 12, 13, 14, 16, 17), hamd.items().stream().filter(i -> i.max() == 2).map(Item::number).toList());
        Score top = score("hamd17", Item::max);
        assertEquals(52, top.total().getAsInt());
        SubscaleScore hamd6 = top.subscales().get("hamd6");
        assertEquals(22, hamd6.total());
        assertEquals(6, hamd6.itemCount());
        // HAM-D6 is items 1, 2, 7, 8, 10 and 13: scoring only those gives the same subset total and nothing else
        List<Integer> six = List.of(1, 2, 7, 8, 10, 13);
        Score onlySix = score("hamd17", i -> six.contains(i.number()) ? 1 : 0);
        assertEquals(6, onlySix.subscales().get("hamd6").total());
        assertEquals(6, onlySix.total().getAsInt());
    }

    @Test
    void hamAHasFourteenItemsZeroToFourWithPublishedAnchors() {
        Instrument hamA = catalog.get("ham_a");
        assertEquals(14, hamA.items().size());
        assertEquals(56, score("ham_a", Item::max).total().getAsInt());
        assertEquals(List.of("not present", "mild", "moderate", "severe", "very severe"),
                hamA.items().getFirst().anchors().stream().map(Anchor::label).toList());
        assertEquals("Anxious mood", hamA.items().getFirst().publicName());
        assertEquals(14, score("ham_a", i -> 1).total().getAsInt());
    }

    @Test
    void theOpioidCravingScaleHasThreeItemsZeroToTen() {
        Instrument ocs = catalog.get("ocs");
        assertEquals(3, ocs.items().size());
        assertTrue(ocs.items().stream().allMatch(i -> i.min() == 0 && i.max() == 10));
        assertEquals(30, score("ocs", Item::max).total().getAsInt());
        assertEquals("OCS item 2", catalog.itemText("ocs", "2"), "wording not in the reference: a placeholder");
    }

    @Test
    void ymrsScoresItems5_6_8And9ZeroToEightAndTheRestZeroToFourTotalling60() {
        Instrument ymrs = catalog.get("ymrs");
        assertEquals(11, ymrs.items().size());
        assertEquals(List.of(5, 6, 8, 9), ymrs.items().stream().filter(i -> i.max() == 8).map(Item::number).toList());
        assertEquals(60, score("ymrs", Item::max).total().getAsInt());
        Map<String, Answer> over = new LinkedHashMap<>();
        ymrs.items().forEach(i -> over.put(i.id(), Answer.score(i.number() == 1 ? 5 : 0)));
        var e = assertThrows(InvalidRatingException.class, () -> Scorer.score(ymrs, Fixtures.rating("r", "ymrs", null, over)));
        assertTrue(e.getMessage().contains("item elevated_mood: score 5 outside 0-4"), e.getMessage());
    }

    @Test
    void cowsAllowsOnlyEachItemsPublishedScorePointsAndTotalsZeroTo48() {
        Instrument cows = catalog.get("cows");
        assertEquals(11, cows.items().size());
        assertEquals(48, cows.maxTotal(null));
        assertEquals(48, score("cows", Item::maxScore).total().getAsInt());
        Item pulse = cows.items().getFirst();
        assertEquals("Resting pulse rate", pulse.publicName());
        assertEquals("0, 1, 2, 4", pulse.range());
        Map<String, Answer> three = new LinkedHashMap<>();
        cows.items().forEach(i -> three.put(i.id(), Answer.score(i.number() == 1 ? 3 : 0)));
        var e = assertThrows(InvalidRatingException.class, () -> Scorer.score(cows, Fixtures.rating("r", "cows", null, three)));
        assertTrue(e.getMessage().contains("item resting_pulse: score 3 not one of 0, 1, 2, 4"), e.getMessage());
        Item gooseflesh = cows.items().getLast();
        assertEquals("0, 3, 5", gooseflesh.range());
    }

    @Test
    void cgiSeverityAndImprovementAreOneToSevenWithTheirPublishedAnchors() {
        Item severity = catalog.get("cgi_s").items().getFirst();
        assertEquals(1, severity.min());
        assertEquals(7, severity.max());
        assertEquals("normal, not at all ill", severity.anchors().getFirst().label());
        assertEquals("among the most extremely ill patients", severity.anchors().getLast().label());
        Item improvement = catalog.get("cgi_i").items().getFirst();
        assertEquals("no change", improvement.anchors().get(3).label());
        assertEquals(4, score("cgi_i", i -> 4).total().getAsInt());
    }

    @Test
    void bprsPositiveShipsItsSevenSeverityAnchors() {
        Item item = catalog.get("bprs_pos").items().getFirst();
        assertEquals(List.of("not present", "very mild", "mild", "moderate", "moderately severe", "severe", "extremely severe"),
                item.anchors().stream().map(Anchor::label).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), item.anchors().stream().map(Anchor::value).toList());
    }
}
