package org.openinfusion.dashboard.visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openinfusion.dashboard.SiteDates;
import org.openinfusion.dashboard.AlarmWording;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.VisitReply;
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
                         List<Vitals> vitals, List<String> notes, List<AdverseEvent> adverseEvents, List<Signed> signatures, List<String> amendments) {
    public VisitSheet {
        signatures = List.copyOf(signatures);
        amendments = List.copyOf(amendments);
        instruments = List.copyOf(instruments);
        vitals = List.copyOf(vitals);
        notes = List.copyOf(notes);
        adverseEvents = List.copyOf(adverseEvents);
    }

    /**
     * Vital signs recorded at the visit: the line as shown (time, source, values; a monitor's values with their age) and
     * the alarm limits its values are outside of, worded as the bedside alarms ("HR 130 > 120"); empty when none.
     */
    public record Vitals(String text, List<String> outOfLimits) {
        public Vitals {
            outOfLimits = List.copyOf(outOfLimits);
        }
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
        List<String> notes = new ArrayList<>();
        List<String> amendments = new ArrayList<>();
        List<AdverseEvent> events = new ArrayList<>();
        reply.visit().entries().forEach(e -> {
            if (e.event() instanceof TrailEvent.VisitVitals v) {
                String values = String.join(", ", v.values().stream().map(r -> v.source() == null ? vital(r)
                        : Text.get("visit.vitalAge", vital(r), Math.max(0, Duration.between(r.measuredAt(), v.at()).toSeconds()))).toList());
                vitals.add(new Vitals(Text.clock(v.at()) + "  " + (v.source() == null ? values : Text.get("visit.fromMonitor", v.source(), values)),
                        v.flagged().stream().map(f -> AlarmWording.of("LIMIT:" + f.stream(), f.limit())).toList()));
            } else if (e.event() instanceof TrailEvent.RecordAmended a) {
                String what = switch (a.change()) {
                    case TrailEvent.NoteAdded n -> Text.get("visit.amendedNote", n.text());
                    case TrailEvent.RatingReplaced r -> Text.get("visit.amendedRating");
                    case TrailEvent.AdverseEventAdded x -> Text.get("visit.amendedAe", x.adverseEventId());
                };
                amendments.add(SiteDates.FORMAT.format(a.at().atZone(Text.zone())) + " " + Text.clock(a.at()) + "  " + what + " "
                        + Text.get("visit.amendedBecause", a.reason()));
                if (a.change() instanceof TrailEvent.NoteAdded n) {
                    notes.add(Text.clock(a.at()) + "  " + n.text() + " " + Text.get("visit.amendmentMark"));
                }
            } else if (e.event() instanceof TrailEvent.MarkerRecorded m && "NOTE".equals(m.kind())) {
                notes.add(Text.clock(m.at()) + "  " + m.note());
            } else if (e.event() instanceof TrailEvent.AdverseEventRecorded a) {
                events.removeIf(x -> x.id().equals(a.event().id()));
                events.add(a.event());
            }
        });
        String window = ClinicDay.window(line);
        String status = completed ? Text.get("visit.completedAt", Text.clock(reply.visit().completedAt().get()))
                : Text.get("clinic.status.IN_PROGRESS");
        String facts = line.planned() == null ? Text.get("visit.factsUnscheduled", line.unscheduledReason(), status)
                : Text.get("visit.facts", window, status);
        return new VisitSheet(t.subject(), ClinicDay.label(line, crossover), line.planned() == null ? VisitService.UNSCHEDULED : line.planned().id(),
                completed, facts, instruments, vitals, notes, events, VisitSignOff.all(reply.visit()).stream()
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
