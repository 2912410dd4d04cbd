package org.openinfusion.dashboard.rating;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** The rating form's wording: item titles without internal tags, who rates the item, answer anchors or a note on their absence. */
class RatingDialogTest {
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static void open(String instrumentId) {
        RatingDraft draft = new RatingDraft(CATALOG.get(instrumentId), new FormKey(instrumentId, null), "baseline",
                Instant.parse("2026-12-05T08:00:00Z"), null, Map.of());
        new RatingDialog(draft, CATALOG, "title", new RatingDialog.Rater() {
            @Override
            public Rating finish(RatingDraft d, String correctionReason) {
                throw new UnsupportedOperationException("not submitted here");
            }

            @Override
            public void submit(Rating rating, Consumer<String> recorded, Consumer<String> refused) {
                throw new UnsupportedOperationException("not submitted here");
            }
        }).open();
    }

    private static Component byId(String id) {
        return _get(Component.class, s -> s.withId(id));
    }

    /** Whether the component is shown (Karibu finds visible components only). */
    private static boolean shown(String id) {
        return !_find(Component.class, s -> s.withId(id)).isEmpty();
    }

    private static String text(String id) {
        return byId(id).getElement().getTextRecursively();
    }

    @Test
    void aPlaceholderItemReadsAsItsNumberWithWhoRatesItApartAndTheNoteOnHowTheSiteInstallsItsWording() {
        open("cadss");
        assertEquals("CADSS item 1", text("rating-item"), "no bracketed tag such as [subject-rated]");
        assertEquals("The subject answers this item (you enter the answer).", text("rating-rater"));
        assertTrue(shown("rating-placeholder-note"));
        String note = text("rating-placeholder-note");
        assertTrue(note.contains("installs the site's licensed wording") && !note.contains("docs/"), note);
        // CADSS ships its two known anchors on the buttons; the others show the score only, with no note for a few gaps
        assertEquals("0 not at all", _get(Button.class, s -> s.withId("score-0")).getText());
        assertEquals("4 extremely", _get(Button.class, s -> s.withId("score-4")).getText());
        assertFalse(shown("rating-anchor-note"));
    }

    @Test
    void publicAnchorsAreOnTheAnswerButtons() {
        open("moaas");
        assertEquals("5 responds readily to name spoken in normal tone", _get(Button.class, s -> s.withId("score-5")).getText());
        assertEquals("0 no response", _get(Button.class, s -> s.withId("score-0")).getText());
        assertEquals("You rate this item from what you observe.", text("rating-rater"));
        assertFalse(shown("rating-anchor-note"));
    }

    @Test
    void anInstrumentWhoseAnswerWordingIsNotShippedSaysSoBesideItsBareScores() {
        open("hamd17");
        assertEquals("Depressed mood", text("rating-item"));
        assertFalse(shown("rating-placeholder-note"), "HAM-D17 item names are public and ship");
        assertEquals("0", _get(Button.class, s -> s.withId("score-0")).getText());
        assertTrue(shown("rating-anchor-note"));
        assertEquals("The station does not ship the wording of each HAM-D17 answer: the buttons show the score only (0 to 4). "
                + "Score with the published form of the scale.", text("rating-anchor-note"));
    }

    @Test
    void previousIsDisabledOnTheFirstItemAndNextOnTheLast() {
        open("cadss");
        Button prev = _get(Button.class, s -> s.withId("rating-prev"));
        Button next = _get(Button.class, s -> s.withId("rating-next"));
        assertFalse(prev.isEnabled(), "nothing before the first item: a button that does nothing is not offered");
        assertTrue(next.isEnabled());
        next.click();
        assertTrue(prev.isEnabled());
        for (int i = 0; i < 30; i++) {
            if (next.isEnabled()) {
                next.click();
            }
        }
        assertTrue(text("rating-progress").startsWith("Item 23 of 23"), text("rating-progress"));
        assertFalse(next.isEnabled(), "nothing after the last item");
    }

    @Test
    void theFormsOwnWordsComeFromTheTranslationBundleNotFromTheCode() throws IOException {
        // a label, button, title or message written as an English literal in the dialog's code
        String source = Files.readString(Path.of("src/main/java/org/openinfusion/dashboard/rating/RatingDialog.java"));
        Matcher m = Pattern.compile("new (Button|TextField|Span)\\(\"|setText\\(\"[^\"]|\" \\(correction\\)\"|\"aria-label\", \"|\" mm\"")
                .matcher(source);
        List<String> literal = new ArrayList<>();
        while (m.find()) {
            literal.add(source.substring(m.start(), Math.min(source.length(), m.end() + 30)));
        }
        assertEquals(List.of(), literal);
        // the same words as before, from messages.properties
        open("cadss");
        assertEquals("Submit", _get(Button.class, s -> s.withId("rating-submit")).getText());
        assertEquals("< Previous", _get(Button.class, s -> s.withId("rating-prev")).getText());
        assertEquals("Next >", _get(Button.class, s -> s.withId("rating-next")).getText());
        assertEquals("Cancel", _get(Button.class, s -> s.withId("rating-cancel")).getText());
        assertEquals("Not assessed", _get(Button.class, s -> s.withId("rating-not-assessed")).getText());
        assertEquals("Reason not assessed", _get(TextField.class, s -> s.withId("rating-reason")).getLabel());
        assertEquals("Item 1 of 23  (0 answered)", text("rating-progress"));
        _get(Button.class, s -> s.withId("rating-not-assessed")).click();
        assertEquals("Give the reason the item was not assessed.", text("rating-error"));
    }
}
