package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;

/**
 * The trends of a window of one session ({@code ReviewRequest.Trends}), in {@link SessionRecords#TREND_STREAMS} order;
 * {@code fullResolution} false when some lines hold each bucket's extremes ({@link SessionRecords#overview}). Empty with
 * {@code problem} set when the store could not answer.
 */
public record TrendWindow(Instant from, Instant to, List<SessionRecord.Trend> trends, boolean fullResolution, String problem) {
    public TrendWindow {
        trends = List.copyOf(trends);
    }
}
