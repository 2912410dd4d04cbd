package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.dialog.Dialog;
import java.util.function.Supplier;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.SessionClient;
import org.openinfusion.dashboard.tablet.CodeDialog;
import org.openinfusion.station.clinical.api.TabletRequest;
import java.util.Map;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.SubjectPart;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * "Hand to patient" at a due rating (docs/tablet.md): asks the station for a one-time code for that one form and shows
 * it large, with until when it works. Offered for every form with subject-rated items: the whole form (VAS, PSI, ...),
 * or the subject's part of CADSS (items 1-19), which staff complete at the bedside.
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

    /**
     * Whether the form has subject-rated items for the patient to answer on the tablet: all of them (VAS, PSI), or the
     * subject's part of a form staff complete (CADSS 1-19; staff rate 20-23 at the bedside afterwards).
     */
    boolean toTablet(String formKey) {
        return FormKey.resolve(catalog, formKey).map(f -> !SubjectPart.items(catalog.get(f.instrumentId()), f.shortFormId()).isEmpty())
                .orElse(false);
    }

    /** The items staff still rate after the subject's part, by number ("20-23" or "20, 22"). */
    String restOf(String formKey, Map<String, Answer> part) {
        return FormKey.resolve(catalog, formKey).map(f -> Text.itemNumbers(catalog.get(f.instrumentId()).itemsOf(f.shortFormId()).stream()
                .filter(i -> !part.containsKey(i.id())).map(Item::number).toList())).orElse("");
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
