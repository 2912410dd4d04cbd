package org.openinfusion.station.clinical.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole audit trail read back, typed: every entry in trail order, and the sessions it holds. A session counts only
 * when its creation is in the trail (a trail begun after a broken file may hold the end of a session without its
 * start: its entries stay in {@link #entries}, it has no {@link SessionHistory}). Pure.
 */
public final class AuditHistory {
    private final List<Recorded> entries;
    private final Map<SessionId, SessionHistory> sessions = new LinkedHashMap<>();

    public AuditHistory(List<Recorded> entries) {
        this.entries = List.copyOf(entries);
        Map<SessionId, List<Recorded>> bySession = new LinkedHashMap<>();
        Set<SessionId> created = new LinkedHashSet<>();
        for (Recorded r : this.entries) {
            if (r.session() != null) {
                bySession.computeIfAbsent(r.session(), k -> new ArrayList<>()).add(r);
                if (SessionHistory.isCreation(r)) {
                    created.add(r.session());
                }
            }
        }
        created.forEach(id -> sessions.put(id, new SessionHistory(id, bySession.get(id))));
    }

    /** Every entry, station-wide ones included, in trail order. */
    public List<Recorded> entries() {
        return entries;
    }

    /** The sessions whose creation is in the trail, in creation order. */
    public List<SessionHistory> sessions() {
        return List.copyOf(sessions.values());
    }

    public Optional<SessionHistory> session(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The entries naming the session, whether or not its creation is in the trail. */
    public List<Recorded> entriesOf(SessionId id) {
        return entries.stream().filter(r -> id.equals(r.session())).toList();
    }

    /** The entries of the given sessions (all entries when {@code among} is empty), in trail order. */
    public List<Recorded> entriesOf(Set<SessionId> among) {
        return among.isEmpty() ? entries : entries.stream().filter(r -> among.contains(r.session())).toList();
    }

    /** The entries that belong to no session (sign-ins, exports, user changes...). */
    public List<Recorded> stationWide() {
        return entries.stream().filter(r -> Objects.isNull(r.session())).toList();
    }
}
