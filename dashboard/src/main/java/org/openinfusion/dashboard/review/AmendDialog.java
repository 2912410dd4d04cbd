package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openinfusion.dashboard.safety.AdverseEventForm;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.ReviewRequest.AmendmentKind;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.review.SessionRecord;

/**
 * A change to a closed record, always with a reason: a late note, a rating corrected item by item, or an adverse event
 * recorded after closing. The original
 * stays in the record; the change is shown as an amendment, and a signed record needs signing again.
 */
final class AmendDialog extends Dialog {
    private final TextArea reason = new TextArea(Text.get("review.amend.reason"));
    private final RadioButtonGroup<AmendmentKind> kind = new RadioButtonGroup<>();
    private final TextArea note = new TextArea(Text.get("review.amend.note"));
    private final Select<RatingRecord> rating = new Select<>();
    private final CorrectionForm items;
    private final Span error = new Span();
    private final Button submit = new Button(Text.get("review.amend.submit"));
    private final AdverseEventForm adverseEvent;
    private final String aeId;

    AmendDialog(ReviewClient client, SessionRecord record, InstrumentCatalog instruments, Function<String, String> instrumentLabel,
                Consumer<SessionRecord> amended) {
        setId("amend-dialog");
        setHeaderTitle(Text.get("review.amend.title"));
        setWidth("min(900px, 95vw)");
        items = new CorrectionForm(instruments);
        // the session protocol's expected terms with their sources, as the bed view's adverse event dialog offers them
        adverseEvent = new AdverseEventForm(record.adverseEventTerms());
        reason.setId("amend-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        kind.setId("amend-kind");
        kind.setItems(AmendmentKind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case NOTE -> Text.get("review.amend.kind.NOTE");
            case RATING -> Text.get("review.amend.kind.RATING");
            case ADVERSE_EVENT -> Text.get("review.amend.kind.ADVERSE_EVENT");
        });
        adverseEvent.setVisible(false);
        adverseEvent.startingAt(record.listing().closedAt() == null ? Instant.now() : record.listing().closedAt());
        aeId = AdverseEventForm.nextIdAfter(record.events().stream().filter(e -> e.category() == SessionRecord.Category.ADVERSE_EVENT)
                .map(e -> e.title().replaceFirst("^Adverse event (AE-\\d+):.*$", "$1")).filter(t -> t.startsWith("AE-")).toList());
        note.setId("amend-note");
        note.setWidthFull();
        note.setMaxLength(500);
        rating.setId("amend-rating");
        rating.setLabel(Text.get("review.amend.rating"));
        rating.setItems(record.ratings().stream().filter(r -> r.supersededBy() == null).toList());
        rating.setItemLabelGenerator(r -> Text.timePoint(r.timePoint()) + " - " + ReviewFormat.form(instrumentLabel.apply(r.instrumentId()), r.instrumentId(), r.form())
                + (r.total() == null ? "" : Text.get("review.amend.ratingTotal", r.total())) + ", " + ReviewFormat.dateTime(r.finishedAt()));
        rating.addValueChangeListener(e -> items.show(e.getValue()));
        kind.addValueChangeListener(e -> {
            note.setVisible(e.getValue() == AmendmentKind.NOTE);
            rating.setVisible(e.getValue() == AmendmentKind.RATING);
            items.setVisible(e.getValue() == AmendmentKind.RATING);
            adverseEvent.setVisible(e.getValue() == AmendmentKind.ADVERSE_EVENT);
        });
        kind.setValue(AmendmentKind.NOTE);
        error.setId("amend-error");
        error.addClassName("dialog-error");
        submit.setId("amend-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> send(client, record.listing().sessionId(), amended));
        Button cancel = new Button(Text.get("review.cancel"), e -> close());
        cancel.setId("amend-cancel");
        VerticalLayout body = new VerticalLayout(reason, kind, note, rating, items, adverseEvent, error);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, submit);
    }

    private void send(ReviewClient client, String sessionId, Consumer<SessionRecord> amended) {
        error.setText("");
        ReviewRequest.Amend request;
        try {
            request = request(sessionId);
        } catch (IllegalArgumentException problem) {
            error.setText(problem.getMessage());
            return;
        }
        submit.setEnabled(false);
        client.amend(request, record -> {
            close();
            amended.accept(record);
        }, message -> {
            submit.setEnabled(true);
            error.setText(message);
        });
    }

    private ReviewRequest.Amend request(String sessionId) {
        if (reason.getValue().isBlank()) {
            throw new IllegalArgumentException(Text.get("review.amend.needsReason"));
        }
        if (kind.getValue() == AmendmentKind.NOTE) {
            if (note.getValue().isBlank()) {
                throw new IllegalArgumentException(Text.get("review.amend.needsNote"));
            }
            return new ReviewRequest.Amend(sessionId, AmendmentKind.NOTE, reason.getValue().strip(), note.getValue().strip(), null, Map.of());
        }
        if (kind.getValue() == AmendmentKind.ADVERSE_EVENT) {
            return ReviewRequest.Amend.adverseEvent(sessionId, reason.getValue().strip(), adverseEvent.read(aeId, Optional.empty()));
        }
        RatingRecord r = rating.getValue();
        if (r == null) {
            throw new IllegalArgumentException(Text.get("review.amend.needsRating"));
        }
        return new ReviewRequest.Amend(sessionId, AmendmentKind.RATING, reason.getValue().strip(), null, r.ratingId(), items.answers());
    }

    String error() {
        return error.getText();
    }
}
