package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import com.vaadin.flow.component.checkbox.Checkbox;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.security.Permission;

/**
 * The confirmation of a step that cannot be undone (end of infusion, ready for discharge, close; the infusion start
 * while baseline ratings are still open, with Cancel as the default), stating its consequence. Ready for discharge while the discharge check says "not yet" needs an explicit confirmation that the
 * physician agreed (the physician's own override belongs to the clinical workflow); closing lists every rating not
 * done and needs a reason for each (and a reason to close before discharge), all recorded with the step. Ending the
 * infusion says what the pump reports (still infusing: the step does not stop it); so does closing while the pump infuses. Closing a session that was never
 * dosed offers to return its kit to the pool, stated unopened with its own reason; a dosed session's kit never goes back.
 */
final class StepConfirm extends Dialog {
    /** Steps that need a confirmation. */
    static boolean needed(Step s) {
        return s == Step.END_OF_INFUSION || s == Step.READY_FOR_DISCHARGE || s == Step.CLOSE;
    }

    private final Button confirm = new Button();
    private final List<Runnable> checks = new ArrayList<>();

    /** The states before the infusion start is confirmed: a session closed in one of them was never dosed. */
    private static final Set<SessionState> UNDOSED = Set.of(SessionState.CREATED, SessionState.BASELINE, SessionState.PRETREATMENT_GIVEN);

    /** Whether the session was never dosed (its kit may go back to the pool if never opened). */
    static boolean undosed(SessionView v) {
        return UNDOSED.contains(v.state()) && !v.infusion().started();
    }

    private boolean returnKit;

    /**
     * {@code go} receives the reason to record with the step (empty when none is asked) and whether the kit goes back
     * to the pool unopened (closing an undosed session only).
     */
    StepConfirm(Step step, SessionView v, Instant now, BiConsumer<String, Boolean> go) {
        setId("confirm-dialog");
        addClassName("confirm-dialog");
        setCloseOnOutsideClick(false);
        setHeaderTitle(Text.get("confirm." + step.name() + ".title"));
        Div body = new Div();
        body.addClassName("confirm-body");
        Paragraph consequence = new Paragraph(Text.get("confirm." + step.name() + ".consequence", Text.clockWithZone(now)));
        consequence.setId("confirm-consequence");
        body.add(consequence);
        confirm.setText(Text.get("confirm." + step.name() + ".button"));
        confirm.setId("confirm-step");
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("confirm-cancel");
        if (step == Step.CONFIRM_INFUSION_START) {
            // dosing before the baseline is finished is the exception: Cancel is the default (focused, Enter cancels)
            cancel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            cancel.setAutofocus(true);
        } else {
            confirm.addThemeVariants(step == Step.CLOSE ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        }
        List<Consumer<StringBuilder>> reasons = new ArrayList<>();
        switch (step) {
            case END_OF_INFUSION -> endOfInfusion(v, body);
            case READY_FOR_DISCHARGE -> reasons.addAll(notMet(v, body));
            case CLOSE -> reasons.addAll(closing(v, body));
            default -> {
            }
        }
        confirm.addClickListener(e -> {
            StringBuilder reason = new StringBuilder();
            reasons.forEach(r -> r.accept(reason));
            close();
            go.accept(reason.toString(), returnKit);
        });
        add(body);
        getFooter().add(cancel, confirm);
        this.step = step;
        this.consequence = consequence;
        refresh(v);
    }

    private final Step step;
    private final Paragraph consequence;
    private final List<Consumer<SessionView>> live = new ArrayList<>();

    /**
     * Shows the station's latest view while the dialog is open (the bed view asks for it every second): the figures and
     * the pump's state are those at the moment staff confirm, with the time they were read.
     */
    void refresh(SessionView v) {
        if (step == Step.END_OF_INFUSION) {
            consequence.setText(Text.get("confirm.END_OF_INFUSION.consequence", Text.clockWithZone(v.asOf())));
        }
        if (step == Step.CONFIRM_INFUSION_START) {
            // a baseline form rated meanwhile (e.g. on the patient tablet) leaves the list
            List<String> open = openBaseline(v);
            consequence.setText(open.isEmpty() ? Text.get("confirm.CONFIRM_INFUSION_START.nowComplete")
                    : Text.get("confirm.CONFIRM_INFUSION_START.consequence", String.join(", ", open)));
            consequence.getElement().setAttribute("data-open", String.valueOf(open.size()));
        }
        live.forEach(l -> l.accept(v));
        update();
    }

    /**
     * Ending the infusion: the volume the pump reports now, as of when, and what the pump reports. While the pump still
     * reports infusing, the end is confirmed only with an explicit tick that staff stop it at the pump (the step does
     * not control the pump; docs/dashboard.md); the station records the pump's volume at the moment of confirmation.
     */
    private void endOfInfusion(SessionView first, Div body) {
        Paragraph figures = new Paragraph();
        figures.setId("confirm-figures");
        Paragraph pump = new Paragraph();
        pump.setId("confirm-pump");
        pump.addClassName("confirm-pump");
        Checkbox stopping = new Checkbox(Text.get("confirm.END_OF_INFUSION.pumpStopping"));
        stopping.setId("confirm-pump-stopping");
        stopping.addClassName("confirm-pump-stopping");
        stopping.addValueChangeListener(e -> update());
        boolean[] infusing = {false};
        live.add(v -> {
            figures.setText(Text.get("confirm.END_OF_INFUSION.figures", Text.decimal(v.infusion().volumeInfusedMl()),
                    Text.decimal(v.plan().volumeMl()), Text.minutes(v.infusion().infusing()), Text.clockSeconds(v.asOf())));
            infusing[0] = pumpInfusing(v.infusion());
            pump.setText(pumpLine(v.infusion()));
            pump.getElement().setAttribute("data-infusing", String.valueOf(infusing[0]));
            stopping.setVisible(infusing[0]);
        });
        checks.add(() -> confirm.setEnabled(confirm.isEnabled() && (!infusing[0] || stopping.getValue())));
        body.add(figures, pump, stopping);
    }

    private void update() {
        confirm.setEnabled(true);
        checks.forEach(Runnable::run);
    }

    /**
     * Ready for discharge while criteria are not met: list them; a physician overrides them with a reason (recorded by
     * the station), anyone else is told that only a physician can, and cannot confirm.
     */
    private List<Consumer<StringBuilder>> notMet(SessionView v, Div body) {
        List<DischargeCheck.Criterion> open = v.dischargeCheck().map(c -> c.criteria().stream()
                .filter(x -> x.status() != DischargeCheck.Status.MET).toList()).orElse(List.of());
        if (open.isEmpty()) {
            return List.of();
        }
        Div list = new Div(new Span(Text.get("confirm.notMet")));
        list.setId("confirm-not-met");
        list.addClassName("confirm-list");
        open.forEach(c -> list.add(new Div(new Span(Text.criterionLine(c, v.discharge())))));
        body.add(list);
        boolean physician = CurrentUser.get().map(u -> u.principal().may(Permission.DISCHARGE_OVERRIDE)).orElse(false);
        if (!physician) {
            Paragraph only = new Paragraph(Text.get("confirm.notMetPhysicianOnly"));
            only.setId("confirm-not-met-physician-only");
            body.add(only);
            checks.add(() -> confirm.setEnabled(false));
            return List.of();
        }
        TextField why = required(Text.get("confirm.notMetOverride"), "confirm-not-met-reason");
        body.add(why);
        return List.of(sb -> sb.append(why.getValue().strip()));
    }

    /** Whether the pump reports that it is infusing. */
    static boolean pumpInfusing(SessionView.Infusion i) {
        return "infusing".equalsIgnoreCase(String.valueOf(i.pumpState()));
    }

    /** What the pump reports, as the consequence of ending the infusion: the step records the end, it does not stop the pump. */
    static String pumpLine(SessionView.Infusion i) {
        if (pumpInfusing(i)) {
            return Text.get("confirm.END_OF_INFUSION.pumpInfusing");
        }
        if (i.pumpState() == null || i.pumpState().isBlank()) {
            return Text.get("confirm.END_OF_INFUSION.pumpNone");
        }
        return Text.get("confirm.END_OF_INFUSION.pumpState", Text.orElse("pump." + i.pumpState(), i.pumpState()));
    }

    /**
     * Closing an undosed session: the kit may go back to the pool only when staff state it was never opened and say why
     * (docs/protocols.md); otherwise it stays out of the pool. A dosed session's kit never goes back: the choice is not offered.
     */
    private List<Consumer<StringBuilder>> kitReturn(SessionView v, Div body) {
        if (!undosed(v)) {
            return List.of();
        }
        Checkbox unopened = new Checkbox(Text.get("confirm.returnKit", v.kitId()));
        unopened.setId("close-return-kit");
        unopened.setHelperText(Text.get("confirm.returnKitHelp"));
        TextField why = new TextField(Text.get("confirm.returnKitReason"));
        why.setId("close-return-kit-reason");
        why.setRequired(true);
        why.setWidthFull();
        why.setValueChangeMode(ValueChangeMode.EAGER);
        why.setVisible(false);
        why.addValueChangeListener(e -> update());
        unopened.addValueChangeListener(e -> {
            returnKit = e.getValue();
            why.setVisible(returnKit);
            update();
        });
        checks.add(() -> confirm.setEnabled(confirm.isEnabled() && (!returnKit || !why.getValue().isBlank())));
        Div box = new Div(unopened, why);
        box.setId("close-kit");
        box.addClassName("close-kit");
        body.add(box);
        return List.of(sb -> {
            if (returnKit) {
                sb.append(sb.isEmpty() ? "" : "; ").append(Text.get("confirm.kitReturnedReason", why.getValue().strip()));
            }
        });
    }

    /**
     * Closing while the pump still reports infusing: said first, with the pump's rate and volume as of its report. The
     * close does not stop the pump (the station never commands it) and the station stops following it; the station
     * records the infusion's state at the close from the pump's last report (docs/dashboard.md). Follows the pump live.
     */
    private void closingPump(Div body) {
        Paragraph pump = new Paragraph();
        pump.setId("close-pump");
        pump.addClassName("confirm-pump");
        pump.addClassName("close-pump");
        live.add(v -> {
            boolean infusing = pumpInfusing(v.infusion());
            pump.setVisible(infusing);
            pump.getElement().setAttribute("data-infusing", String.valueOf(infusing));
            pump.setText(infusing ? Text.get("confirm.CLOSE.pumpInfusing", Text.decimal(v.infusion().pumpRateMlPerHour()),
                    Text.decimal(v.infusion().volumeInfusedMl()), Text.clockSeconds(v.asOf())) : "");
        });
        body.add(pump);
    }

    /** Closing: a reason before discharge, and one for every rating not done. Returns how to write the reasons. */
    private List<Consumer<StringBuilder>> closing(SessionView v, Div body) {
        closingPump(body);
        List<Consumer<StringBuilder>> out = new ArrayList<>();
        TextField early = null;
        if (v.state() != SessionState.READY_FOR_DISCHARGE) {
            early = required(Text.get("confirm.closeReason"), "close-reason");
            body.add(early);
            TextField reason = early;
            out.add(sb -> sb.append(reason.getValue().strip()));
        }
        out.addAll(kitReturn(v, body));
        Map<String, TextField> undone = new LinkedHashMap<>();
        for (String what : unfinished(v)) {
            TextField why = required(what, "close-reason-" + undone.size());
            undone.put(what, why);
        }
        if (!undone.isEmpty()) {
            Div list = new Div(new Span(Text.get("confirm.unfinished", undone.size())));
            list.setId("confirm-unfinished");
            list.addClassName("confirm-list");
            // many ratings not done usually share one reason: fill the empty ones in one tap, each still editable
            TextField source = early;
            if (source == null) {
                source = new TextField(Text.get("confirm.commonReason"));
                source.setId("close-common-reason");
                source.setWidthFull();
                source.setValueChangeMode(ValueChangeMode.EAGER);
                list.add(source);
            }
            TextField reason = source;
            Button same = new Button(Text.get(early == null ? "confirm.sameReasonHere" : "confirm.sameReason"), e -> undone.values().stream()
                    .filter(f -> f.getValue().isBlank()).forEach(f -> f.setValue(reason.getValue())));
            same.setId("close-reason-all");
            same.addThemeVariants(ButtonVariant.LUMO_SMALL);
            same.setEnabled(false);
            reason.addValueChangeListener(e -> same.setEnabled(!e.getValue().isBlank()));
            list.add(same);
            undone.values().forEach(list::add);
            body.add(list);
            out.add(sb -> {
                sb.append(sb.isEmpty() ? "" : "; ").append(Text.get("confirm.notRated"));
                undone.forEach((what, why) -> sb.append(" ").append(what).append(" (").append(why.getValue().strip()).append("),"));
                sb.setLength(sb.length() - 1);
            });
        }
        return out;
    }

    private TextField required(String label, String id) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setRequired(true);
        f.setWidthFull();
        f.setValueChangeMode(ValueChangeMode.EAGER);
        f.addValueChangeListener(e -> update());
        checks.add(() -> confirm.setEnabled(confirm.isEnabled() && !f.getValue().isBlank()));
        return f;
    }

    /**
     * Before the infusion start: every pre-dose (baseline) form not yet rated, by its staff name ("CADSS", "BPRS+"; with
     * its time point, "CADSS at Baseline", when more than one pre-dose time point is open). Before dosing the only time
     * points open for rating (due, overdue or missed) are the pre-dose ones: those after dosing wait for their anchor
     * (docs/clinical.md, "Baseline (pre-dose) time points"). Empty once the infusion has started.
     */
    static List<String> openBaseline(SessionView v) {
        if (v == null || v.infusion().started()) {
            return List.of();
        }
        Set<PromptState> open = Set.of(PromptState.DUE, PromptState.OVERDUE, PromptState.MISSED);
        List<Prompt> points = v.prompts().stream().filter(p -> open.contains(p.state())).toList();
        List<String> out = new ArrayList<>();
        for (Prompt p : points) {
            for (String form : p.instruments()) {
                boolean done = v.ratings().stream().anyMatch(r -> r.timePointId().equals(p.timePointId()) && r.form().equals(form));
                if (!done) {
                    out.add(points.size() == 1 ? Text.form(form) : Text.get("confirm.formAt", Text.form(form), Text.timePoint(p.timePointId())));
                }
            }
        }
        return out;
    }

    /** Every form of every time point not yet rated, e.g. "CADSS at T+80 min"; one not due is not unfinished. */
    static List<String> unfinished(SessionView v) {
        List<String> out = new ArrayList<>();
        for (Prompt p : v.prompts()) {
            if (p.state() == PromptState.COMPLETED || p.state() == PromptState.NOT_APPLICABLE) {
                continue;
            }
            for (String form : p.instruments()) {
                boolean done = v.ratings().stream().anyMatch(r -> r.timePointId().equals(p.timePointId()) && r.form().equals(form));
                if (!done) {
                    out.add(Text.get("confirm.formAt", Text.form(form), Text.timePoint(p.timePointId())));
                }
            }
        }
        return out;
    }
}
