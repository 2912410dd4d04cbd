package org.openinfusion.dashboard.bed;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.rating.ItemValues;
import org.openinfusion.dashboard.rating.RatingDialog;
import org.openinfusion.dashboard.rating.RatingDraft;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** Opens the rating form for a due time point, or a correction of a recorded rating, and sends the result. */
final class RatingLauncher {
    private final BedView view;
    private final InstrumentCatalog catalog;
    private final Clock clock;
    private RatingDialog open;

    RatingLauncher(BedView view, InstrumentCatalog catalog, Clock clock) {
        this.view = view;
        this.catalog = catalog;
        this.clock = clock;
    }

    void rate(String timePointId, String formKey) {
        show(timePointId, formKey, null, Map.of());
    }

    void correct(SessionView.RatingEntry r) {
        show(r.timePointId(), r.form(), r.ratingId(), r.answers());
    }

    private void show(String timePointId, String formKey, String correcting, Map<String, Answer> previous) {
        FormKey form = FormKey.resolve(catalog, formKey)
                .orElseThrow(() -> new IllegalArgumentException("unknown form " + formKey));
        RatingDraft draft = new RatingDraft(catalog.get(form.instrumentId()), form, timePointId, clock.instant(), correcting, previous);
        open = new RatingDialog(draft, catalog, Text.form(formKey) + " - " + Text.timePoint(timePointId), new RatingDialog.Rater() {
            @Override
            public Rating finish(RatingDraft d, String correctionReason) {
                return d.toRating(view.stationUser().role().key(), view.user(), clock.instant(), correctionReason);
            }

            @Override
            public void submit(Rating rating, Consumer<String> recorded, Consumer<String> refused) {
                view.send(new SessionCommand.RecordRating(view.bed(), rating),
                        reply -> recorded.accept(reply.score().filter(s -> s.total().isPresent())
                                .map(s -> Text.get("rating.recordedTotal", s.summary()))
                                .orElseGet(() -> ItemValues.of(catalog, formKey, rating.answers()))), refused);
            }
        });
        open.open();
    }

    RatingDialog dialog() {
        return open;
    }
}
