package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.dialog.Dialog;
import java.util.function.Supplier;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.SessionClient;
import org.openinfusion.dashboard.tablet.CodeDialog;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * "Hand to patient" at a due rating (docs/tablet.md): asks the station for a one-time code for that one form and shows
 * it large, with until when it works. Offered only for forms the subject rates entirely (VAS, PSI, ...).
 */
final class HandOver {
    private final InstrumentCatalog catalog;
    private final Actions bed;
    private final Supplier<SessionClient> client;
    private Dialog open;

    HandOver(InstrumentCatalog catalog, Actions bed, Supplier<SessionClient> client) {
        this.catalog = catalog;
        this.bed = bed;
        this.client = client;
    }

    /** Whether every item of the form is subject-rated, so that the patient can answer it alone. */
    boolean selfReport(String formKey) {
        return FormKey.resolve(catalog, formKey).map(f -> catalog.get(f.instrumentId()).itemsOf(f.shortFormId()).stream()
                .allMatch(i -> i.rater() == Rater.SUBJECT)).orElse(false);
    }

    void handOver(String timePointId, String form) {
        client.get().handOver(new TabletRequest.HandOver(bed.user(), bed.bed(), timePointId, form), code -> show(form, code), bed::refuse);
    }

    private void show(String form, TabletRequest.Code code) {
        open = CodeDialog.open(form, code, Text.get("bed.handOverDetail", Text.clock(code.expiresAt())), () -> {
        });
    }

    Dialog dialog() {
        return open;
    }
}
