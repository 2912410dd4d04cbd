package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;

/** One-tap event markers, a free-text note, and the latest markers recorded. */
final class MarkerBar extends Div {
    private final Actions actions;
    private final TextField note = new TextField();
    private final Div recent = new Div();

    MarkerBar(Actions actions) {
        this.actions = actions;
        addClassName("markers");
        Div buttons = new Div();
        buttons.addClassName("marker-buttons");
        for (MarkerKind k : MarkerKind.values()) {
            if (k != MarkerKind.NOTE) {
                Button b = new Button(k.label(), e -> actions.send(new SessionCommand.AddMarker(actions.user(), actions.bed(), k, null)));
                b.setId("marker-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                buttons.add(b);
            }
        }
        note.setPlaceholder("Note");
        note.setId("marker-note");
        note.setMaxLength(500);
        Button add = new Button("Add note", e -> addNote());
        add.setId("marker-note-add");
        recent.setId("marker-recent");
        recent.addClassName("marker-recent");
        Div noteRow = new Div(note, add);
        noteRow.addClassName("marker-note-row");
        add(buttons, noteRow, recent);
    }

    private void addNote() {
        if (!note.getValue().isBlank()) {
            actions.send(new SessionCommand.AddMarker(actions.user(), actions.bed(), MarkerKind.NOTE, note.getValue()));
            note.clear();
        }
    }

    void show(List<SessionView.Marker> markers) {
        recent.removeAll();
        markers.stream().limit(4).forEach(m -> recent.add(new Div(new Span(Format.clock(m.at()) + "  " + m.kind().label()
                + (m.note().isEmpty() ? "" : ": " + m.note()) + "  (" + m.user() + ")"))));
    }
}
