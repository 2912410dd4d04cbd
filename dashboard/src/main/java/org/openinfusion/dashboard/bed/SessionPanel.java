package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.SessionState;

/** The session's header (subject code, protocol label, state), the next steps, and the discharge check. */
final class SessionPanel extends Div {
    private final Actions actions;
    private final Span header = new Span();
    private final Div steps = new Div();
    private final TextField reason = new TextField();
    private final Div discharge = new Div();
    private String shownSteps = "";

    SessionPanel(Actions actions) {
        this.actions = actions;
        addClassName("session");
        header.setId("session-header");
        header.addClassName("session-header");
        steps.addClassName("session-steps");
        steps.setId("session-steps");
        reason.setPlaceholder("Reason to close early");
        reason.setId("close-reason");
        discharge.setId("discharge-check");
        discharge.addClassName("discharge-check");
        add(header, steps, discharge);
    }

    void show(SessionView v) {
        header.setText(v.subjectCode() + "  |  " + v.protocolLabel() + "  |  " + Format.words(v.state()) + "  |  kit " + v.kitId());
        header.getElement().setAttribute("data-state", v.state().name().toLowerCase(Locale.ROOT));
        String key = v.state() + " " + v.nextSteps();
        if (!key.equals(shownSteps)) {
            shownSteps = key;
            showSteps(v);
        }
        showDischarge(v);
    }

    /** Rebuilt only when the state changes, so a button never moves under a finger. */
    private void showSteps(SessionView v) {
        steps.removeAll();
        for (Step s : v.nextSteps()) {
            String label = s == Step.PRETREATMENT ? "Record pretreatment: " + v.pretreatmentLabel().orElse("") : s.label();
            Button b = new Button(label, e -> actions.send(new SessionCommand.SessionStep(actions.user(), actions.bed(), s, reason.getValue())));
            b.setId("step-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.addThemeVariants(s == Step.CLOSE ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
            steps.add(b);
        }
        if (v.nextSteps().contains(Step.CLOSE) && v.state() != SessionState.READY_FOR_DISCHARGE) {
            steps.add(reason);
        }
    }

    private void showDischarge(SessionView v) {
        discharge.removeAll();
        discharge.setVisible(v.dischargeCheck().isPresent());
        v.dischargeCheck().ifPresent(check -> {
            Span head = new Span(check.ready() ? "Discharge check: all criteria met (physician decides)"
                    : "Discharge check: not yet (advisory)");
            head.addClassName("discharge-head");
            discharge.add(head);
            for (DischargeCheck.Criterion c : check.criteria()) {
                Div line = new Div(new Span(Format.words(c.status()) + ": " + c.name() + " - " + c.detail()));
                line.getElement().setAttribute("data-status", c.status().name().toLowerCase(Locale.ROOT));
                discharge.add(line);
            }
        });
    }

}
