package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.TrendWindow;

/**
 * Server side of {@code <review-timeline>} (js/review-timeline.js, uPlot from its WebJar): sends the record's
 * overview once, answers a zoom with the window at full resolution (asked of the station for a long record), and reports
 * a click on an event line and the panels drawn.
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
    private final BiConsumer<ReviewRequest.Trends, Consumer<TrendWindow>> station;
    private TimelineData data;
    private String overview = "";
    private String sessionId;
    private String detail = "";
    private Runnable drawn = () -> { };

    /** {@code station}: asks the station for a zoomed window of a long record's trends ({@code ReviewClient#trends}). */
    Timeline(Function<String, String> instrumentLabel, IntConsumer eventClicked,
             BiConsumer<ReviewRequest.Trends, Consumer<TrendWindow>> station) {
        this.instrumentLabel = instrumentLabel;
        this.station = station;
        setId("timeline");
        getElement().addEventListener("range-change", e -> rangeChanged(e.getEventDetail(Range.class))).addEventDetail(Range.class);
        getElement().addEventListener("event-click", e -> eventClicked.accept(e.getEventDetail(Clicked.class).index()))
                .addEventDetail(Clicked.class);
        getElement().addEventListener("timeline-drawn", e -> drawn.run());
    }

    /** {@code r} runs when the browser has drawn the panels of the data last shown ('timeline-drawn'). */
    void onDrawn(Runnable r) {
        drawn = r;
    }

    void show(SessionRecord record) {
        sessionId = record.listing().sessionId();
        data = new TimelineData(record, instrumentLabel);
        overview = data.overview();
        getElement().callJsFunction("setData", overview);
    }

    /**
     * A zoom: the window at full resolution, when the overview left samples out; from the record when it holds every
     * value, else asked of the station (a long record's overview holds each bucket's extremes only).
     */
    void rangeChanged(Range r) {
        if (data == null || !data.lossy() || r == null || r.to() <= r.from()) {
            return;
        }
        if (!data.overviewOnly()) {
            getElement().callJsFunction("showDetail", data.detail(r.from(), r.to()));
            return;
        }
        TimelineData asked = data;
        Instant[] w = asked.detailWindow(r.from(), r.to());
        station.accept(new ReviewRequest.Trends(sessionId, w[0], w[1]), window -> {
            if (data == asked && window.problem() == null) {
                detail = asked.detail(window);
                getElement().callJsFunction("showDetail", detail);
            }
        });
    }

    /** The JSON last sent, for tests. */
    String overview() {
        return overview;
    }

    /** The last zoomed window the station answered, as sent, for tests. */
    String stationDetail() {
        return detail;
    }
}
