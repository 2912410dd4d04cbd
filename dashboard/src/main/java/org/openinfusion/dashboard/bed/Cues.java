package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;

/**
 * Audible cues in the browser (js/station-audio.js; sounds only after the first tap or key, as browsers require):
 * one tone when a rating becomes due or overdue, and a pattern by priority every few seconds while an
 * unacknowledged alarm is audible (not silenced).
 */
final class Cues {
    static final Duration ALARM_REPEAT = Duration.ofSeconds(5);
    private final Set<String> announced = new HashSet<>();
    private UI ui;
    private Instant lastAlarmCue = Instant.EPOCH;
    private String lastCue = "";

    void attach(UI ui) {
        this.ui = ui;
        ui.getPage().addJsModule("/js/sweep-trace.js");
        ui.getPage().addJsModule("/js/station-audio.js");
    }

    void update(SessionView v) {
        for (Prompt p : v.prompts()) {
            if ((p.state() == PromptState.DUE || p.state() == PromptState.OVERDUE) && announced.add(p.timePointId() + p.state())) {
                play("prompt");
            }
        }
        v.activeAlarms().stream().filter(a -> a.audible(v.asOf()) && a.acknowledgedBy().isEmpty()).findFirst()
                .filter(a -> Duration.between(lastAlarmCue, v.asOf()).compareTo(ALARM_REPEAT) >= 0)
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

    String lastCue() {
        return lastCue;
    }
}
