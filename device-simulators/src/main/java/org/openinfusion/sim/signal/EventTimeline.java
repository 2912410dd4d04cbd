package org.openinfusion.sim.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's timeline for one patient where no bed steps the devices (the serial simulators):
 * each event is applied when simulation time first reaches it ({@link #advanceTo}), in order; an
 * event the pump refuses is written to the log ("refused: ...") and the timeline goes on, as on
 * the MQTT beds. Thread-safe.
 */
public final class EventTimeline {

    private final SimulatedPatient patient;
    private final List<BedEvent.Timed> pending;
    private final List<String> log = new ArrayList<>();

    public EventTimeline(SimulatedPatient patient, List<BedEvent.Timed> events) {
        this.patient = patient;
        this.pending = new ArrayList<>(events);
        pending.sort(Comparator.comparingDouble(BedEvent.Timed::seconds));
    }

    /** No events: the patient only responds to what its pump delivers. */
    public static EventTimeline none(SimulatedPatient patient) {
        return new EventTimeline(patient, List.of());
    }

    public SimulatedPatient patient() {
        return patient;
    }

    /** Applies every event due at or before {@code t} seconds that was not applied yet. */
    public synchronized void advanceTo(double t) {
        while (!pending.isEmpty() && pending.get(0).seconds() <= t) {
            BedEvent.Timed next = pending.remove(0);
            try {
                next.event().apply(patient, next.seconds());
                log.add(String.format(Locale.ROOT, "%.1f s: %s", next.seconds(), next.event().describe()));
            } catch (IllegalStateException | IllegalArgumentException e) {
                log.add(String.format(Locale.ROOT, "%.1f s: %s refused: %s", next.seconds(), next.event().describe(),
                        e.getMessage()));
            }
        }
    }

    /** What was applied so far, oldest first. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** Events still to come. */
    public synchronized int pending() {
        return pending.size();
    }
}
