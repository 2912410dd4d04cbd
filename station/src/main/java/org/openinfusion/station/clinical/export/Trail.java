package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.audit.AuditEntry;

/**
 * A verified audit trail grouped by session. A session counts only when its {@code session.created} entry is in the
 * trail (a trail begun after a broken file may hold the end of a session without its start: left out).
 */
final class Trail {
    private final List<AuditEntry> entries;
    private final Map<String, SessionTrail> sessions;

    private Trail(List<AuditEntry> entries, Map<String, SessionTrail> sessions) {
        this.entries = entries;
        this.sessions = sessions;
    }

    static Trail of(List<AuditEntry> entries) {
        Map<String, List<AuditEntry>> bySession = new LinkedHashMap<>();
        Map<String, AuditEntry> created = new LinkedHashMap<>();
        Map<String, Set<String>> amended = new HashMap<>();
        for (AuditEntry e : entries) {
            if (e.sessionId() == null) {
                continue;
            }
            bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e);
            if (e.type().equals("session.created")) {
                created.putIfAbsent(e.sessionId(), e);
            }
            amendingRating(e).ifPresent(id -> amended.computeIfAbsent(e.sessionId(), k -> new HashSet<>()).add(id));
        }
        Map<String, SessionTrail> sessions = new LinkedHashMap<>();
        Map<String, Integer> periods = new HashMap<>();
        created.forEach((id, c) -> {
            String subject = c.payload().get("protocol") + "\n" + c.payload().get("subjectCode");
            int period = periods.merge(subject, 1, Integer::sum);
            sessions.put(id, new SessionTrail(id, period, c, bySession.get(id), amended.getOrDefault(id, Set.of())));
        });
        return new Trail(List.copyOf(entries), sessions);
    }

    /**
     * The rating an amendment entry made: a {@code record.amended} of kind "rating" names the rating it amends
     * ({@code ratingId}) and the correction that replaced it ({@code correctionId}).
     */
    static Optional<String> amendingRating(AuditEntry e) {
        return e.type().equals("record.amended") && "rating".equals(Payloads.text(e.payload(), "kind"))
                ? Optional.ofNullable(Payloads.text(e.payload(), "correctionId")) : Optional.empty();
    }

    /**
     * The one session asked for, or every session in creation order (only those in {@code among} when it is not
     * empty); @throws IllegalArgumentException when unknown
     */
    List<SessionTrail> select(Optional<String> sessionId, Set<String> among) {
        if (sessionId.isEmpty()) {
            return sessions.values().stream().filter(s -> among.isEmpty() || among.contains(s.id())).toList();
        }
        SessionTrail s = sessions.get(sessionId.get());
        if (s == null) {
            throw new IllegalArgumentException("no session " + sessionId.get() + " in the audit trail");
        }
        return List.of(s);
    }

    /**
     * The session's entries (those naming it, even without its creation), or the whole trail (only the entries of
     * the sessions in {@code among} when it is not empty).
     */
    List<AuditEntry> entries(Optional<String> sessionId, Set<String> among) {
        if (sessionId.isEmpty()) {
            return among.isEmpty() ? entries : entries.stream().filter(e -> among.contains(e.sessionId())).toList();
        }
        List<AuditEntry> of = entries.stream().filter(e -> sessionId.get().equals(e.sessionId())).toList();
        if (of.isEmpty()) {
            throw new IllegalArgumentException("no session " + sessionId.get() + " in the audit trail");
        }
        return of;
    }
}
