package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;

/** Every event of the record in time order; clicking an alarm or a marker shows its waveform. */
final class EventsGrid extends Grid<TimelineEvent> {
    private Instant zero;

    EventsGrid(Consumer<TimelineEvent> openWaveform) {
        setId("events-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(e -> ReviewFormat.fromStart(e.at(), zero)).setHeader(Text.get("review.events.time")).setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> ReviewFormat.time(e.at())).setHeader(Text.get("review.events.clock", ReviewFormat.zoneName(Instant.now())))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(EventsGrid::text).setHeader(Text.get("review.events.event")).setFlexGrow(1);
        addColumn(TimelineEvent::actor).setHeader(Text.get("review.events.by")).setAutoWidth(true).setFlexGrow(0);
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

    void show(List<TimelineEvent> events, Instant zero) {
        this.zero = zero;
        setItems(events);
    }
}
