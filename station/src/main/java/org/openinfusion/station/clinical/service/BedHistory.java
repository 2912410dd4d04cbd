package org.openinfusion.station.clinical.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.infusion.StopVolume;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.AeProposals;
import org.openinfusion.station.clinical.session.Medication;
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
        final Deque<Deviation> deviations = new ArrayDeque<>();
        final Deque<SessionView.Marker> markers = new ArrayDeque<>();
        final List<SessionView.RatingEntry> ratings = new ArrayList<>();
        final List<AlarmEvent> episodes = new ArrayList<>();
        final Map<String, AdverseEvent> adverseEvents = new LinkedHashMap<>();
        final List<Medication> medications = new ArrayList<>();
        final List<Rating> parts = new ArrayList<>();
    }

    private final Map<String, Entries> bySession = new HashMap<>();

    void outcome(String sessionId, Outcome o) {
        Entries e = entries(sessionId);
        o.alarms().forEach(a -> push(e.alarms, a));
        o.alarms().stream().filter(AeProposals::isEpisode).forEach(e.episodes::add);
        o.infusion().forEach(i -> infusion(e, i));
    }

    /**
     * A deviation as the bedside lists it: an early stop with the pump's own count once the pump stopped after the end
     * was recorded ({@code finalVolume}; the end recorded the pump's last report before that), any other with its
     * detail as reported.
     */
    record Deviation(InfusionEvent.Deviation deviation, Optional<InfusionEvent.FinalVolume> finalVolume) {
        boolean earlyStop() {
            return deviation.kind() == InfusionEvent.DeviationKind.EARLY_STOP;
        }

        /** The line the bed view shows, e.g. "EARLY_STOP: stopped at 4.5 of 60.0 mL (...)". */
        String line() {
            return deviation.kind() + ": " + (earlyStop() ? StopVolume.of(deviation, finalVolume).detail() : deviation.detail());
        }
    }

    /**
     * A deviation as reported; the pump's final count after an early stop goes to the latest early stop still without
     * one (the end recorded its last report before the pump stopped), wherever it stands in the list.
     */
    private static void infusion(Entries e, InfusionEvent i) {
        if (i instanceof InfusionEvent.Deviation d) {
            push(e.deviations, new Deviation(d, Optional.empty()));
        } else if (i instanceof InfusionEvent.FinalVolume f) {
            List<Deviation> shown = new ArrayList<>(e.deviations);
            for (int k = 0; k < shown.size(); k++) {
                Deviation d = shown.get(k);
                if (d.earlyStop() && d.finalVolume().isEmpty()) {
                    shown.set(k, new Deviation(d.deviation(), Optional.of(f)));
                    e.deviations.clear();
                    e.deviations.addAll(shown);
                    return;
                }
            }
        }
    }

    void marker(String sessionId, SessionView.Marker m) {
        push(entries(sessionId).markers, m);
    }

    void rating(String sessionId, SessionView.RatingEntry r) {
        entries(sessionId).ratings.add(r);
    }

    /** The subject's part of a form answered on the patient tablet (CADSS 1-19): staff still rate its observer items. */
    void part(String sessionId, Rating part) {
        entries(sessionId).parts.add(part);
    }

    /** The subject's parts that no rating of the same form at the same time point completes yet. */
    List<Rating> pendingParts(String sessionId) {
        Entries e = entries(sessionId);
        return e.parts.stream().filter(p -> e.ratings.stream().noneMatch(r -> !r.correction() && r.timePointId().equals(p.timePointId())
                && r.form().equals(formOf(p)))).toList();
    }

    static String formOf(Rating r) {
        return r.shortFormId() == null ? r.instrumentId() : r.shortFormId();
    }

    /**
     * Refills the screen's memory of a session taken up after a restart from its recorded entries: ratings, markers
     * and infusion deviations (alarms start afresh).
     */
    void restore(String sessionId, SessionHistory recorded) {
        for (Recorded r : recorded.entries()) {
            switch (r.event()) {
                case TrailEvent.RatingEntered e -> rating(sessionId, ratingEntry(e));
                case TrailEvent.RatingPartAnswered p -> part(sessionId, p.part());
                case TrailEvent.MarkerRecorded m -> marker(sessionId, new SessionView.Marker(MarkerKind.valueOf(m.kind()), m.note(),
                        r.actor(), m.at()));
                case TrailEvent.InfusionChanged i -> infusion(entries(sessionId), i.change());
                case TrailEvent.AlarmChanged a when AeProposals.isEpisode(a.alarm()) -> entries(sessionId).episodes.add(a.alarm());
                case TrailEvent.AdverseEventRecorded a -> adverseEvent(sessionId, a.event());
                case TrailEvent.MedicationGiven m -> medication(sessionId, m.medication());
                default -> {
                }
            }
        }
    }

    private static SessionView.RatingEntry ratingEntry(TrailEvent.RatingEntered e) {
        Rating r = e.rating();
        Integer total = e.score().total();
        return new SessionView.RatingEntry(r.id(), r.timePointId(), formOf(r),
                total == null ? OptionalInt.empty() : OptionalInt.of(total), String.valueOf(e.score().summary()), r.finishedAt(),
                r.isCorrection(), new TreeMap<>(r.answers()));
    }

    /** An adverse event recorded (or updated: the same id) in this session. */
    void adverseEvent(String sessionId, AdverseEvent e) {
        entries(sessionId).adverseEvents.put(e.id(), e);
    }

    void medication(String sessionId, Medication m) {
        entries(sessionId).medications.add(m);
    }

    List<AdverseEvent> adverseEvents(String sessionId) {
        return List.copyOf(entries(sessionId).adverseEvents.values());
    }

    List<Medication> medications(String sessionId) {
        return List.copyOf(entries(sessionId).medications);
    }

    /** The station's proposals from this session's hypertension and desaturation episodes that no recorded AE confirms yet. */
    List<AeProposals.Proposal> aeProposals(String sessionId) {
        Entries e = entries(sessionId);
        Set<String> confirmed = new HashSet<>();
        e.adverseEvents.values().forEach(ae -> ae.fromAlarm().ifPresent(confirmed::add));
        return AeProposals.from(e.episodes, confirmed);
    }

    List<AlarmEvent> alarms(String sessionId) {
        return List.copyOf(entries(sessionId).alarms);
    }

    /** The deviations' lines, newest first. */
    List<String> deviations(String sessionId) {
        return entries(sessionId).deviations.stream().map(Deviation::line).toList();
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
