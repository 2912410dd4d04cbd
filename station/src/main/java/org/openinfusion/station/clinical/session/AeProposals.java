package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.AlarmEvent;

/**
 * Adverse events the station proposes from alarm episodes, for staff to confirm (or not): a blood-pressure limit crossed
 * upwards (hypertension) or an SpO2 limit crossed downwards (desaturation), from the alarm's raising to its clearing (an
 * NIBP value ageing out does not end an episode: the alarm engine keeps it raised). A proposal is counted as confirmed
 * once an adverse event names its {@link Proposal#key()} as {@code fromAlarm}. Pure.
 */
public final class AeProposals {
    private AeProposals() {
    }

    /**
     * @param key     what a confirming adverse event puts in {@code fromAlarm}: the alarm id and when it was raised
     * @param message the alarm's message when raised, e.g. "NIBP_SYS 186 > 180"
     */
    public record Proposal(String key, String term, Instant start, Optional<Instant> end, String message) {
    }

    /**
     * The unconfirmed proposals of a session's alarm events (in order), oldest first. Episodes of the same term that
     * overlap (SpO2 below both the 95 % and the 92 % limit, systolic and diastolic both high) are one proposal: from the
     * first raising to the last clearing, keyed by the first alarm; confirming any of them confirms the whole episode.
     */
    public static List<Proposal> from(List<AlarmEvent> alarmsInOrder, Set<String> confirmedKeys) {
        List<Proposal> out = new ArrayList<>();
        Map<String, Proposal> open = new HashMap<>();
        Set<String> confirmedOpen = new HashSet<>();
        for (Proposal p : episodes(alarmsInOrder)) {
            Proposal same = open.get(p.term());
            if (same != null && overlaps(same, p)) {
                Optional<Instant> end = same.end().isEmpty() || p.end().isEmpty() ? Optional.empty()
                        : Optional.of(same.end().get().isAfter(p.end().get()) ? same.end().get() : p.end().get());
                open.put(p.term(), new Proposal(same.key(), same.term(), same.start(), end, same.message()));
            } else {
                if (same != null && !confirmedOpen.remove(same.term())) {
                    out.add(same);
                }
                open.put(p.term(), p);
            }
            if (confirmedKeys.contains(p.key())) {
                confirmedOpen.add(p.term());
            }
        }
        open.values().stream().filter(p -> !confirmedOpen.contains(p.term())).forEach(out::add);
        out.sort(Comparator.comparing(Proposal::start));
        return List.copyOf(out);
    }

    private static boolean overlaps(Proposal earlier, Proposal later) {
        return earlier.end().map(e -> !later.start().isAfter(e)).orElse(true);
    }

    /** Every episode with a term, confirmed or not, by raising time. */
    private static List<Proposal> episodes(List<AlarmEvent> alarmsInOrder) {
        List<Proposal> out = new ArrayList<>();
        for (int i = 0; i < alarmsInOrder.size(); i++) {
            AlarmEvent a = alarmsInOrder.get(i);
            Optional<String> term = term(a);
            if (a.kind() != AlarmEvent.Kind.RAISED || term.isEmpty()) {
                continue;
            }
            Optional<Instant> end = alarmsInOrder.subList(i + 1, alarmsInOrder.size()).stream()
                    .filter(c -> c.kind() == AlarmEvent.Kind.CLEARED && c.alarmId().equals(a.alarmId())).map(AlarmEvent::at).findFirst();
            out.add(new Proposal(a.alarmId() + "@" + a.at(), term.get(), a.at(), end, a.message()));
        }
        out.sort(Comparator.comparing(Proposal::start));
        return out;
    }

    /** Whether an alarm event belongs to an episode the station proposes from (raised or cleared). */
    public static boolean isEpisode(AlarmEvent a) {
        return (a.kind() == AlarmEvent.Kind.RAISED || a.kind() == AlarmEvent.Kind.CLEARED)
                && (a.alarmId().startsWith("LIMIT:nibp_sys:") || a.alarmId().startsWith("LIMIT:nibp_dia:")
                || a.alarmId().startsWith("LIMIT:spo2:"));
    }

    private static Optional<String> term(AlarmEvent a) {
        String m = a.message() == null ? "" : a.message();
        if ((a.alarmId().startsWith("LIMIT:nibp_sys:") || a.alarmId().startsWith("LIMIT:nibp_dia:")) && m.contains(" > ")) {
            return Optional.of("Hypertension");
        }
        if (a.alarmId().startsWith("LIMIT:spo2:") && m.contains(" < ")) {
            return Optional.of("Oxygen saturation decreased");
        }
        return Optional.empty();
    }
}
