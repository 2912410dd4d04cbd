package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;

/** Every event of the record in time order; clicking an alarm or a marker shows its waveform. */
final class EventsGrid extends Grid<TimelineEvent> {
    private Instant zero;

    EventsGrid(Consumer<TimelineEvent> openWaveform) {
        setId("events-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // fixed widths that hold their longest value ("T-123.4 min", "15:03:07", a name and role): measured at first paint, auto
        // widths cut the "By" column at 1280 px; the event takes the rest, at most two lines (station.css), its whole text
        // in the tooltip, which a keyboard user gets on focusing the cell
        addColumn(e -> ReviewFormat.fromStart(e.at(), zero)).setHeader(Text.get("review.events.time")).setWidth("6.5rem").setFlexGrow(0);
        addColumn(e -> ReviewFormat.time(e.at())).setHeader(Text.get("review.events.clock", ReviewFormat.zoneName(Instant.now())))
                .setWidth("6rem").setFlexGrow(0);
        addColumn(EventsGrid::text).setHeader(Text.get("review.events.event")).setFlexGrow(1)
                .setTooltipGenerator(EventsGrid::tooltip);
        addColumn(e -> StaffNames.named(e.actor())).setHeader(Text.get("review.events.by")).setWidth("7rem").setFlexGrow(0);
        setTooltipGenerator(e -> TimelineData.WITH_WAVEFORM.contains(e.category()) ? Text.get("review.events.waveformHint") : null);
        setPartNameGenerator(e -> TimelineData.WITH_WAVEFORM.contains(e.category()) ? "with-waveform" : null);
        addItemClickListener(e -> {
            if (TimelineData.WITH_WAVEFORM.contains(e.getItem().category())) {
                openWaveform.accept(e.getItem());
            }
        });
        setHeight("36rem");
    }

    /** An event's row as staff read it, e.g. "Alarm: HR 130 /min above 120 (High priority)". */
    static String text(TimelineEvent e) {
        return ReviewFormat.category(e.category()) + ": " + ReviewFormat.title(e)
                + (e.detail() == null || e.detail().isBlank() ? "" : " (" + ReviewFormat.detail(e) + ")");
    }

    /** Beyond this many characters an event may take more than its two lines: its tooltip holds the whole text. */
    static final int SHOWN_WHOLE = 120;

    /** An event's tooltip: its whole text when it may be cut, and the waveform hint where a click shows one. */
    static String tooltip(TimelineEvent e) {
        String text = text(e);
        String hint = TimelineData.WITH_WAVEFORM.contains(e.category()) ? Text.get("review.events.waveformHint") : null;
        if (text.length() <= SHOWN_WHOLE) {
            return hint;
        }
        return hint == null ? text : text + "\n" + hint;
    }

    void show(List<TimelineEvent> events, Instant zero) {
        this.zero = zero;
        setItems(events);
    }
}
