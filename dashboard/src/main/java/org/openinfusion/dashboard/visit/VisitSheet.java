package org.openinfusion.dashboard.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openinfusion.dashboard.SiteDates;
import org.openinfusion.dashboard.AlarmWording;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.review.Signature;
import org.openinfusion.station.clinical.review.VisitSignOff;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import org.openinfusion.station.clinical.visit.SubjectTimeline;

/**
 * What the rating-visit page shows, worked out from the station's answer (pure): the visit's name, its window and
 * status, each instrument to rate with its state, the vital signs, notes and adverse events recorded so far, and the
 * physicians' signatures of the visit.
 *
 * @param timePoint the time point its ratings name: the planned visit's id, or "unscheduled"
 */
public record VisitSheet(String subject, String visitName, String timePoint, boolean completed, String facts, List<Instrument> instruments,
                         List<Vitals> vitals, List<String> notes, List<Event> adverseEvents, List<Signed> signatures, List<String> amendments) {
    public VisitSheet {
        signatures = List.copyOf(signatures);
        amendments = List.copyOf(amendments);
        instruments = List.copyOf(instruments);
        vitals = List.copyOf(vitals);
        notes = List.copyOf(notes);
        adverseEvents = List.copyOf(adverseEvents);
    }

    /**
     * Vital signs recorded at the visit, as in effect: the line as shown (time, source, values; a monitor's values with
     * their age; a corrected value with "(amended: reason)") and the alarm limits its values in effect are outside of,
     * worded as the bedside alarms ("HR 130 > 120"); empty when none.
     *
     * @param entry  the audit entry that recorded them (a physician's correction names it)
     * @param values the values in effect, by stream, in the entry's order
     * @param at     when they were recorded
     */
    public record Vitals(String text, List<String> outOfLimits, long entry, Map<String, Double> values, Instant at) {
        public Vitals {
            outOfLimits = List.copyOf(outOfLimits);
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** An adverse event as in effect (the latest entry of its id) and, when a physician amended it, the reason. */
    public record Event(AdverseEvent event, String amendedBecause) {
    }

    /** A signature of the visit, and whether an amendment came after it (it no longer covers the visit). */
    public record Signed(Signature signature, boolean beforeAmendment) {
    }

    /**
     * An instrument of the visit: rated (its total, when it has one) or still to rate.
     *
     * @param tabletPart the subject's answers given on the patient tablet to its subject-rated items, when staff still
     *                   rate its observer items (CADSS 1-19 given, 20-23 to rate); empty otherwise
     * @param effective  the rating in effect (the latest correction, when corrected), the one a correction replaces; null when not rated
     */
    public record Instrument(String id, boolean rated, String state, Map<String, Answer> tabletPart, Rating effective) {
        public Instrument {
            tabletPart = Map.copyOf(tabletPart);
        }

        public boolean awaitsObserverItems() {
            return !rated && !tabletPart.isEmpty();
        }
    }

    public static VisitSheet of(VisitReply.Visit reply) {
        SubjectTimeline t = reply.timeline();
        String id = reply.visit().id();
        SubjectTimeline.Line line = t.lines().stream().filter(l -> id.equals(l.visitSessionId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the timeline of " + t.subject() + " does not hold this visit"));
        boolean crossover = t.lines().stream().anyMatch(l -> l.period() > 1);
        boolean completed = reply.visit().completedAt().isPresent();
        Set<String> ids = new LinkedHashSet<>(reply.instruments());
        List<Rating> effective = reply.visit().effectiveRatings();
        effective.forEach(r -> ids.add(r.instrumentId()));
        List<Instrument> instruments = new ArrayList<>();
        for (String instrument : ids) {
            Rating inEffect = effective.stream().filter(r -> r.instrumentId().equals(instrument)).reduce((a, b) -> b).orElse(null);
            boolean rated = inEffect != null;
            Map<String, Answer> part = reply.visit().pendingParts().stream().filter(r -> r.instrumentId().equals(instrument)).findFirst()
                    .map(Rating::answers).orElse(Map.of());
            String state = !rated && !part.isEmpty() ? Text.get("visit.tabletPart", part.size())
                    : !rated ? Text.get("visit.toRate") : line.ratings().stream().filter(r -> r.instrumentId().equals(instrument))
                    .reduce((a, b) -> b).map(SubjectFacts.MeasuredRating::measures).map(m -> m.get(instrument))
                    .map(total -> Text.get("visit.ratedTotal", total)).orElse(Text.get("visit.rated"));
            if (inEffect != null && inEffect.isCorrection()) {
                // the original stays in the audit trail; the page shows the rating in effect and why it was corrected
                state = state + " " + Text.get("visit.correctedBecause", inEffect.correction().reason());
            }
            instruments.add(new Instrument(instrument, rated, state, part, inEffect));
        }
        List<Vitals> vitals = new ArrayList<>();
        for (StudyVisits.VitalsInEffect v : reply.visit().vitalsInEffect()) {
            TrailEvent.VisitVitals recorded = v.recorded();
            String values = String.join(", ", v.values().stream().map(x -> x.correctedBecause() != null
                    ? vital(x.reading()) + " " + Text.get("visit.amendedValue", x.correctedBecause())
                    : recorded.source() == null ? vital(x.reading())
                    : Text.get("visit.vitalAge", vital(x.reading()), Math.max(0, Duration.between(x.reading().measuredAt(), recorded.at()).toSeconds())))
                    .toList());
            Map<String, Double> inEffect = new LinkedHashMap<>();
            v.values().forEach(x -> inEffect.put(x.reading().stream(), x.reading().value()));
            vitals.add(new Vitals(Text.clock(recorded.at()) + "  " + (recorded.source() == null ? values
                    : Text.get("visit.fromMonitor", recorded.source(), values)),
                    v.values().stream().flatMap(x -> x.flagged().stream()).map(f -> AlarmWording.of("LIMIT:" + f.stream(), f.limit())).toList(),
                    v.entry().seq(), inEffect, recorded.at()));
        }
        List<String> notes = new ArrayList<>();
        List<String> amendments = new ArrayList<>();
        Map<String, Event> events = new LinkedHashMap<>();
        Map<String, Integer> recordings = new HashMap<>();
        TrailEvent.VisitVitals[] lastCorrection = new TrailEvent.VisitVitals[1];
        reply.visit().entries().forEach(e -> {
            if (e.event() instanceof TrailEvent.VisitVitals v && v.corrects() != null) {
                lastCorrection[0] = v;
            } else if (e.event() instanceof TrailEvent.RecordAmended a) {
                String what = switch (a.change()) {
                    case TrailEvent.NoteAdded n -> Text.get("visit.amendedNote", n.text());
                    case TrailEvent.RatingReplaced r -> Text.get("visit.amendedRating");
                    case TrailEvent.AdverseEventAdded x -> {
                        Event ae = events.get(x.adverseEventId());
                        if (ae == null) {
                            yield Text.get("visit.amendedAe", x.adverseEventId());
                        }
                        events.put(x.adverseEventId(), new Event(ae.event(), a.reason()));
                        // recorded before under the same id: the amendment changed it; else it added it
                        yield Text.get(recordings.getOrDefault(x.adverseEventId(), 0) > 1 ? "visit.amendedAeChanged" : "visit.amendedAeAdded",
                                ae.event().term());
                    }
                    case TrailEvent.VitalsReplaced x -> Text.get("visit.amendedVitals", lastCorrection[0] == null ? ""
                            : String.join(", ", lastCorrection[0].values().stream().map(VisitSheet::vital).toList()));
                };
                amendments.add(SiteDates.FORMAT.format(a.at().atZone(Text.zone())) + " " + Text.clock(a.at()) + "  " + what + " "
                        + Text.get("visit.amendedBecause", a.reason()));
                if (a.change() instanceof TrailEvent.NoteAdded n) {
                    notes.add(Text.clock(a.at()) + "  " + n.text() + " " + Text.get("visit.amendmentMark"));
                }
            } else if (e.event() instanceof TrailEvent.MarkerRecorded m && "NOTE".equals(m.kind())) {
                notes.add(Text.clock(m.at()) + "  " + m.note());
            } else if (e.event() instanceof TrailEvent.AdverseEventRecorded a) {
                // the version in effect, in the place the event was first recorded; an amendment's reason follows it
                events.put(a.event().id(), new Event(a.event(), null));
                recordings.merge(a.event().id(), 1, Integer::sum);
            }
        });
        String window = ClinicDay.window(line);
        String status = completed ? Text.get("visit.completedAt", Text.clock(reply.visit().completedAt().get()))
                : Text.get("clinic.status.IN_PROGRESS");
        String facts = line.planned() == null ? Text.get("visit.factsUnscheduled", line.unscheduledReason(), status)
                : Text.get("visit.facts", window, status);
        return new VisitSheet(t.subject(), ClinicDay.label(line, crossover), line.planned() == null ? VisitService.UNSCHEDULED : line.planned().id(),
                completed, facts, instruments, vitals, notes, List.copyOf(events.values()), VisitSignOff.all(reply.visit()).stream()
                .map(g -> new Signed(g, !VisitSignOff.current(reply.visit()).contains(g))).toList(), amendments);
    }

    private static String vital(TrailEvent.VitalReading r) {
        return Text.orElse("stream." + r.stream(), r.stream()) + " " + number(r.value()) + " " + Text.orElse("unit." + r.stream(), "");
    }

    /** A vital sign's value as the page writes it: whole numbers without decimals, else one decimal. */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
