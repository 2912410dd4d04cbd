package org.openinfusion.dashboard.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** A rating without a total (VAS) reads as its values with their unit, never as "no total". */
class ItemValuesTest {
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();

    @Test
    void aVasRatingReadsAsEachItemsValueInMillimetresInTheInstrumentsOrder() {
        Map<String, Answer> answers = Map.of("craving", Answer.score(0), "high", Answer.score(42), "nausea", Answer.notAssessed("asleep"));
        assertEquals("High 42 mm, Nausea not assessed, Craving 0 mm", ItemValues.of(CATALOG, "vas", answers));
    }

    @Test
    void aSingleValueNeedsNoItemName() {
        assertEquals("42 mm", ItemValues.of("vas", List.of(new ItemValues.Value("High", 42))));
        assertEquals("no values", ItemValues.of("vas", List.of()));
        assertEquals("Item A 3, Item B not assessed",
                ItemValues.of("other", Arrays.asList(new ItemValues.Value("Item A", 3), new ItemValues.Value("Item B", null))));
    }
}
