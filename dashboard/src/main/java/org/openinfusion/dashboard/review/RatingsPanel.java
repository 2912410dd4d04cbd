package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.rating.ItemValues;
import org.openinfusion.station.clinical.review.SessionRecord.ItemRow;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;

/**
 * Every rating as recorded: time point, instrument and form, total, when and by whom, and its items on demand. A
 * superseded rating is struck through with a link to its correction; a correction names what it corrects and why;
 * a correction made in review is labelled as an amendment. Nothing recorded is hidden.
 */
final class RatingsPanel extends Div {
    private static final String NO_TOTAL = "no total";
    private final Function<String, String> instrumentLabel;
    private final Map<String, Details> byId = new HashMap<>();

    RatingsPanel(Function<String, String> instrumentLabel) {
        this.instrumentLabel = instrumentLabel;
        setId("ratings");
        addClassName("ratings");
    }

    void show(List<RatingRecord> ratings, Instant zero) {
        removeAll();
        byId.clear();
        add(new H2(Text.get("review.ratings.title")));
        if (ratings.isEmpty()) {
            add(new Span(Text.get("review.ratings.none")));
            return;
        }
        ratings.stream().sorted(Comparator.comparing(RatingRecord::finishedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(r -> add(rating(r, zero)));
    }

    private Details rating(RatingRecord r, Instant zero) {
        Span name = new Span(Text.timePoint(r.timePoint()) + " - " + name(r));
        name.addClassName("rating-name");
        Span total = new Span(r.total() == null ? ItemValues.of(r.instrumentId(), r.items().stream()
                .map(i -> new ItemValues.Value(i.label(), i.value())).toList()) : Text.get("review.ratings.total", r.total()));
        total.addClassName("rating-total");
        Div summary = new Div(name, total, new Span(ReviewFormat.dateTime(r.finishedAt()) + " (" + ReviewFormat.fromStart(r.finishedAt(), zero)
                + "), " + StaffNames.named(r.rater())));
        summary.addClassName("rating-summary");
        // the station's summary; for an instrument without a total (VAS) its "no total" is left out (the values show)
        String said = r.summary() == null ? "" : r.total() == null && r.summary().startsWith(NO_TOTAL)
                ? r.summary().substring(NO_TOTAL.length()).strip() : r.summary();
        if (!said.isBlank()) {
            summary.add(new Span(said));
        }
        if (r.amendment()) {
            Span a = new Span(Text.get("review.ratings.amendment"));
            a.addClassName("badge-amended");
            summary.add(a);
        }
        if (r.corrects() != null) {
            summary.add(new Span(Text.get("review.ratings.corrects") + (r.reason() == null ? "" : Text.get("review.ratings.reason", r.reason()))));
        }
        if (r.supersededBy() != null) {
            Button see = new Button(Text.get("review.ratings.superseded"), e -> reveal(r.supersededBy()));
            see.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            see.setId("see-correction-" + r.ratingId());
            summary.add(see);
        }
        Details d = new Details(summary, items(r.items()));
        d.setId("rating-" + r.ratingId());
        d.addClassName("rating");
        d.getElement().setAttribute("data-superseded", String.valueOf(r.supersededBy() != null));
        byId.put(r.ratingId(), d);
        return d;
    }

    private String name(RatingRecord r) {
        return ReviewFormat.form(instrumentLabel.apply(r.instrumentId()), r.instrumentId(), r.form());
    }

    private static NativeTable items(List<ItemRow> items) {
        NativeTable t = new NativeTable();
        t.addClassName("rating-items");
        NativeTableRow head = t.getHead().addRow();
        head.addHeaderCell().setText(Text.get("review.ratings.item"));
        head.addHeaderCell().setText(Text.get("review.ratings.answer"));
        for (ItemRow i : items) {
            NativeTableRow row = t.getBody().addRow();
            row.addDataCell().setText(i.label());
            var answer = row.addDataCell();
            if (i.value() != null) {
                answer.setText(i.value().toString());
            } else {
                answer.setText(Text.get("review.ratings.notAssessed", i.notAssessedReason() == null ? "" : i.notAssessedReason()));
                answer.addClassName("not-assessed");
            }
        }
        return t;
    }

    /** Opens and scrolls to a rating (the correction of a superseded one). */
    void reveal(String ratingId) {
        Details d = byId.get(ratingId);
        if (d != null) {
            d.setOpened(true);
            d.scrollIntoView();
        }
    }
}
