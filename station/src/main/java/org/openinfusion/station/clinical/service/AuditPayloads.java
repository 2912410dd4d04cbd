package org.openinfusion.station.clinical.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * Turns clinical events into audit entries: a type and a flat payload of plain values. Holds no arm
 * and no concentration: events never carry them.
 */
final class AuditPayloads {
    record Entry(String type, String actor, Map<String, Object> payload) {
    }

    private AuditPayloads() {
    }

    static Entry of(SessionEvent e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", e.at().toString());
        switch (e) {
            case SessionEvent.Created c -> {
                p.put("subjectCode", c.subjectCode());
                p.put("weightKg", c.measures().weightKg());
                p.put("protocol", c.protocolId());
                p.put("protocolVersion", c.protocolVersion());
                p.put("kitId", c.kitId());
                p.put("bed", c.bedId());
            }
            case SessionEvent.InfusionStarted s -> p.put("source", s.source());
            case SessionEvent.InfusionCompleted c -> p.put("volumeInfusedMl", c.volumeInfusedMl());
            case SessionEvent.Closed c -> p.put("reason", c.reason());
            default -> {
            }
        }
        return new Entry("session." + snake(e.getClass().getSimpleName()), e.actor(), p);
    }

    static Entry of(InfusionEvent e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", e.at().toString());
        switch (e) {
            case InfusionEvent.Started s -> p.put("rateMlPerHour", s.rateMlPerHour());
            case InfusionEvent.Paused s -> {
                p.put("volumeInfusedMl", s.volumeInfusedMl());
                p.put("pauseNumber", s.pauseNumber());
            }
            case InfusionEvent.Resumed r -> p.put("pausedSeconds", r.pausedFor().toSeconds());
            case InfusionEvent.Completed c -> {
                p.put("volumeInfusedMl", c.volumeInfusedMl());
                p.put("infusingSeconds", c.infusingTime().toSeconds());
                p.put("pauses", c.pauses());
                p.put("pausedSeconds", c.pausedTotal().toSeconds());
            }
            case InfusionEvent.Deviation d -> {
                p.put("kind", d.kind().name());
                p.put("actual", d.actual());
                p.put("expected", d.expected());
                p.put("detail", d.detail());
            }
        }
        return new Entry("infusion." + snake(e.getClass().getSimpleName()), "station", p);
    }

    static Entry of(PromptTransition t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", t.at().toString());
        p.put("timePoint", t.timePointId());
        p.put("from", t.from().name());
        p.put("to", t.to().name());
        return new Entry("prompt." + t.to().name().toLowerCase(java.util.Locale.ROOT), "station", p);
    }

    static Entry of(AlarmEvent a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", a.at().toString());
        p.put("alarm", a.alarmId());
        p.put("priority", a.priority().name());
        p.put("message", a.message());
        return new Entry("alarm." + a.kind().name().toLowerCase(java.util.Locale.ROOT), a.by(), p);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
