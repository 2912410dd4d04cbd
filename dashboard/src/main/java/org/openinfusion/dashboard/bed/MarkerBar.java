package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;

/** One-tap event markers, always in view; the free-text note and the latest markers in a tab ({@link #notes()}). */
final class MarkerBar extends Div {
    /** Markers listed in the Notes tab: as many as fit it at 1024x768 without scrolling. */
    static final int SHOWN_MARKERS = 4;
    private final Actions actions;
    private final TextField note = new TextField();
    private final Div recent = new Div();
    private final Div notes = new Div();

    MarkerBar(Actions actions) {
        this.actions = actions;
        addClassName("marker-buttons");
        setId("markers");
        for (MarkerKind k : MarkerKind.values()) {
            if (k != MarkerKind.NOTE) {
                Button b = new Button(Text.of("marker", k), e -> actions.send(new SessionCommand.AddMarker(actions.user(), actions.bed(), k, null)));
                b.setId("marker-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                add(b);
            }
        }
        note.setPlaceholder(Text.get("marker.notePlaceholder"));
        note.setAriaLabel(Text.get("marker.notePlaceholder"));
        note.setId("marker-note");
        note.setMaxLength(500);
        Button addNote = new Button(Text.get("marker.addNote"), e -> addNote());
        addNote.setId("marker-note-add");
        recent.setId("marker-recent");
        recent.addClassName("marker-recent");
        Div noteRow = new Div(note, addNote);
        noteRow.addClassName("marker-note-row");
        notes.add(noteRow, recent);
    }

    /** The note field and the latest markers, for a tab. */
    Div notes() {
        return notes;
    }

    private void addNote() {
        if (!note.getValue().isBlank()) {
            actions.send(new SessionCommand.AddMarker(actions.user(), actions.bed(), MarkerKind.NOTE, note.getValue()));
            note.clear();
        }
    }

    void show(List<SessionView.Marker> markers) {
        recent.removeAll();
        // the latest that fit the tab under the note field without scrolling; the rest are in the session record
        markers.stream().limit(SHOWN_MARKERS).forEach(m -> recent.add(new Div(new Span(Text.clock(m.at()) + "  " + Text.of("marker", m.kind())
                + (m.note() == null || m.note().isEmpty() ? "" : ": " + m.note()) + "  (" + m.user() + ")"))));
        if (markers.size() > SHOWN_MARKERS) {
            Span more = new Span(Text.get("bed.earlierMarkers"));
            more.addClassName("list-more");
            recent.add(more);
        }
    }
}
