package org.openinfusion.station.clinical.session;

import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.schedule.PromptTransition;

/** Everything one input produced, by kind, in time order within each kind. All of it goes to the audit trail. */
public record Outcome(List<SessionEvent> session, List<InfusionEvent> infusion, List<PromptTransition> prompts, List<AlarmEvent> alarms) {
    public static Outcome empty() {
        return new Outcome(List.of(), List.of(), List.of(), List.of());
    }

    Outcome plus(Outcome o) {
        return new Outcome(cat(session, o.session), cat(infusion, o.infusion), cat(prompts, o.prompts), cat(alarms, o.alarms));
    }

    static Outcome ofSession(SessionEvent e) {
        return new Outcome(List.of(e), List.of(), List.of(), List.of());
    }

    static Outcome ofInfusion(List<InfusionEvent> e) {
        return new Outcome(List.of(), e, List.of(), List.of());
    }

    static Outcome ofPrompts(List<PromptTransition> p) {
        return new Outcome(List.of(), List.of(), p, List.of());
    }

    static Outcome ofAlarms(List<AlarmEvent> a) {
        return new Outcome(List.of(), List.of(), List.of(), a);
    }

    public boolean isEmpty() {
        return session.isEmpty() && infusion.isEmpty() && prompts.isEmpty() && alarms.isEmpty();
    }

    private static <T> List<T> cat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
