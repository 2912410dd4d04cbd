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

    /**
     * A new rating; when the subject has answered its subject-rated items on the patient tablet (CADSS 1-19), staff rate
     * the others only and the subject's answers go into the one rating unchanged.
     */
    void rate(String timePointId, String formKey, Map<String, Answer> subjectPart) {
        FormKey form = FormKey.resolve(catalog, formKey).orElseThrow(() -> new IllegalArgumentException("unknown form " + formKey));
        launch(formKey, timePointId, RatingDraft.completing(catalog.get(form.instrumentId()), form, timePointId, clock.instant(), subjectPart));
    }

    void correct(SessionView.RatingEntry r) {
        show(r.timePointId(), r.form(), r.ratingId(), r.answers());
    }

    private void show(String timePointId, String formKey, String correcting, Map<String, Answer> previous) {
        FormKey form = FormKey.resolve(catalog, formKey)
                .orElseThrow(() -> new IllegalArgumentException("unknown form " + formKey));
        launch(formKey, timePointId, new RatingDraft(catalog.get(form.instrumentId()), form, timePointId, clock.instant(), correcting, previous));
    }

    private void launch(String formKey, String timePointId, RatingDraft draft) {
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
