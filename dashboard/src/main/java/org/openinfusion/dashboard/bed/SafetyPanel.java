package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.safety.AdverseEventDialog;
import org.openinfusion.dashboard.safety.AdverseEventForm;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.AeProposals;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.security.Permission;

/**
 * The bed view's tab for adverse events and medications: the station's proposals from alarm episodes, each with
 * <i>Confirm</i>; the adverse events recorded (latest version), each with <i>Update</i>; the medications given; and
 * <i>Record adverse event</i> / <i>Record medication</i>. Every form opens as a dialog, so the one-screen layout never
 * scrolls.
 */
final class SafetyPanel extends Div {
    private final BedView view;
    private final Supplier<Instant> now;
    private final Div proposals = new Div();
    private final Div events = new Div();
    private final Div medications = new Div();
    private List<AdverseEvent> recorded = List.of();
    private String shown = "";
    private List<AeTerm> expectedTerms = List.of();

    SafetyPanel(BedView view, Supplier<Instant> now) {
        this.view = view;
        this.now = now;
        setId("safety");
        addClassName("safety");
        Button addAe = new Button(Text.get("ae.record"), e -> open(Text.get("ae.recordTitle"), AdverseEventForm.nextId(recorded),
                Optional.empty(), f -> f.startingAt(now.get())));
        addAe.setId("ae-record");
        Button addMed = new Button(Text.get("med.record"), e -> new MedicationDialog(view, now.get()).open());
        addMed.setId("med-record");
        Div buttons = new Div(addAe, addMed);
        if (CurrentUser.get().map(u -> u.principal().may(Permission.UNBLIND)).orElse(false)) {
            Button unblind = new Button(Text.get("unblind.open"), e -> view.unblind());
            unblind.setId("unblind-open");
            unblind.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(unblind);
        }
        buttons.addClassName("safety-buttons");
        proposals.setId("ae-proposals");
        events.setId("ae-recorded");
        medications.setId("med-given");
        add(buttons, proposals, events, medications);
    }

    void show(SessionView v) {
        String key = v.aeProposals() + " " + v.adverseEvents() + " " + v.medications();
        if (key.equals(shown)) {
            return; // rebuilt only when something changed, so a button never moves under a finger
        }
        shown = key;
        recorded = v.adverseEvents();
        expectedTerms = v.adverseEventTerms();
        proposals.removeAll();
        for (AeProposals.Proposal p : v.aeProposals()) {
            Button confirm = new Button(Text.get("ae.confirm"), e -> open(Text.get("ae.confirmTitle", p.term()), AdverseEventForm.nextId(recorded),
                    Optional.of(p.key()), f -> f.proposal(p.term(), p.start(), p.end())));
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            confirm.setId("ae-confirm-" + v.aeProposals().indexOf(p));
            proposals.add(line(Text.get("ae.proposed", p.term(), Text.clock(p.start()),
                    p.end().map(Text::clock).orElse(Text.get("ae.ongoingShort")), p.message()), confirm));
        }
        events.removeAll();
        for (AdverseEvent a : v.adverseEvents()) {
            Button update = new Button(Text.get("ae.update"), e -> open(Text.get("ae.updateTitle", a.id(), a.term()), a.id(), a.fromAlarm(),
                    f -> f.show(a)));
            update.addThemeVariants(ButtonVariant.LUMO_SMALL);
            update.setId("ae-update-" + a.id());
            events.add(line(Text.get("ae.line", a.id(), a.term(), Text.of("ae.severity", a.severity()), Text.clock(a.start()),
                    a.end().map(Text::clock).orElse(Text.get("ae.ongoingShort")), Text.of("ae.outcome", a.outcome())), update));
        }
        medications.removeAll();
        for (Medication m : v.medications()) {
            medications.add(line(Text.get(m.rescue() ? "med.lineRescue" : "med.line", m.drug(),
                    BigDecimal.valueOf(m.dose()).stripTrailingZeros().toPlainString(), m.unit(), m.route(), Text.clock(m.givenAt()),
                    m.givenBy(), m.orderedBy())));
        }
        if (v.aeProposals().isEmpty() && v.adverseEvents().isEmpty() && v.medications().isEmpty()) {
            events.add(new Span(Text.get("ae.none")));
        }
    }

    private static Div line(String text, Button... buttons) {
        Div d = new Div(new Span(text));
        d.addClassName("safety-line");
        d.add(buttons);
        return d;
    }

    private void open(String title, String id, Optional<String> fromAlarm, Consumer<AdverseEventForm> fill) {
        AdverseEventDialog[] dialog = new AdverseEventDialog[1];
        dialog[0] = new AdverseEventDialog(title, id, fromAlarm, expectedTerms, (event, refused) -> view.send(
                new SessionCommand.RecordAdverseEvent(view.user(), view.bed(), event), reply -> dialog[0].close(), refused));
        fill.accept(dialog[0].form());
        dialog[0].open();
    }
}
