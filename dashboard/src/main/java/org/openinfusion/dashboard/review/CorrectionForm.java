package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionRecord.ItemRow;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;

/**
 * The items of one rating, prefilled with the answers recorded, to be corrected: a value in the item's range, or
 * "not assessed" with a reason. The station checks and scores the corrected rating again.
 */
final class CorrectionForm extends Div {
    /** One item's inputs. */
    private record Row(ItemRow item, IntegerField value, Checkbox notAssessed, TextField reason) {
    }

    private final InstrumentCatalog instruments;
    private final List<Row> rows = new ArrayList<>();

    CorrectionForm(InstrumentCatalog instruments) {
        this.instruments = instruments;
        setId("correction-items");
    }

    void show(RatingRecord rating) {
        removeAll();
        rows.clear();
        if (rating == null) {
            return;
        }
        for (ItemRow i : rating.items()) {
            IntegerField value = new IntegerField();
            value.setId("correct-" + i.itemId());
            value.setAriaLabel(i.label());
            range(rating.instrumentId(), i.itemId()).ifPresent(it -> {
                value.setMin(it.min());
                value.setMax(it.max());
                value.setHelperText(it.range());
            });
            value.setValue(i.value());
            Checkbox notAssessed = new Checkbox(Text.get("review.correction.notAssessed"), i.value() == null);
            notAssessed.setId("correct-na-" + i.itemId());
            TextField reason = new TextField();
            reason.setId("correct-reason-" + i.itemId());
            reason.setPlaceholder(Text.get("review.correction.why"));
            reason.setValue(i.notAssessedReason() == null ? "" : i.notAssessedReason());
            reason.setEnabled(i.value() == null);
            value.setEnabled(i.value() != null);
            notAssessed.addValueChangeListener(e -> {
                value.setEnabled(!e.getValue());
                reason.setEnabled(e.getValue());
            });
            Div line = new Div(new Span(i.label()), value, notAssessed, reason);
            line.addClassName("correction-item");
            add(line);
            rows.add(new Row(i, value, notAssessed, reason));
        }
    }

    private Optional<Item> range(String instrumentId, String itemId) {
        try {
            return instruments.get(instrumentId).item(itemId);
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /** The answers (item id to value, or "not assessed: reason"), or the first problem. */
    Map<String, Object> answers() throws IllegalArgumentException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.notAssessed().getValue()) {
                if (r.reason().getValue().isBlank()) {
                    throw new IllegalArgumentException(Text.get("review.correction.needsReason", r.item().label()));
                }
                out.put(r.item().itemId(), "not assessed: " + r.reason().getValue().strip());
            } else if (r.value().getValue() == null) {
                throw new IllegalArgumentException(Text.get("review.correction.needsValue", r.item().label()));
            } else {
                out.put(r.item().itemId(), r.value().getValue());
            }
        }
        return out;
    }
}
