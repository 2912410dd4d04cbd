package org.openinfusion.station.clinical.service;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.kit.KitList;

/**
 * The kit check at session creation, against the study's kit list when one is configured: the kits every session of the
 * trail named, and per subject the sessions that were dosed (the crossover period counts those only). Seeded from the
 * whole audit history at start-up, so it holds across restarts. Single-threaded, like the session service.
 */
final class StudyKits {
    private record Use(String subject, boolean dosed) {
    }

    private final Optional<KitList> list;
    private final Set<String> usedKits = new HashSet<>();
    private final Map<String, Use> bySession = new LinkedHashMap<>();

    StudyKits(Optional<KitList> list) {
        this.list = list;
    }

    void seed(AuditHistory trail) {
        for (SessionHistory s : trail.sessions()) {
            created(s.id().value(), s.created().subjectCode(), s.created().kitId());
            if (s.dosed()) {
                dosed(s.id().value());
            }
        }
    }

    /** @throws IllegalArgumentException when a kit list is configured and the kit may not be used for this subject now */
    void requireUsable(String kitId, String subject) {
        list.ifPresent(l -> l.requireUsable(kitId, subject, usedKits, dosedSessions(subject)));
    }

    void created(String sessionId, String subject, String kitId) {
        usedKits.add(kitId);
        bySession.put(sessionId, new Use(subject, false));
    }

    void dosed(String sessionId) {
        bySession.computeIfPresent(sessionId, (id, u) -> new Use(u.subject(), true));
    }

    int dosedSessions(String subject) {
        return (int) bySession.values().stream().filter(u -> u.dosed() && u.subject().equals(subject)).count();
    }
}
