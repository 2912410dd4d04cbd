package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** The unconfirmed proposals of a session's alarm events (in order), oldest first. */
    public static List<Proposal> from(List<AlarmEvent> alarmsInOrder, Set<String> confirmedKeys) {
        List<Proposal> out = new ArrayList<>();
        for (int i = 0; i < alarmsInOrder.size(); i++) {
            AlarmEvent a = alarmsInOrder.get(i);
            Optional<String> term = term(a);
            if (a.kind() != AlarmEvent.Kind.RAISED || term.isEmpty()) {
                continue;
            }
            String key = a.alarmId() + "@" + a.at();
            if (confirmedKeys.contains(key)) {
                continue;
            }
            Optional<Instant> end = alarmsInOrder.subList(i + 1, alarmsInOrder.size()).stream()
                    .filter(c -> c.kind() == AlarmEvent.Kind.CLEARED && c.alarmId().equals(a.alarmId())).map(AlarmEvent::at).findFirst();
            out.add(new Proposal(key, term.get(), a.at(), end, a.message()));
        }
        return List.copyOf(out);
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
