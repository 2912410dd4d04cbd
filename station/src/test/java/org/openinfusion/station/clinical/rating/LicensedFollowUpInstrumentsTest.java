package org.openinfusion.station.clinical.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** QIDS-SR16, MADRS, C-SSRS and BSS: real item counts, raters and ranges; their licensed wording never ships. */
class LicensedFollowUpInstrumentsTest {
    private final InstrumentCatalog catalog = InstrumentCatalog.builtIn();

    private Score top(String instrument) {
        Instrument i = catalog.get(instrument);
        Map<String, Answer> answers = new LinkedHashMap<>();
        i.items().forEach(item -> answers.put(item.id(), Answer.score(item.max())));
        return Scorer.score(i, Fixtures.rating("r-" + instrument, instrument, null, answers));
    }

    @Test
    void eachHasItsPublishedItemCountRaterAndRange() {
        record Expected(String id, int items, Rater rater, int min, int max) {
        }
        for (Expected e : List.of(new Expected("qids_sr16", 16, Rater.SUBJECT, 0, 3), new Expected("madrs", 10, Rater.OBSERVER, 0, 6),
                new Expected("c_ssrs", 6, Rater.OBSERVER, 0, 1), new Expected("bss", 19, Rater.SUBJECT, 0, 2))) {
            Instrument i = catalog.get(e.id());
            assertEquals(e.items(), i.items().size(), e.id());
            assertTrue(i.items().stream().allMatch(item -> item.rater() == e.rater() && item.min() == e.min() && item.max() == e.max()), e.id());
        }
    }

    @Test
    void madrsTotalsZeroTo60AndBssZeroTo38WhileQidsAndCssrsGetNoSummedTotal() {
        assertEquals(60, top("madrs").total().getAsInt());
        assertEquals(38, top("bss").total().getAsInt());
        assertTrue(top("qids_sr16").total().isEmpty(), "the QIDS total is by domains (0-27), not a sum: not computed yet");
        assertTrue(top("c_ssrs").total().isEmpty(), "C-SSRS answers are categories, not a score");
    }

    @Test
    void withoutASiteFileEveryItemReadsAsANumberedPlaceholder() {
        assertEquals("QIDS-SR16 item 5", catalog.itemText("qids_sr16", "5"));
        assertEquals("MADRS item 10", catalog.itemText("madrs", "10"));
        assertEquals("C-SSRS item 2", catalog.itemText("c_ssrs", "2"));
        assertEquals("BSS item 19", catalog.itemText("bss", "19"));
    }
}
