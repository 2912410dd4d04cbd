package org.openinfusion.dashboard.safety;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.clinical.protocol.AeTerm;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.details.Details;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.session.AdverseEvent;

/**
 * The fields of an adverse event as staff record or confirm it: term (the session's usual terms offered, any other
 * typed), start and end (or ongoing) in the site's time zone, and the controlled terms of the record (severity,
 * seriousness, relationship to the study drug, action taken with it, outcome) in staff words. Used at the bedside and
 * in review (an adverse event recorded after closing).
 */
public final class AdverseEventForm extends FormLayout {
    /** The terms of the station's own proposals from alarm episodes (offered too, so a confirmed proposal keeps its term). */
    static final List<String> PROPOSAL_TERMS = List.of("Hypertension", "Oxygen saturation decreased");

    final ComboBox<String> term = new ComboBox<>(Text.get("ae.term"));
    final DateTimePicker start = new DateTimePicker(Text.get("ae.start"));
    final Checkbox ongoing = new Checkbox(Text.get("ae.ongoing"));
    final DateTimePicker end = new DateTimePicker(Text.get("ae.end"));
    final Select<AdverseEvent.Severity> severity = select("ae.severity", "ae-severity", AdverseEvent.Severity.values());
    final Checkbox serious = new Checkbox(Text.get("ae.serious"));
    final Select<AdverseEvent.Relationship> relationship = select("ae.relationship", "ae-relationship", AdverseEvent.Relationship.values());
    final Select<AdverseEvent.Action> action = select("ae.action", "ae-action", AdverseEvent.Action.values());
    final Select<AdverseEvent.Outcome> outcome = select("ae.outcome", "ae-outcome", AdverseEvent.Outcome.values());

    /** A form offering no protocol terms (any term typed, the station's proposal terms offered). */
    public AdverseEventForm() {
        this(List.of());
    }

    /**
     * @param expected the protocol's expected adverse event terms, offered first; any other term may be typed ("other"),
     *                 and each term's source is listed, folded, below the field
     */
    public AdverseEventForm(List<AeTerm> expected) {
        setId("ae-form");
        term.setId("ae-term");
        List<String> offered = new ArrayList<>(expected.stream().map(AeTerm::term).toList());
        PROPOSAL_TERMS.stream().filter(t -> offered.stream().noneMatch(o -> o.equalsIgnoreCase(t))).forEach(offered::add);
        term.setItems(offered);
        term.setHelperText(Text.get(expected.isEmpty() ? "ae.termHelpFree" : "ae.termHelp"));
        term.setAllowCustomValue(true);
        term.addCustomValueSetListener(e -> term.setValue(e.getDetail()));
        term.setRequired(true);
        start.setId("ae-start");
        end.setId("ae-end");
        ongoing.setId("ae-ongoing");
        serious.setId("ae-serious");
        ongoing.addValueChangeListener(e -> end.setEnabled(!e.getValue()));
        ongoing.setValue(true);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2));
        // day/month/year and 24-hour times, as the station writes times everywhere else
        start.setLocale(Locale.UK);
        end.setLocale(Locale.UK);
        add(term);
        setColspan(term, 2);
        if (!expected.isEmpty()) {
            Div cited = new Div();
            expected.forEach(t -> cited.add(new Paragraph(t.term() + ": " + t.source())));
            Details sources = new Details(Text.get("ae.termSources"), cited);
            sources.setId("ae-term-sources");
            sources.addClassName("override-source");
            add(sources);
            setColspan(sources, 2);
        }
        add(start, end, ongoing, serious, severity, relationship, action, outcome);
    }

    private static <E extends Enum<E>> Select<E> select(String key, String id, E[] values) {
        Select<E> s = new Select<>();
        s.setLabel(Text.get(key));
        s.setId(id);
        s.setItems(values);
        s.setItemLabelGenerator(v -> Text.of(key, v));
        return s;
    }

    /** Starts a new adverse event at {@code at} (e.g. now), ongoing. */
    public void startingAt(Instant at) {
        start.setValue(local(at));
    }

    /** Fills the form with a station proposal (term and episode); staff complete and confirm it. */
    public void proposal(String proposedTerm, Instant from, Optional<Instant> to) {
        term.setValue(proposedTerm);
        start.setValue(local(from));
        ongoing.setValue(to.isEmpty());
        to.ifPresent(t -> end.setValue(local(t)));
    }

    /** Fills the form with an adverse event already recorded, to update it (e.g. its end and outcome). */
    public void show(AdverseEvent e) {
        term.setValue(e.term());
        start.setValue(local(e.start()));
        ongoing.setValue(e.end().isEmpty());
        e.end().ifPresent(t -> end.setValue(local(t)));
        severity.setValue(e.severity());
        serious.setValue(e.serious());
        relationship.setValue(e.relationship());
        action.setValue(e.action());
        outcome.setValue(e.outcome());
    }

    /**
     * The adverse event the form holds.
     * @throws IllegalArgumentException saying, in staff words, every field still missing
     */
    public AdverseEvent read(String id, Optional<String> fromAlarm) {
        List<String> missing = new ArrayList<>();
        if (term.getValue() == null || term.getValue().isBlank()) {
            missing.add(Text.get("ae.term"));
        }
        if (start.getValue() == null) {
            missing.add(Text.get("ae.start"));
        }
        if (!ongoing.getValue() && end.getValue() == null) {
            missing.add(Text.get("ae.end"));
        }
        for (Select<?> s : List.of(severity, relationship, action, outcome)) {
            if (s.getValue() == null) {
                missing.add(s.getLabel());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(Text.get("ae.missing", String.join(", ", missing)));
        }
        return new AdverseEvent(id, term.getValue().strip(), instant(start.getValue()),
                ongoing.getValue() ? Optional.empty() : Optional.of(instant(end.getValue())), severity.getValue(), serious.getValue(),
                relationship.getValue(), action.getValue(), outcome.getValue(), fromAlarm);
    }

    static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MINUTES), Text.zone());
    }

    static Instant instant(LocalDateTime t) {
        return t.atZone(Text.zone()).toInstant();
    }

    /** The next free id in a session ("AE-1", "AE-2", ...). */
    public static String nextId(List<AdverseEvent> recorded) {
        return nextIdAfter(recorded.stream().map(AdverseEvent::id).toList());
    }

    /** The next free id after the ids used so far. */
    public static String nextIdAfter(List<String> used) {
        int max = 0;
        for (String id : used) {
            if (id.matches("AE-\\d{1,6}")) {
                max = Math.max(max, Integer.parseInt(id.substring(3)));
            }
        }
        return "AE-" + (max + 1);
    }
}
