package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.openinfusion.station.clinical.review.SessionRecord;

/**
 * Server side of {@code <review-timeline>} (js/review-timeline.js, uPlot from its WebJar): sends the record's
 * overview once, answers a zoom with the window at full resolution, and reports a click on an event line.
 */
@Tag("review-timeline")
final class Timeline extends Component {
    /** The zoomed window the browser reports, in minutes from the timeline's zero. */
    record Range(double from, double to) {
    }

    /** The index of the clicked event in {@code record.events()}. */
    record Clicked(int index) {
    }

    private final Function<String, String> instrumentLabel;
    private TimelineData data;
    private String overview = "";

    Timeline(Function<String, String> instrumentLabel, IntConsumer eventClicked) {
        this.instrumentLabel = instrumentLabel;
        setId("timeline");
        getElement().addEventListener("range-change", e -> rangeChanged(e.getEventDetail(Range.class))).addEventDetail(Range.class);
        getElement().addEventListener("event-click", e -> eventClicked.accept(e.getEventDetail(Clicked.class).index()))
                .addEventDetail(Clicked.class);
    }

    void show(SessionRecord record) {
        data = new TimelineData(record, instrumentLabel);
        overview = data.overview();
        getElement().callJsFunction("setData", overview);
    }

    /** A zoom: the window at full resolution, when the overview left samples out. */
    void rangeChanged(Range r) {
        if (data != null && data.lossy() && r != null && r.to() > r.from()) {
            getElement().callJsFunction("showDetail", data.detail(r.from(), r.to()));
        }
    }

    /** The JSON last sent, for tests. */
    String overview() {
        return overview;
    }
}
