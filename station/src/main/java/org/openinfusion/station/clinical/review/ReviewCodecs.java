package org.openinfusion.station.clinical.review;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;
import org.openinfusion.station.clinical.export.ExportFile;

/** The physician's review requests and their answers on the bus. */
public final class ReviewCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(ReviewRequest.ListSessions.class, ReviewRequest.OpenRecord.class, ReviewRequest.Waveform.class, ReviewRequest.Trends.class, TrendWindow.class,
                ReviewRequest.Sign.class, ReviewRequest.Amend.class, ReviewRequest.Export.class,
                SessionListing.SessionListings.class, SessionRecord.class, VisitSignOff.VisitSignatures.class, WaveformWindow.class, ExportFile.class);
    }
}
