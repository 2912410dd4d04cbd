package org.openinfusion.station.clinical.rating.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.Subscale;
import org.openinfusion.station.clinical.rating.VasItem;

class InstrumentCatalogTest {
    private final InstrumentCatalog catalog = InstrumentCatalog.builtIn();

    @Test
    void cadssHas23ItemsScoredZeroToFourWithItems20To23RatedByTheObserver() {
        // given the shipped catalog
        // when CADSS is looked up
        Instrument cadss = catalog.get("cadss");
        // then it has 23 items 0-4, subject-rated 1-19, observer-rated 20-23, total 0-92
        assertEquals(23, cadss.items().size());
        assertTrue(cadss.items().stream().allMatch(i -> i.min() == 0 && i.max() == 4));
        assertEquals(Rater.SUBJECT, cadss.item("19").orElseThrow().rater());
        assertEquals(Rater.OBSERVER, cadss.item("20").orElseThrow().rater());
        assertEquals(19, cadss.items().stream().filter(i -> i.rater() == Rater.SUBJECT).count());
        assertEquals(0, cadss.minTotal(null));
        assertEquals(92, cadss.maxTotal(null));
    }

    @Test
    void cadssDomainsFollowNiciuAndTheObserverDomainIsMarkedUnverifiedAndConfigurable() {
        // given CADSS
        Instrument cadss = catalog.get("cadss");
        // when its subscales are read
        Subscale depersonalization = cadss.subscale("depersonalization").orElseThrow();
        Subscale observer = cadss.subscale("observer").orElseThrow();
        // then the 5/12/2 split holds and the observer domain is flagged
        assertEquals(List.of("3", "4", "5", "6", "7"), depersonalization.itemIds());
        assertEquals(List.of("1", "2", "8", "9", "10", "11", "12", "13", "16", "17", "18", "19"),
                cadss.subscale("derealization").orElseThrow().itemIds());
        assertEquals(List.of("14", "15"), cadss.subscale("amnesia").orElseThrow().itemIds());
        assertTrue(depersonalization.verified());
        assertFalse(depersonalization.configurable());
        assertFalse(observer.verified());
        assertTrue(observer.configurable());
    }

    @Test
    void cadssAnchorsShipOnlyAsUnverifiedEndPoints() {
        // given CADSS item 7
        Item item = catalog.get("cadss").item("7").orElseThrow();
        // when its anchors are read
        // then they are the two end points, flagged UNVERIFIED
        assertEquals(List.of(new Anchor(0, "not at all"), new Anchor(4, "extremely")), item.anchors());
        assertFalse(item.anchorsVerified());
        assertNull(item.publicName());
        assertFalse(catalog.get("cadss").unverified().isEmpty());
    }

    @Test
    void cadss6IsItems1_2_6_7_15_22WithATotalOfZeroTo24() {
        // given CADSS
        Instrument cadss = catalog.get("cadss");
        // when the short form's items are taken
        List<Item> items = cadss.itemsOf("cadss6");
        // then they are the six items of Rodrigues 2021
        assertEquals(List.of("1", "2", "6", "7", "15", "22"), items.stream().map(Item::id).toList());
        assertEquals("CADSS-6", cadss.shortForm("cadss6").orElseThrow().name());
        assertEquals(24, cadss.maxTotal("cadss6"));
    }

    @Test
    void bprsPositiveHasFourNamedObserverItemsScoredOneToSeven() {
        // given the catalog
        // when BPRS+ is looked up
        Instrument bprs = catalog.get("bprs_pos");
        // then its four public item names ship and its total runs 4-28
        assertEquals(List.of("Conceptual disorganization", "Suspiciousness", "Hallucinatory behavior",
                "Unusual thought content"), bprs.items().stream().map(Item::publicName).toList());
        assertTrue(bprs.items().stream().allMatch(i -> i.min() == 1 && i.max() == 7 && i.rater() == Rater.OBSERVER));
        assertEquals(4, bprs.minTotal(null));
        assertEquals(28, bprs.maxTotal(null));
    }

    @Test
    void moaasIsOneItemFromZeroToFive() {
        // given the catalog
        // when MOAA/S is looked up
        Instrument moaas = catalog.get("moaas");
        // then it has one observer item 0-5 with all six public anchors
        assertEquals(1, moaas.items().size());
        Item item = moaas.items().getFirst();
        assertEquals(0, item.min());
        assertEquals(5, item.max());
        assertEquals(List.of(5, 4, 3, 2, 1, 0), item.anchors().stream().map(Anchor::value).toList());
        assertEquals("responds only after name is called loudly and/or repeatedly", item.anchors().get(2).label());
        assertEquals("responds only after painful trapezius squeeze", item.anchors().get(4).label());
        assertTrue(item.anchorsVerified());
    }

    @Test
    void psiHas48ItemsAndSixSubscalesWhoseMappingIsNotShipped() {
        // given the catalog
        // when PSI is looked up
        Instrument psi = catalog.get("psi");
        // then it has 48 items 0-3 (total 0-144) and six named subscales with empty item lists
        assertEquals(48, psi.items().size());
        assertEquals(144, psi.maxTotal(null));
        assertEquals(List.of("delusory_thinking", "perceptual_distortion", "cognitive_disorganisation", "anhedonia",
                "mania", "paranoia"), psi.subscales().stream().map(Subscale::id).toList());
        assertTrue(psi.subscales().stream().noneMatch(Subscale::mapped));
    }

    @Test
    void aProtocolDeclaresItsOwnVasQuestionsOnTheZeroTo100Scale() {
        // given the questions of a protocol
        List<VasItem> questions = List.of(new VasItem("high", "High", "not at all", "extremely"),
                new VasItem("craving", "Craving", null, null));
        // when a VAS instrument is made from them
        Instrument vas = catalog.vas("vas_protocol", questions);
        // then each question is a subject-rated 0-100 item without a total
        assertEquals(2, vas.items().size());
        assertEquals(100, vas.item("high").orElseThrow().max());
        assertEquals(List.of(new Anchor(0, "not at all"), new Anchor(100, "extremely")),
                vas.item("high").orElseThrow().anchors());
        assertEquals(Scoring.NONE, vas.scoring());
        assertEquals("Craving", catalog.vas("v", questions).item("craving").orElseThrow().publicName());
        assertEquals(List.of("high", "nausea", "craving"),
                catalog.get("vas").items().stream().map(Item::id).toList());
    }
}
