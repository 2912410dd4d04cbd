package org.openinfusion.station.clinical.export;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.kit.CrossoverPeriod;

/**
 * The sessions of an audit history as the exports see them: each with its crossover period (1 + the subject's dosed
 * sessions before it in this protocol, over the whole trail in creation order: a session closed before the infusion
 * started does not use up a period, and is given the period it was meant for), selected by id or by a set of ids.
 */
final class Trail {
    private final AuditHistory history;
    private final Map<String, SessionTrail> sessions = new LinkedHashMap<>();

    Trail(AuditHistory history) {
        this.history = history;
        Map<String, Integer> dosed = new HashMap<>();
        for (SessionHistory s : history.sessions()) {
            String subject = s.created().protocolId() + "\n" + s.created().subjectCode();
            int before = dosed.getOrDefault(subject, 0);
            sessions.put(s.id().value(), new SessionTrail(s, CrossoverPeriod.next(before)));
            if (s.dosed()) {
                dosed.put(subject, before + 1);
            }
        }
    }

    AuditHistory history() {
        return history;
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
    List<Recorded> entries(Optional<String> sessionId, Set<String> among) {
        if (sessionId.isEmpty()) {
            return history.entriesOf(among.stream().map(SessionId::new).collect(Collectors.toSet()));
        }
        List<Recorded> of = history.entriesOf(new SessionId(sessionId.get()));
        if (of.isEmpty()) {
            throw new IllegalArgumentException("no session " + sessionId.get() + " in the audit trail");
        }
        return of;
    }
}
