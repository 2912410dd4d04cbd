package org.openinfusion.station.clinical.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.RatingPayload;
import org.openinfusion.station.clinical.session.Outcome;

/**
 * What the bedside shows of a session's recent past (alarm events, infusion deviations, markers, recorded ratings),
 * kept per session id and bounded. The durable record is the audit trail; this is only the screen's memory.
 * Single-threaded, like the session service.
 */
final class BedHistory {
    static final int KEEP = 50;

    private static final class Entries {
        final Deque<AlarmEvent> alarms = new ArrayDeque<>();
        final Deque<String> deviations = new ArrayDeque<>();
        final Deque<SessionView.Marker> markers = new ArrayDeque<>();
        final List<SessionView.RatingEntry> ratings = new ArrayList<>();
    }

    private final Map<String, Entries> bySession = new HashMap<>();

    void outcome(String sessionId, Outcome o) {
        Entries e = entries(sessionId);
        o.alarms().forEach(a -> push(e.alarms, a));
        o.infusion().forEach(i -> {
            if (i instanceof InfusionEvent.Deviation d) {
                push(e.deviations, d.kind() + ": " + d.detail());
            }
        });
    }

    void marker(String sessionId, SessionView.Marker m) {
        push(entries(sessionId).markers, m);
    }

    void rating(String sessionId, SessionView.RatingEntry r) {
        entries(sessionId).ratings.add(r);
    }

    /**
     * Refills the screen's memory of a session taken up after a restart from its recorded entries: ratings, markers
     * and infusion deviations (alarms start afresh).
     */
    void restore(String sessionId, List<AuditEntry> recorded) {
        for (AuditEntry a : recorded) {
            Map<String, Object> p = a.payload();
            switch (a.type()) {
                case "rating.recorded", "rating.corrected" -> rating(sessionId, new SessionView.RatingEntry(
                        (String) p.get("ratingId"), (String) p.get("timePoint"),
                        p.get("shortForm") == null ? (String) p.get("instrument") : (String) p.get("shortForm"),
                        p.get("total") instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty(),
                        String.valueOf(p.get("summary")), Instant.parse((String) p.get("finishedAt")),
                        a.type().equals("rating.corrected"), answers((Map<?, ?>) p.get("answers"))));
                case "marker.recorded" -> marker(sessionId, new SessionView.Marker(MarkerKind.valueOf((String) p.get("kind")),
                        (String) p.get("note"), a.actor(), Instant.parse((String) p.get("at"))));
                case "infusion.deviation" -> push(entries(sessionId).deviations, p.get("kind") + ": " + p.get("detail"));
                default -> {
                }
            }
        }
    }

    private static Map<String, Answer> answers(Map<?, ?> recorded) {
        Map<String, Answer> out = new LinkedHashMap<>();
        recorded.forEach((item, v) -> out.put((String) item, RatingPayload.answer(v)));
        return out;
    }

    List<AlarmEvent> alarms(String sessionId) {
        return List.copyOf(entries(sessionId).alarms);
    }

    List<String> deviations(String sessionId) {
        return List.copyOf(entries(sessionId).deviations);
    }

    List<SessionView.Marker> markers(String sessionId) {
        return List.copyOf(entries(sessionId).markers);
    }

    List<SessionView.RatingEntry> ratings(String sessionId) {
        return List.copyOf(entries(sessionId).ratings);
    }

    private Entries entries(String sessionId) {
        return bySession.computeIfAbsent(sessionId, id -> new Entries());
    }

    private static <T> void push(Deque<T> d, T item) {
        d.addFirst(item);
        while (d.size() > KEEP) {
            d.removeLast();
        }
    }
}
