package org.openinfusion.dashboard.feed;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;

/**
 * Audible cues in the browser (js/station-audio.js; sounds only after the first tap or key, as browsers require):
 * one tone when a rating becomes due or overdue, and, while an unacknowledged alarm is audible (not silenced), the
 * pattern of its priority after IEC 60601-1-8 (high: burst of 10 pulses, medium: 3 pulses, low: 2 pulses),
 * repeated every 5 s (high), 10 s (medium) or 20 s (low). The highest-priority such alarm sounds.
 */
public final class Cues {
    private final Set<String> announced = new HashSet<>();
    private UI ui;
    private Instant lastAlarmCue = Instant.EPOCH;
    private String lastCue = "";

    static Duration repeat(AlarmPriority p) {
        return switch (p) {
            case HIGH -> Duration.ofSeconds(5);
            case MEDIUM -> Duration.ofSeconds(10);
            case LOW -> Duration.ofSeconds(20);
        };
    }

    public void attach(UI ui) {
        this.ui = ui;
        ui.getPage().addJsModule("/js/sweep-trace.js");
        ui.getPage().addJsModule("/js/station-audio.js");
        ui.getPage().addJsModule("/js/vas-line.js");
    }

    /** Plays what {@code v} calls for; with several beds, call for each (one alarm pattern per repeat interval). */
    public void update(SessionView v) {
        for (Prompt p : v.prompts()) {
            if ((p.state() == PromptState.DUE || p.state() == PromptState.OVERDUE) && announced.add(v.sessionId() + p.timePointId() + p.state())) {
                play("prompt");
            }
        }
        v.activeAlarms().stream().filter(a -> a.audible(v.asOf()) && a.acknowledgedBy().isEmpty())
                .max(Comparator.comparing(ActiveAlarm::priority))
                .filter(a -> Duration.between(lastAlarmCue, v.asOf()).compareTo(repeat(a.priority())) >= 0)
                .ifPresent(a -> alarm(a, v.asOf()));
    }

    private void alarm(ActiveAlarm a, Instant now) {
        lastAlarmCue = now;
        play(a.priority().name().toLowerCase(Locale.ROOT));
    }

    private void play(String kind) {
        lastCue = kind;
        if (ui != null) {
            ui.getPage().executeJs("window.stationBeep && window.stationBeep($0)", kind);
        }
    }

    public String lastCue() {
        return lastCue;
    }
}
