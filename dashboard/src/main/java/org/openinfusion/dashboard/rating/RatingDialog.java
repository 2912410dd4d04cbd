package org.openinfusion.dashboard.rating;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * A fast, touch-friendly form for one instrument: large answer buttons (digits 0-9 on the keyboard), arrows to
 * move between items, progress, "not assessed" with a reason; a correction needs a reason. The station's total is
 * shown once the rating is recorded.
 */
public final class RatingDialog extends Dialog {
    /** Who rates and how the rating is sent; {@code submit} calls back with the station's score summary. */
    public interface Rater {
        Rating finish(RatingDraft draft, String correctionReason);

        void submit(Rating rating, Consumer<String> recorded, Consumer<String> refused);
    }

    private final RatingDraft draft;
    private final InstrumentCatalog catalog;
    private final Rater rater;
    private final Span progressText = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Div itemText = new Div();
    private final Div answers = new Div();
    private final TextField reason = new TextField(Text.get("rating.reasonNotAssessed"));
    private final TextField correctionReason = new TextField(Text.get("rating.correctionReason"));
    private final Span error = new Span();
    private final Div placeholderNote = new Div();
    private final Span raterLine = new Span();
    private final Div anchorNote = new Div();
    private final Button submit = new Button(Text.get("rating.submit"));
    /** Disabled where they would do nothing: Previous on the first item, Next on the last. */
    private final Button prev = new Button(Text.get("rating.previous"), e -> move(-1));
    private final Button next = new Button(Text.get("rating.next"), e -> move(1));

    public RatingDialog(RatingDraft draft, InstrumentCatalog catalog, String title, Rater rater) {
        this.draft = draft;
        this.catalog = catalog;
        this.rater = rater;
        setId("rating-dialog");
        addClassName("rating-dialog");
        setHeaderTitle(draft.isCorrection() ? Text.get("rating.titleCorrection", title) : title);
        setCloseOnOutsideClick(false);
        itemText.addClassName("rating-item");
        itemText.setId("rating-item");
        answers.addClassName("rating-answers");
        progressText.setId("rating-progress");
        progress.getElement().setAttribute("aria-label", Text.get("rating.progressLabel"));
        error.addClassName("rating-error");
        error.setId("rating-error");
        reason.setId("rating-reason");
        correctionReason.setId("rating-correction-reason");
        correctionReason.setVisible(draft.isCorrection());
        placeholderNote.setId("rating-placeholder-note");
        placeholderNote.addClassName("rating-placeholder-note");
        placeholderNote.setText(Text.get("rating.placeholderNote"));
        raterLine.setId("rating-rater");
        raterLine.addClassName("rating-rater");
        anchorNote.setId("rating-anchor-note");
        anchorNote.addClassName("rating-placeholder-note");
        add(progressText, progress, itemText, raterLine, placeholderNote, answers, anchorNote, notAssessedRow(), correctionReason, error);
        prev.setId("rating-prev");
        next.setId("rating-next");
        submit.setId("rating-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        Button cancel = new Button(Text.get("rating.cancel"), e -> close());
        cancel.setId("rating-cancel");
        getFooter().add(cancel, prev, next, submit);
        keys();
        render();
    }

    private Div notAssessedRow() {
        Button na = new Button(Text.get("rating.notAssessed"), e -> notAssessed());
        na.setId("rating-not-assessed");
        Div row = new Div(reason, na);
        row.addClassName("rating-na");
        return row;
    }

    private void keys() {
        Key[] digits = {Key.DIGIT_0, Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5, Key.DIGIT_6,
                Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9};
        for (int d = 0; d <= 9; d++) {
            int value = d;
            Shortcuts.addShortcutListener(this, () -> choose(value), digits[d]).listenOn(this);
        }
        Shortcuts.addShortcutListener(this, () -> move(1), Key.ARROW_RIGHT).listenOn(this);
        Shortcuts.addShortcutListener(this, () -> move(-1), Key.ARROW_LEFT).listenOn(this);
    }

    void choose(int value) {
        if (draft.item().max() - draft.item().min() > 10) {
            return;
        }
        try {
            draft.score(value);
            error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
        render();
    }

    private void move(int by) {
        draft.go(draft.index() + by);
        render();
    }

    private void notAssessed() {
        try {
            draft.notAssessed(reason.getValue());
            reason.clear();
            error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(Text.get("rating.reasonNeeded"));
        }
        render();
    }

    private void render() {
        Item item = draft.item();
        progressText.setText(progressLine());
        progress.setValue((double) draft.answered() / draft.size());
        // the item's wording (or its number when the site has not installed the licensed wording); who rates it apart
        itemText.setText(catalog.itemText(draft.instrument().id(), item.id()));
        raterLine.setText(Text.of("rating.rater", item.rater()));
        placeholderNote.setVisible(catalog.placeholder(draft.instrument().id(), item.id()));
        boolean buttons = item.max() - item.min() <= 10;
        anchorNote.setVisible(buttons && item.anchors().isEmpty());
        anchorNote.setText(Text.get("rating.noAnchorsNote", draft.instrument().label(), item.min(), item.max()));
        answers.removeAll();
        if (item.max() - item.min() > 10) {
            answers.add(vasLine(item));
        } else {
            for (int v = item.min(); v <= item.max(); v++) {
                answers.add(scoreButton(item, v));
            }
        }
        submit.setEnabled(draft.complete());
        prev.setEnabled(draft.index() > 0);
        next.setEnabled(draft.index() < draft.size() - 1);
    }

    private Button scoreButton(Item item, int v) {
        String anchor = item.anchors().stream().filter(a -> a.value() == v).map(a -> " " + a.label()).findFirst().orElse("");
        Button b = new Button(v + anchor, e -> choose(v));
        b.setId("score-" + v);
        b.addClassName("score");
        if (draft.answer() instanceof Answer.Scored s && s.value() == v) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    /** A 100 mm line for a wide scale (VAS 0-100): anchors at its ends, the value in mm beside it. */
    private Div vasLine(Item item) {
        OptionalInt now = draft.answer() instanceof Answer.Scored sc ? OptionalInt.of(sc.value()) : OptionalInt.empty();
        Span value = new Span(now.isPresent() ? Text.get("rating.mm", now.getAsInt()) : Text.get("rating.vasUnset"));
        value.setId("vas-value");
        value.addClassName("vas-value");
        // until the line is touched the span holds how to answer: styled as a hint, not as the value
        value.getElement().setAttribute("data-unset", String.valueOf(now.isEmpty()));
        VasLine line = new VasLine(catalog.itemText(draft.instrument().id(), item.id()), now, v -> {
            try {
                draft.set(v);
                error.setText("");
                value.setText(Text.get("rating.mm", v));
                value.getElement().setAttribute("data-unset", "false");
                progressText.setText(progressLine());
                progress.setValue((double) draft.answered() / draft.size());
                submit.setEnabled(draft.complete());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        }, () -> move(1));
        Span low = new Span(anchor(item, item.min()));
        low.addClassName("vas-anchor");
        Span high = new Span(anchor(item, item.max()));
        high.addClassName("vas-anchor");
        Div row = new Div(low, line, high);
        row.addClassName("vas-row");
        Div box = new Div(row, value);
        box.addClassName("vas");
        if (!hasEndLabels(item)) {
            Span none = new Span(Text.get("rating.vasNoAnchors"));
            none.setId("vas-no-anchors");
            none.addClassName("vas-no-anchors");
            box.add(none);
        }
        return box;
    }

    /** Whether the protocol's instrument file gives this line labels at both ends (with their source in the file). */
    public static boolean hasEndLabels(Item item) {
        return item.anchors().stream().anyMatch(a -> a.value() == item.min()) && item.anchors().stream().anyMatch(a -> a.value() == item.max());
    }

    private static String anchor(Item item, int v) {
        return item.anchors().stream().filter(a -> a.value() == v).map(a -> v + " " + a.label()).findFirst().orElse(String.valueOf(v));
    }

    private String progressLine() {
        return Text.get("rating.progress", draft.index() + 1, draft.size(), draft.answered());
    }

    private void submit() {
        try {
            Rating r = rater.finish(draft, correctionReason.getValue());
            submit.setEnabled(false);
            rater.submit(r, this::showTotal, message -> {
                error.setText(message);
                submit.setEnabled(true);
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.setText(e.getMessage());
        }
    }

    private void showTotal(String summary) {
        removeAll();
        getFooter().removeAll();
        Span total = new Span(Text.get("rating.recorded", summary));
        total.setId("rating-result");
        total.addClassName("rating-result");
        Button done = new Button(Text.get("rating.done"), e -> close());
        done.setId("rating-done");
        add(total);
        getFooter().add(done);
    }

    /** For tests: the current draft. */
    RatingDraft draft() {
        return draft;
    }
}
