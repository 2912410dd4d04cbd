package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.SessionCommand;

/** The alarm banner (active alarms by priority, coloured, with acknowledge and silence) and the recent alarm events. */
final class AlarmPanel extends Div {
    static final int SILENCE_SECONDS = 120;
    private final Actions actions;
    private final Div active = new Div();
    private final Div recent = new Div();
    private String shownAlarms = "";

    AlarmPanel(Actions actions) {
        this.actions = actions;
        addClassName("alarms");
        active.setId("alarm-banner");
        active.addClassName("alarm-banner");
        recent.setId("alarm-recent");
        Details history = new Details("Recent alarm events", recent);
        history.addClassName("alarm-history");
        add(active, history);
    }

    void show(List<ActiveAlarm> alarms, List<AlarmEvent> events, Instant now) {
        active.setVisible(!alarms.isEmpty());
        String key = alarms.stream().map(a -> a.id() + a.message() + a.acknowledgedBy() + a.audible(now) + a.escalated()).toList().toString();
        if (!key.equals(shownAlarms)) {
            shownAlarms = key;
            active.removeAll();
            alarms.forEach(a -> active.add(row(a, now)));
        }
        recent.removeAll();
        events.stream().limit(10).forEach(e -> recent.add(new Div(new Span(Format.clock(e.at()) + "  " + Format.words(e.kind())
                + "  " + e.message() + ("station".equals(e.by()) ? "" : "  (" + e.by() + ")")))));
    }

    private Div row(ActiveAlarm a, Instant now) {
        String p = a.priority().name().toLowerCase(Locale.ROOT);
        Span text = new Span(a.priority() + "  " + a.message());
        text.addClassName("alarm-text");
        Span state = new Span(a.acknowledgedBy().map(u -> "acknowledged by " + u).orElse(a.escalated() ? "UNACKNOWLEDGED" : "")
                + (a.audible(now) ? "" : "  silenced until " + Format.clock(a.silencedUntil().orElseThrow())));
        state.addClassName("alarm-state");
        Button ack = new Button("Acknowledge", e -> actions.send(new SessionCommand.AcknowledgeAlarm(actions.user(), actions.bed(), a.id())));
        ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ack.setEnabled(a.acknowledgedBy().isEmpty());
        ack.addClassName("alarm-ack");
        Button silence = new Button("Silence 2 min",
                e -> actions.send(new SessionCommand.SilenceAlarm(actions.user(), actions.bed(), a.id(), SILENCE_SECONDS)));
        silence.setEnabled(a.audible(now));
        Div row = new Div(text, state, ack, silence);
        row.addClassName("alarm");
        row.getElement().setAttribute("data-priority", p);
        row.getElement().setAttribute("data-alarm-id", a.id());
        return row;
    }
}
