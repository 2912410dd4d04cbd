package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openinfusion.dashboard.AlarmWording;
import org.openinfusion.dashboard.feed.LiveFeed;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.SessionCommand;

/**
 * The alarm banner: active alarms by priority with the colours of IEC 60601-1-8 (high red, medium yellow, low cyan;
 * the indicator of an unacknowledged high alarm flashes at about 2 Hz, medium at about 0.7 Hz, low is steady), a
 * visible "audio paused" state while silenced, and acknowledge / silence buttons readable on the coloured banner.
 * The recent alarm events go to a tab ({@link #history()}).
 */
final class AlarmPanel extends Div {
    static final int SILENCE_SECONDS = 120;
    private final Actions actions;
    /** Alarm events listed in the tab: as many as fit it at 1024x768 without scrolling. */
    static final int SHOWN_EVENTS = 6;
    private final Div recent = new Div();
    private final Div advice = new Div();
    private String shownAlarms = "";
    private String shownAdvice = "";

    AlarmPanel(Actions actions) {
        this.actions = actions;
        setId("alarm-banner");
        addClassName("alarm-banner");
        recent.setId("alarm-recent");
        recent.addClassName("alarm-recent");
        advice.setId("hold-advice");
        advice.addClassName("hold-advice");
        advice.setVisible(false);
    }

    /** The protocol's hold advisories that apply now, shown under the alarms in an advisory's own colour (not an alarm). */
    Div advice() {
        return advice;
    }

    void advise(List<AlarmEvent> advisories) {
        advice.setVisible(!advisories.isEmpty());
        String key = advisories.stream().map(a -> a.alarmId() + a.message() + a.at()).toList().toString();
        if (key.equals(shownAdvice)) {
            return;
        }
        shownAdvice = key;
        advice.removeAll();
        for (AlarmEvent a : advisories) {
            Span icon = new Span();
            icon.addClassName("advice-icon");
            icon.getElement().setAttribute("aria-hidden", "true");
            Span text = new Span(Text.get("hold.advisory", words(a.alarmId(), a.message())));
            text.addClassName("advice-text");
            Span at = new Span(Text.get("hold.advisedAt", Text.clock(a.at())));
            at.addClassName("advice-at");
            Div row = new Div(icon, text, at);
            row.addClassName("advice");
            row.getElement().setAttribute("data-kind", "advisory");
            row.getElement().setAttribute("role", "status");
            advice.add(row);
        }
    }

    /** The recent alarm events, for a tab. */
    Div history() {
        return recent;
    }

    void show(List<ActiveAlarm> alarms, List<AlarmEvent> events, Instant now) {
        setVisible(!alarms.isEmpty());
        String key = alarms.stream().map(a -> a.id() + a.message() + a.acknowledgedBy() + a.audible(now) + a.escalated()).toList().toString();
        if (!key.equals(shownAlarms)) {
            shownAlarms = key;
            removeAll();
            alarms.forEach(a -> add(row(a, now)));
        }
        recent.removeAll();
        // the latest that fit the tab without scrolling; the rest are in the session record
        events.stream().limit(SHOWN_EVENTS).forEach(e -> recent.add(new Div(new Span(Text.clock(e.at()) + "  " + Text.of("alarmEvent", e.kind())
                + ": " + words(e.alarmId(), e.message()) + (AuditPort.STATION.equals(e.by()) ? "" : " - " + StaffNames.named(e.by()))))));
        if (events.size() > SHOWN_EVENTS) {
            Span more = new Span(Text.get("bed.earlierEvents"));
            more.addClassName("list-more");
            recent.add(more);
        }
        if (events.isEmpty()) {
            recent.add(new Span(Text.get("alarm.noEvents")));
        }
    }

    /** An alarm in staff words: a device named by its kind and this bed ("Monitor silent (bed 1)"), never its configured id. */
    private String words(String alarmId, String message) {
        return AlarmWording.of(alarmId, message, actions.bed(), LiveFeed.shared().bed(actions.bed())::deviceName);
    }

    private Div row(ActiveAlarm a, Instant now) {
        String p = a.priority().name().toLowerCase(Locale.ROOT);
        Span indicator = new Span();
        indicator.addClassName("alarm-indicator");
        Span priority = new Span(Text.of("priority", a.priority()));
        priority.addClassName("alarm-priority");
        Span text = new Span(words(a.id(), a.message()));
        text.addClassName("alarm-text");
        boolean silenced = !a.audible(now);
        Span state = new Span(a.acknowledgedBy().map(u -> Text.get("alarm.acknowledgedBy", StaffNames.named(u)))
                .orElse(a.escalated() ? Text.get("alarm.unacknowledged") : "")
                + (silenced ? "  " + Text.get("alarm.silencedUntil", Text.clock(a.silencedUntil().orElseThrow())) : ""));
        state.addClassName("alarm-state");
        Button ack = new Button(Text.get("alarm.acknowledge"),
                e -> actions.send(new SessionCommand.AcknowledgeAlarm(actions.user(), actions.bed(), a.id())));
        ack.setEnabled(a.acknowledgedBy().isEmpty());
        ack.addClassName("alarm-ack");
        Button silence = new Button(Text.get("alarm.silence"),
                e -> actions.send(new SessionCommand.SilenceAlarm(actions.user(), actions.bed(), a.id(), SILENCE_SECONDS)));
        silence.addClassName("alarm-silence");
        silence.setEnabled(!silenced);
        Div row = new Div(indicator, priority, text, state, ack, silence);
        row.addClassName("alarm");
        row.getElement().setAttribute("data-priority", p);
        row.getElement().setAttribute("data-alarm-id", a.id());
        row.getElement().setAttribute("data-silenced", String.valueOf(silenced));
        row.getElement().setAttribute("data-acknowledged", String.valueOf(a.acknowledgedBy().isPresent()));
        row.getElement().setAttribute("role", "alert");
        return row;
    }
}
