package org.openinfusion.station.clinical.audit;

import java.util.Locale;
import java.util.Optional;
import org.openinfusion.station.clinical.history.TrailEvent;

/** The written form of a patient tablet's access events: {@code tablet.code_issued}, {@code tablet.unlocked}, ... */
final class TabletCodec {
    private static final String PREFIX = "tablet.";

    private TabletCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.TabletAccess t) {
        return RecordCodec.of(PREFIX + t.step().name().toLowerCase(Locale.ROOT), "at", t.at().toString(), "handover", t.handoverId(),
                "timePoint", t.timePointId(), "form", t.form(), "detail", t.detail());
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        if (!p.type().startsWith(PREFIX)) {
            return Optional.empty();
        }
        TrailEvent.TabletStep step;
        try {
            step = TrailEvent.TabletStep.valueOf(p.type().substring(PREFIX.length()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException newer) {
            return Optional.empty(); // a tablet event of a newer station: kept as Unrecognised
        }
        return Optional.of(new TrailEvent.TabletAccess(p.at(), step, p.text("handover"), p.text("timePoint"), p.text("form"),
                p.text("detail")));
    }
}
