package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.Locale;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;

/** One-tap event markers, always in view; the free-text note and the latest markers in a tab ({@link #notes()}). */
final class MarkerBar extends Div {
    /** Markers listed in the Notes tab: as many as fit it at 1024x768 without scrolling. */
    static final int SHOWN_MARKERS = 4;
    /** How long a marker button says its marker was recorded ("Nausea ✓ 13:04"): the answer to a tap, then its name again. */
    static final Duration MARKED_FOR = Duration.ofSeconds(10);
    private final Map<MarkerKind, Button> buttons = new EnumMap<>(MarkerKind.class);
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
                buttons.put(k, b);
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

    /**
     * The latest markers in the tab, and on each button whose marker was recorded within {@link #MARKED_FOR} before
     * {@code now} (the station's time of the view) that it was, and when: a tap gets its answer where the finger is.
     */
    void show(List<SessionView.Marker> markers, Instant now) {
        buttons.forEach((kind, b) -> {
            Optional<SessionView.Marker> latest = markers.stream().filter(m -> m.kind() == kind).max(Comparator.comparing(SessionView.Marker::at));
            boolean marked = latest.isPresent() && Duration.between(latest.get().at(), now).compareTo(MARKED_FOR) < 0;
            String label = marked ? Text.get("marker.marked", Text.of("marker", kind), Text.clock(latest.get().at())) : Text.of("marker", kind);
            if (!label.equals(b.getText())) {
                b.setText(label);
            }
            b.getElement().setAttribute("data-marked", String.valueOf(marked));
        });
        recent.removeAll();
        // the latest that fit the tab under the note field without scrolling; the rest are in the session record
        // one row per marker: its time, what, and who; a name is never broken over two lines ("Wolkenstein-" / "Abendroth")
        markers.stream().limit(SHOWN_MARKERS).forEach(m -> {
            Span when = new Span(Text.clock(m.at()));
            when.addClassName("marker-when");
            Span who = new Span(StaffNames.named(m.user()));
            who.addClassName("marker-who");
            Div row = new Div(when, new Span("  " + Text.of("marker", m.kind()) + (m.note() == null || m.note().isEmpty() ? "" : ": " + m.note()) + " - "), who);
            row.addClassName("marker-line");
            recent.add(row);
        });
        if (markers.size() > SHOWN_MARKERS) {
            Span more = new Span(Text.get("bed.earlierMarkers"));
            more.addClassName("list-more");
            recent.add(more);
        }
    }
}
