package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.station.clinical.session.SessionEvent;

/** The written form of the bedside events: session steps, infusion, prompts, alarms and markers (ratings: {@link RatingCodec}). */
final class BedsideCodec {
    private static final String MARKER = "marker.recorded";

    private BedsideCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.SessionStepped s) {
        SessionEvent e = s.step();
        Map<String, Object> p = at(e.at());
        switch (e) {
            case SessionEvent.Created c -> {
                p.put("subjectCode", c.subjectCode());
                p.put("weightKg", c.measures().weightKg());
                p.put("protocol", c.protocolId());
                p.put("protocolVersion", c.protocolVersion());
                p.put("kitId", c.kitId());
                p.put("bed", c.bedId());
                c.ageYears().ifPresent(a -> p.put("ageYears", a));
            }
            case SessionEvent.InfusionStarted i -> p.put("source", i.source());
            case SessionEvent.InfusionCompleted c -> p.put("volumeInfusedMl", c.volumeInfusedMl());
            case SessionEvent.Closed c -> p.put("reason", c.reason());
            default -> {
            }
        }
        return new EventCodec.Encoded("session." + snake(e.getClass().getSimpleName()), p);
    }

    static EventCodec.Encoded encode(TrailEvent.InfusionChanged i) {
        InfusionEvent e = i.change();
        Map<String, Object> p = at(e.at());
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
            case InfusionEvent.FinalVolume f -> {
                p.put("volumeInfusedMl", f.volumeInfusedMl());
                p.put("atEndMl", f.atEndMl());
            }
            case InfusionEvent.RunningAtClose c -> {
                p.put("rateMlPerHour", c.rateMlPerHour());
                p.put("volumeInfusedMl", c.volumeInfusedMl());
                p.put("reportedAt", c.reportedAt().toString());
            }
            case InfusionEvent.Deviation d -> {
                p.put("kind", d.kind().name());
                p.put("actual", d.actual());
                p.put("expected", d.expected());
                p.put("detail", d.detail());
            }
        }
        return new EventCodec.Encoded("infusion." + snake(e.getClass().getSimpleName()), p);
    }

    static EventCodec.Encoded encode(TrailEvent.PromptChanged c) {
        PromptTransition t = c.transition();
        Map<String, Object> p = at(t.at());
        p.put("timePoint", t.timePointId());
        p.put("from", t.from().name());
        p.put("to", t.to().name());
        if (!t.reason().isEmpty()) {
            p.put("reason", t.reason());
        }
        return new EventCodec.Encoded("prompt." + lower(t.to().name()), p);
    }

    static EventCodec.Encoded encode(TrailEvent.AlarmChanged c) {
        AlarmEvent a = c.alarm();
        Map<String, Object> p = at(a.at());
        p.put("alarm", a.alarmId());
        p.put("priority", a.priority().name());
        p.put("message", a.message());
        return new EventCodec.Encoded("alarm." + lower(a.kind().name()), p);
    }

    static EventCodec.Encoded encode(TrailEvent.MarkerRecorded m) {
        Map<String, Object> p = at(m.at());
        p.put("kind", m.kind());
        p.put("note", m.note());
        return new EventCodec.Encoded(MARKER, p);
    }

    static Optional<TrailEvent> decode(PayloadReader p, String actor, String sessionId) {
        String type = p.type();
        int dot = type.indexOf('.');
        String family = dot < 0 ? type : type.substring(0, dot);
        String name = dot < 0 ? "" : type.substring(dot + 1);
        return Optional.ofNullable(switch (family) {
            case "session" -> step(name, p, actor, sessionId);
            case "infusion" -> infusion(name, p);
            case "prompt" -> new TrailEvent.PromptChanged(new PromptTransition(p.required("timePoint"),
                    PromptState.valueOf(p.required("from")), PromptState.valueOf(p.required("to")), p.at(),
                    p.text("reason") == null ? "" : p.text("reason")));
            case "alarm" -> alarm(name, p, actor);
            case "rating" -> RatingCodec.decode(p, actor);
            case "marker" -> type.equals(MARKER) ? new TrailEvent.MarkerRecorded(p.at(), p.text("kind"), p.text("note")) : null;
            default -> null;
        }).map(TrailEvent.class::cast);
    }

    private static TrailEvent step(String name, PayloadReader p, String actor, String sessionId) {
        var at = p.at();
        SessionEvent e = switch (name) {
            case "created" -> new SessionEvent.Created(at, actor, sessionId, p.required("subjectCode"),
                    SubjectMeasures.weight(p.decimal("weightKg")), p.required("protocol"), p.whole("protocolVersion"),
                    p.required("kitId"), p.required("bed"), p.optionalWhole("ageYears"));
            case "baseline_started" -> new SessionEvent.BaselineStarted(at, actor);
            case "pretreatment_given" -> new SessionEvent.PretreatmentGiven(at, actor);
            case "infusion_started" -> new SessionEvent.InfusionStarted(at, actor, p.text("source"));
            case "infusion_paused" -> new SessionEvent.InfusionPaused(at, actor);
            case "infusion_resumed" -> new SessionEvent.InfusionResumed(at, actor);
            case "infusion_completed" -> new SessionEvent.InfusionCompleted(at, actor, p.decimal("volumeInfusedMl"));
            case "observation_started" -> new SessionEvent.ObservationStarted(at, actor);
            case "ready_for_discharge" -> new SessionEvent.ReadyForDischarge(at, actor);
            case "closed" -> new SessionEvent.Closed(at, actor, p.text("reason"));
            default -> null;
        };
        return e == null ? null : new TrailEvent.SessionStepped(e);
    }

    private static TrailEvent infusion(String name, PayloadReader p) {
        var at = p.at();
        InfusionEvent e = switch (name) {
            case "started" -> new InfusionEvent.Started(at, p.decimal("rateMlPerHour"));
            case "paused" -> new InfusionEvent.Paused(at, p.decimal("volumeInfusedMl"), p.whole("pauseNumber"));
            case "resumed" -> new InfusionEvent.Resumed(at, p.seconds("pausedSeconds"));
            case "completed" -> new InfusionEvent.Completed(at, p.decimal("volumeInfusedMl"), p.seconds("infusingSeconds"),
                    p.whole("pauses"), p.seconds("pausedSeconds"));
            case "final_volume" -> new InfusionEvent.FinalVolume(at, p.decimal("volumeInfusedMl"), p.decimal("atEndMl"));
            case "running_at_close" -> new InfusionEvent.RunningAtClose(at, p.decimal("rateMlPerHour"), p.decimal("volumeInfusedMl"),
                    p.instant("reportedAt"));
            case "deviation" -> new InfusionEvent.Deviation(at, InfusionEvent.DeviationKind.valueOf(p.required("kind")),
                    p.decimal("actual"), p.decimal("expected"), p.text("detail"));
            default -> null;
        };
        return e == null ? null : new TrailEvent.InfusionChanged(e);
    }

    private static TrailEvent alarm(String name, PayloadReader p, String actor) {
        for (AlarmEvent.Kind kind : AlarmEvent.Kind.values()) {
            if (lower(kind.name()).equals(name)) {
                return new TrailEvent.AlarmChanged(new AlarmEvent(p.required("alarm"), kind,
                        AlarmPriority.valueOf(p.required("priority")), p.text("message"), p.at(), actor));
            }
        }
        return null;
    }

    private static Map<String, Object> at(Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", at.toString());
        return p;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
