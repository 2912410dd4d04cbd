package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Locale;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;

/**
 * Who and what the record is (subject code, protocol, bed, kit, weight, state), its e-signatures with printed name,
 * date-time and meaning, LOCKED while signed and unchanged, and every amendment shown as an amendment.
 */
final class RecordHeader extends Div {
    private final H1 subject = new H1();
    private final Span locked = new Span(Text.get("review.record.locked"));
    private final Span amended = new Span(Text.get("review.record.amended"));
    private final Span needs = new Span(Text.get("review.record.needsSignature"));
    private final Div fields = new Div();
    private final UnorderedList signatures = new UnorderedList();
    private final UnorderedList amendments = new UnorderedList();
    private final Span storeProblem = new Span();

    RecordHeader() {
        addClassName("record-header-block");
        subject.setId("record-subject");
        locked.setId("record-locked");
        locked.addClassName("badge-locked");
        amended.setId("record-amended");
        amended.addClassName("badge-amended");
        needs.setId("record-needs-signature");
        needs.addClassName("badge-needs");
        fields.setId("record-fields");
        fields.addClassName("record-fields");
        signatures.setId("record-signatures");
        signatures.addClassName("signatures");
        amendments.setId("record-amendments");
        amendments.addClassName("amendments");
        storeProblem.setId("record-store-problem");
        storeProblem.addClassName("dialog-error");
        Div top = new Div(subject, locked, amended, needs);
        top.addClassName("record-header");
        add(top, fields, signatures, amendments, storeProblem);
    }

    void show(SessionRecord r) {
        SessionListing l = r.listing();
        subject.setText(l.subjectCode());
        locked.setVisible(l.state() == RecordState.SIGNED);
        amended.setVisible(l.amendedSinceSigned());
        needs.setVisible(l.needsSignature());
        fields.removeAll();
        field(Text.get("review.field.protocol"), ReviewFormat.protocol(l));
        field(Text.get("review.field.bed"), l.bed());
        field(Text.get("review.field.kit"), r.kitId());
        field(Text.get("review.field.weight"), Text.get("review.field.weightKg", ReviewFormat.number(r.weightKg())));
        field(Text.get("review.field.state"), Text.orElse("review.state." + l.state().name(), ReviewFormat.words(l.state())));
        field(Text.get("review.field.created"), ReviewFormat.dateTime(l.createdAt()));
        field(Text.get("review.field.closed"), ReviewFormat.dateTime(l.closedAt()));
        field(Text.get("review.field.infusionStart"), ReviewFormat.dateTime(r.infusionStart()));
        signatures.removeAll();
        r.signatures().forEach(s -> signatures.add(new ListItem(Text.get("review.record.signed", s.printedName() + StaffNames.roleOf(s.userId()).map(role -> " (" + role + ")").orElse(""),
                ReviewFormat.dateTime(s.at()), s.meaning().label(), SignDialog.statement(s.meaning())))));
        signatures.setVisible(!r.signatures().isEmpty());
        amendments.removeAll();
        r.amendments().forEach(a -> amendments.add(new ListItem(Text.get("review.record.amendment", Text.orElse("review.amend.kind." + a.kind().toUpperCase(Locale.ROOT), a.kind().replace('_', ' ')),
                StaffNames.named(a.userId()), ReviewFormat.dateTime(a.at()), a.reason()) + (a.detail() == null || a.detail().isBlank() ? "" : ". " + a.detail()))));
        amendments.setVisible(!r.amendments().isEmpty());
        storeProblem.setText(r.storeProblem() == null ? "" : Text.get("review.record.storeProblem", r.storeProblem()));
        storeProblem.setVisible(r.storeProblem() != null);
    }

    private void field(String label, String value) {
        Span s = new Span();
        Span v = new Span(value == null ? "-" : value);
        v.addClassName("field-value");
        s.add(new Span(label + " "), v);
        s.setId("record-" + label.toLowerCase(Locale.ROOT).replace(' ', '-'));
        fields.add(s);
    }
}
