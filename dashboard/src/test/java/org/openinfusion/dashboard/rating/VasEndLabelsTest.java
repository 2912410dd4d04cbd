package org.openinfusion.dashboard.rating;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.VasItem;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

class VasEndLabelsTest {
    @Test
    void aProtocolsVasWithLabelsAtBothEndsShowsThemAndTheShippedItemsWhichTheReferenceGivesNoneForSaySo() {
        InstrumentCatalog catalog = InstrumentCatalog.builtIn();
        Instrument own = catalog.vas("craving_vas", List.of(new VasItem("craving", "Craving", "no craving", "worst craving imaginable"),
                new VasItem("blind", "Which did you get?", "placebo", null)));

        assertTrue(RatingDialog.hasEndLabels(own.items().get(0)));
        assertFalse(RatingDialog.hasEndLabels(own.items().get(1)), "one end only is not a labelled line");
        Instrument shipped = catalog.get("vas");
        assertTrue(shipped.items().stream().noneMatch(RatingDialog::hasEndLabels), "none invented for high, nausea, craving");
        assertTrue(shipped.source().contains("end labels: none given by the reference"), shipped.source());
    }
}
