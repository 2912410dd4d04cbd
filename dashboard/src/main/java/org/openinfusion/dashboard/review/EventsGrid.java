package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;

/** Every event of the record in time order; clicking an alarm or a marker shows its waveform. */
final class EventsGrid extends Grid<TimelineEvent> {
    private Instant zero;

    EventsGrid(Consumer<TimelineEvent> openWaveform) {
        setId("events-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(e -> ReviewFormat.fromStart(e.at(), zero)).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> ReviewFormat.time(e.at())).setHeader("Time (" + ReviewFormat.zoneName(Instant.now()) + ")").setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> ReviewFormat.words(e.category()) + ": " + ReviewFormat.title(e)
                + (e.detail() == null || e.detail().isBlank() ? "" : " (" + ReviewFormat.detail(e) + ")")).setHeader("Event").setFlexGrow(1);
        addColumn(TimelineEvent::actor).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        setTooltipGenerator(e -> TimelineData.WITH_WAVEFORM.contains(e.category()) ? "Click for the ECG and pleth around it" : null);
        setPartNameGenerator(e -> TimelineData.WITH_WAVEFORM.contains(e.category()) ? "with-waveform" : null);
        addItemClickListener(e -> {
            if (TimelineData.WITH_WAVEFORM.contains(e.getItem().category())) {
                openWaveform.accept(e.getItem());
            }
        });
        setHeight("36rem");
    }

    void show(List<TimelineEvent> events, Instant zero) {
        this.zero = zero;
        setItems(events);
    }
}
