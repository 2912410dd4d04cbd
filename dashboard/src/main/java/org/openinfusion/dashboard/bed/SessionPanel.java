package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.StartGates;
import org.openinfusion.station.security.Permission;

/**
 * The session's next steps as buttons (a step that cannot be undone asks for confirmation first), a one-line
 * discharge check summary, and the full discharge check for a tab ({@link #discharge()}).
 */
final class SessionPanel extends Div {
    private final Actions actions;
    private final Supplier<Instant> now;
    private final Div steps = new Div();
    private final Span summary = new Span();
    private final Div discharge = new Div();
    private SessionView shown;
    private String shownSteps = "";
    /** The pre-dose gates the start-override dialog last listed, and for which session. */
    private Set<StartGates.Kind> gatesShown = Set.of();
    private String gatesSession = "";
    /** The confirmation open now: it follows the station's view (the pump's volume at the moment of confirming). */
    private StepConfirm confirming;

    SessionPanel(Actions actions, Supplier<Instant> now) {
        this.actions = actions;
        this.now = now;
        addClassName("session");
        steps.addClassName("session-steps");
        steps.setId("session-steps");
        summary.setId("discharge-summary");
        summary.addClassName("discharge-summary");
        discharge.setId("discharge-check");
        discharge.addClassName("discharge-check");
        add(steps, summary);
    }

    /** The confirmation dialog last opened (null before any). */
    StepConfirm confirming() {
        return confirming;
    }

    Div discharge() {
        return discharge;
    }

    void show(SessionView v) {
        shown = v;
        String key = v.state() + " " + v.nextSteps();
        if (!key.equals(shownSteps)) {
            shownSteps = key;
            showSteps(v);
        }
        showDischarge(v);
        if (confirming != null && confirming.isOpened()) {
            confirming.refresh(v);
        }
    }

    /** Rebuilt only when the state changes, so a button never moves under a finger. */
    private void showSteps(SessionView v) {
        steps.removeAll();
        for (Step s : v.nextSteps()) {
            String label = s == Step.PRETREATMENT
                    ? Text.get("step.PRETREATMENT.with", v.pretreatmentLabel().orElse("")) : Text.of("step", s);
            Button b = new Button(label, e -> take(s));
            b.setId("step-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.addThemeVariants(s == Step.CLOSE ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
            if (s != Step.CLOSE) {
                b.addThemeVariants(ButtonVariant.LUMO_LARGE);
            }
            steps.add(b);
        }
    }

    void take(Step s) {
        if (StepConfirm.needed(s)) {
            confirming = new StepConfirm(s, shown, now.get(), (reason, returnKit) ->
                    actions.send(new SessionCommand.SessionStep(actions.user(), actions.bed(), s, reason, Set.of(), returnKit)));
            confirming.open();
        } else if (s == Step.CONFIRM_INFUSION_START && !StepConfirm.openBaseline(shown).isEmpty()) {
            // baseline ratings still open: once dosed they are no longer pre-dose, so staff confirm first (Cancel default)
            confirming = new StepConfirm(s, shown, now.get(), (reason, returnKit) -> start(s));
            confirming.open();
        } else if (s == Step.CONFIRM_INFUSION_START) {
            start(s);
        } else {
            send(s, "");
        }
    }

    /**
     * Confirms the infusion start. Refused before the pretreatment lead, without a pre-dose blood pressure or above the
     * BP gate: the station records the start with a reason instead, so staff may give one.
     */
    private void start(Step s) {
        // the dialog lists every gate unmet now (from a view asked for after the refusal) and the start names them all
        actions.send(new SessionCommand.SessionStep(actions.user(), actions.bed(), s, ""), refusal -> {
            if (StartOverride.offered(refusal)) {
                actions.fresh(v -> {
                    if (v.startGates().isEmpty()) {
                        actions.refuse(refusal);
                    } else {
                        Set<StartGates.Kind> now = EnumSet.noneOf(StartGates.Kind.class);
                        v.startGates().forEach(g -> now.add(g.kind()));
                        // a gate shown at the last try that is met now (a cuff reading taken, the lead reached) is named as cleared
                        Set<StartGates.Kind> cleared = EnumSet.noneOf(StartGates.Kind.class);
                        if (v.sessionId().equals(gatesSession)) {
                            cleared.addAll(gatesShown);
                            cleared.removeAll(now);
                        }
                        gatesSession = v.sessionId();
                        gatesShown = now;
                        new StartOverride(v.startGates(), cleared, (reason, gates) -> actions.send(
                                new SessionCommand.SessionStep(actions.user(), actions.bed(), s, reason, gates))).open();
                    }
                });
            } else {
                actions.refuse(refusal);
            }
        });
    }

    private void send(Step s, String reason) {
        actions.send(new SessionCommand.SessionStep(actions.user(), actions.bed(), s, reason));
    }

    private void showDischarge(SessionView v) {
        discharge.removeAll();
        summary.setVisible(v.dischargeCheck().isPresent());
        v.dischargeCheck().ifPresentOrElse(check -> {
            long met = check.criteria().stream().filter(c -> c.status() == DischargeCheck.Status.MET).count();
            // the physician reads what they may do, not that "only a physician" may
            boolean mayOverride = CurrentUser.get().map(u -> u.principal().may(Permission.DISCHARGE_OVERRIDE)).orElse(false);
            summary.setText(Text.get(check.ready() ? "discharge.ready" : mayOverride ? "discharge.notYetYouMayOverride" : "discharge.notYet", met,
                    check.criteria().size()));
            summary.getElement().setAttribute("data-ready", String.valueOf(check.ready()));
            // the tab lists the criteria only: the summary line stays in view above the tabs, once
            for (DischargeCheck.Criterion c : check.criteria()) {
                Div line = new Div(new Span(Text.criterionLine(c, v.discharge())));
                line.getElement().setAttribute("data-status", c.status().name().toLowerCase(Locale.ROOT));
                discharge.add(line);
            }
        }, () -> discharge.add(new Span(Text.get("discharge.afterInfusion"))));
    }
}
