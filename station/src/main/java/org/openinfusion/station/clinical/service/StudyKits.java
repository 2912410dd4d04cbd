package org.openinfusion.station.clinical.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.kit.KitList;
import org.openinfusion.station.clinical.kit.KitUse;

/**
 * The kit check at session creation, against the study's kit list when one is configured. A kit is in use once a
 * session names it and stays used ({@link KitUse}): a session closed before the infusion started gives its kit back
 * only when staff returned it as never opened, with a reason (then the same subject can be dosed with it in a new
 * session: the period was not used up either). Per subject, the crossover period counts dosed sessions only. Seeded
 * from the whole audit history at start-up, so it holds across restarts. Single-threaded, like the session service.
 */
final class StudyKits {
    private final Optional<KitList> list;
    private final Map<String, KitUse> bySession = new LinkedHashMap<>();

    StudyKits(Optional<KitList> list) {
        this.list = list;
    }

    void seed(AuditHistory trail) {
        for (SessionHistory s : trail.sessions()) {
            bySession.put(s.id().value(), new KitUse(s.created().subjectCode(), s.created().kitId(), s.dosed(), s.closed(),
                    s.kitReturned() && !s.dosed()));
        }
    }

    /** @throws IllegalArgumentException when a kit list is configured and the kit may not be used for this subject now */
    void requireUsable(String kitId, String subject) {
        if (list.isEmpty()) {
            return;
        }
        Set<String> used = bySession.values().stream().filter(KitUse::holdsKit).map(KitUse::kitId).collect(Collectors.toSet());
        int dosed = (int) bySession.values().stream().filter(u -> u.dosed() && u.subject().equals(subject)).count();
        list.get().requireUsable(kitId, subject, used, dosed);
    }

    void created(String sessionId, String subject, String kitId) {
        bySession.put(sessionId, KitUse.named(subject, kitId));
    }

    void dosed(String sessionId) {
        bySession.computeIfPresent(sessionId, (id, u) -> u.dose());
    }

    void closed(String sessionId) {
        bySession.computeIfPresent(sessionId, (id, u) -> u.close());
    }

    /** Checks that the session's kit may be returned as never opened (nothing is recorded here). */
    KitUse returnable(String sessionId, Optional<String> reason) {
        return bySession.get(sessionId).returnUnopened(reason);
    }

    void returned(String sessionId, Optional<String> reason) {
        bySession.computeIfPresent(sessionId, (id, u) -> u.returnUnopened(reason));
    }
}
