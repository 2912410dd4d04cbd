package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.clinical.review.SessionListing;

/** Which sessions to list: protocol, creation date from/to (in the site's time zone, as the list shows it), subject code (contains), state, needing a signature. */
final class ListingFilters extends Div {
    private final Select<String> protocol = new Select<>();
    private final DatePicker from = new DatePicker(Text.get("review.filter.from"));
    private final DatePicker to = new DatePicker(Text.get("review.filter.to"));
    private final TextField subject = new TextField(Text.get("review.filter.subject"));
    private final Select<RecordState> state = new Select<>();
    private final Checkbox needsSignature = new Checkbox(Text.get("review.filter.needsSignature"));
    private final SortedSet<String> known = new TreeSet<>();
    private final Map<String, String> titles = new HashMap<>();
    private boolean quiet;

    ListingFilters(Consumer<ReviewFilter> changed) {
        addClassName("review-filters");
        protocol.setId("filter-protocol");
        protocol.setLabel(Text.get("review.filter.protocol"));
        protocol.setEmptySelectionAllowed(true);
        protocol.setEmptySelectionCaption(Text.get("review.filter.allProtocols"));
        // the protocol by its title, never its id
        protocol.setItemLabelGenerator(id -> id == null ? Text.get("review.filter.allProtocols") : titles.getOrDefault(id, id));
        from.setId("filter-from");
        to.setId("filter-to");
        subject.setId("filter-subject");
        subject.setClearButtonVisible(true);
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        state.setId("filter-state");
        state.setLabel(Text.get("review.filter.state"));
        state.setItems(RecordState.values());
        state.setItemLabelGenerator(s -> s == null ? Text.get("review.filter.anyState") : ReviewFormat.words(s));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(Text.get("review.filter.anyState"));
        needsSignature.setId("filter-needs-signature");
        protocol.addValueChangeListener(e -> {
            if (!quiet) {
                changed.accept(filter());
            }
        });
        from.addValueChangeListener(e -> changed.accept(filter()));
        to.addValueChangeListener(e -> changed.accept(filter()));
        subject.addValueChangeListener(e -> changed.accept(filter()));
        state.addValueChangeListener(e -> changed.accept(filter()));
        needsSignature.addValueChangeListener(e -> changed.accept(filter()));
        add(protocol, from, to, subject, state, needsSignature);
    }

    /** Adds the protocols of listed sessions to the protocol choice (keeps the one chosen). */
    void protocols(List<SessionListing> sessions) {
        sessions.forEach(l -> titles.putIfAbsent(l.protocolId(), l.protocolTitle() != null ? l.protocolTitle()
                : ReviewFormat.protocol(l)));
        if (known.addAll(sessions.stream().map(SessionListing::protocolId).toList())) {
            String chosen = protocol.getValue();
            quiet = true;
            protocol.setItems(List.copyOf(known));
            protocol.setValue(chosen);
            quiet = false;
        }
    }

    ReviewFilter filter() {
        String code = subject.getValue() == null || subject.getValue().isBlank() ? null : subject.getValue().strip();
        return new ReviewFilter(protocol.getValue(), from.getValue(), to.getValue(), code, state.getValue(), needsSignature.getValue(), Text.zone());
    }
}
