package org.openinfusion.dashboard.review;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;

/** What the browser reports once it has drawn a record page's timeline ({@code timeline-drawn}), for the views' tests. */
final class TimelineDrawn {
    private TimelineDrawn() {
    }

    static void fire(ReviewRecordView view) {
        view.timeline().getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(view.timeline().getElement(), "timeline-drawn", JacksonUtils.createObjectNode()));
    }
}
