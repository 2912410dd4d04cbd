package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.history.RatingEntry;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.visit.PlannedVisit;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.VisitSchedule;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/**
 * The longitudinal REDCap project the exported sessions need: its events (one per time point and crossover period,
 * in arm 1), which forms each event holds (instrument designations), and which forms repeat in which event (those
 * given more than once at one time point to one subject). The record import, the events, designations and
 * repeating-instrument files are all written from one of these, so they always agree.
 *
 * <p>Event names: REDCap makes an event's unique name from its label (lower case, characters other than letters,
 * digits, underscores and spaces removed, spaces made underscores, cut to 18 characters, then "_arm_1") and keeps a
 * leading digit. The label written here is already in that form and at most 18 characters, so the unique name is the
 * label + "_arm_1" whatever REDCap does with longer or clashing labels; two time points whose labels would clash get
 * "_2", "_3", ... in the label instead.
 */
final class RedcapProject {
    static final int ARM = 1;
    static final String ARM_SUFFIX = "_arm_" + ARM;
    static final int LABEL_LENGTH = 18;

    /** One event: its label (REDCap's event_name), the time point and period it stands for. */
    record Event(String label, String timePoint, int period) {
        String uniqueName() {
            return label + ARM_SUFFIX;
        }
    }

    /** One subject's ratings at one event: one instrument's effective ratings in finishing order. */
    record Cell(String subject, Event event, RedcapForm form, List<TrailRating> ratings) {
    }

    private final List<RedcapForm> forms;
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<Event, Set<RedcapForm>> designations = new LinkedHashMap<>();
    private final Set<List<Object>> repeating = new LinkedHashSet<>();
    private final List<Cell> cells = new ArrayList<>();
    private final Map<String, Integer> ages = new LinkedHashMap<>();

    private RedcapProject(List<RedcapForm> forms) {
        this.forms = forms;
    }

    /** The project of the given sessions, with every form in {@code forms} (the whole dictionary). */
    static RedcapProject of(List<SessionTrail> sessions, List<RedcapForm> forms, InstrumentCatalog instruments,
                            ProtocolCatalog protocols) {
        return of(sessions, forms, instruments, protocols, Optional.empty());
    }

    /**
     * As above, and when {@code visits} is given, the rating visits (docs/visits.md): an event per planned rating visit
     * and period (label = the visit id, "_p2" for period 2, as for time points), designating the visit's instruments,
     * one for the unscheduled visits of a period that had one, and each visit's effective ratings as cells.
     */
    static RedcapProject of(List<SessionTrail> sessions, List<RedcapForm> forms, InstrumentCatalog instruments,
                            ProtocolCatalog protocols, Optional<StudyVisits> visits) {
        RedcapProject p = sessionsOnly(sessions, forms, instruments, protocols);
        visits.ifPresent(v -> p.addVisits(v, protocols));
        return p;
    }

    private void addVisits(StudyVisits visits, ProtocolCatalog protocols) {
        Map<String, RedcapForm> byInstrument = forms.stream()
                .collect(Collectors.toMap(f -> f.instrument().id(), f -> f, (a, b) -> a, LinkedHashMap::new));
        for (SubjectFacts f : visits.subjects()) {
            Optional<VisitSchedule> schedule = protocols.latest(f.protocolId()).flatMap(Protocol::visits);
            if (schedule.isEmpty()) {
                continue;
            }
            for (int period = 1; period <= schedule.get().periods(); period++) {
                for (PlannedVisit v : schedule.get().visitsIn(period)) {
                    if (v.kind() == VisitKind.RATING) {
                        Event event = event(v.id(), period);
                        v.instruments().forEach(i -> designate(event, form(byInstrument, i)));
                    }
                }
            }
            for (SubjectFacts.VisitRecord record : f.visits()) {
                StudyVisits.VisitSession v = visits.visit(record.visitSessionId()).orElseThrow();
                Set<String> effective = v.effectiveRatings().stream().map(r -> r.id()).collect(Collectors.toSet());
                Map<String, List<TrailRating>> byForm = new LinkedHashMap<>();
                v.entries().forEach(r -> r.as(TrailEvent.RatingEntered.class).filter(e -> effective.contains(e.rating().id()))
                        .ifPresent(e -> byForm.computeIfAbsent(e.rating().instrumentId(), k -> new ArrayList<>())
                                .add(new TrailRating(new RatingEntry(r, e, false, null)))));
                Event event = event(record.unscheduled() ? "unscheduled" : record.plannedVisitId(), record.period());
                byForm.forEach((instrument, ratings) -> {
                    RedcapForm form = form(byInstrument, instrument);
                    designate(event, form);
                    if (ratings.size() > 1) {
                        repeating.add(List.of(event, form));
                    }
                    cells.add(new Cell(f.subject(), event, form, ratings));
                });
            }
        }
    }

    private static RedcapProject sessionsOnly(List<SessionTrail> sessions, List<RedcapForm> forms, InstrumentCatalog instruments,
                                              ProtocolCatalog protocols) {
        RedcapProject p = new RedcapProject(forms);
        // the age given at the subject's first session that has one (as SDTM DM AGE)
        sessions.forEach(s -> s.ageYears().ifPresent(age -> p.ages.putIfAbsent(s.subjectCode(), age)));
        Map<String, RedcapForm> byInstrument = forms.stream()
                .collect(Collectors.toMap(f -> f.instrument().id(), f -> f, (a, b) -> a, LinkedHashMap::new));
        for (SessionTrail s : sessions.stream().sorted(Comparator.comparingInt(SessionTrail::period)).toList()) {
            Protocol protocol = s.protocol(protocols);
            for (ScheduleEntry e : protocol.schedule()) {
                Event event = p.event(e.id(), s.period());
                for (String key : e.instruments()) {
                    String id = FormKey.resolve(instruments, key).orElseThrow(() -> new IllegalArgumentException("protocol "
                            + protocol.id() + " names the unknown instrument or form '" + key + "'")).instrumentId();
                    p.designate(event, form(byInstrument, id));
                }
            }
        }
        for (SessionTrail s : sessions) {
            List<String> order = s.protocol(protocols).schedule().stream().map(ScheduleEntry::id).toList();
            Map<String, Map<String, List<TrailRating>>> byTimePoint = TrailRating.effective(s.ratings()).stream()
                    .sorted(Comparator.comparingInt((TrailRating r) -> order.contains(r.timePoint()) ? order.indexOf(r.timePoint())
                            : order.size()))
                    .collect(Collectors.groupingBy(TrailRating::timePoint, LinkedHashMap::new,
                            Collectors.groupingBy(TrailRating::instrument, LinkedHashMap::new, Collectors.toList())));
            byTimePoint.forEach((timePoint, byForm) -> {
                Event event = p.event(timePoint, s.period());
                byForm.forEach((instrument, ratings) -> {
                    RedcapForm form = form(byInstrument, instrument);
                    p.designate(event, form);
                    if (ratings.size() > 1) {
                        p.repeating.add(List.of(event, form));
                    }
                    p.cells.add(new Cell(s.subjectCode(), event, form, ratings));
                });
            });
        }
        return p;
    }

    private static RedcapForm form(Map<String, RedcapForm> byInstrument, String instrument) {
        RedcapForm form = byInstrument.get(instrument);
        if (form == null) {
            throw new IllegalArgumentException("rating instrument " + instrument + " is not in the REDCap forms");
        }
        return form;
    }

    private Event event(String timePoint, int period) {
        String key = timePoint + "\n" + period;
        Event known = events.get(key);
        if (known != null) {
            return known;
        }
        Set<String> taken = events.values().stream().map(Event::label).collect(Collectors.toSet());
        String label = label(timePoint, period, 1);
        for (int n = 2; taken.contains(label); n++) {
            label = label(timePoint, period, n);
        }
        Event e = new Event(label, timePoint, period);
        events.put(key, e);
        designations.put(e, new LinkedHashSet<>());
        return e;
    }

    private void designate(Event event, RedcapForm form) {
        designations.get(event).add(form);
    }

    /**
     * An event label REDCap keeps as it is: the time point id in lower case, every run of other characters one
     * underscore (a leading digit stays), "_n" when {@code n > 1} (a clash), "_p2", "_p3", ... for later periods, at
     * most 18 characters (the id is cut to make room).
     */
    static String label(String timePoint, int period, int n) {
        String base = timePoint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty()) {
            base = "event";
        }
        String suffix = (n > 1 ? "_" + n : "") + (period > 1 ? "_p" + period : "");
        int room = LABEL_LENGTH - suffix.length();
        return (base.length() > room ? base.substring(0, room).replaceAll("_+$", "") : base) + suffix;
    }

    /** Every event, periods in order, time points in the order first met (schedule order). */
    List<Event> events() {
        return events.values().stream().sorted(Comparator.comparingInt(Event::period)).toList();
    }

    /** The event that holds the demographics form (non-repeating): the first of arm 1; empty without events. */
    Optional<Event> demographicsEvent() {
        return events().stream().findFirst();
    }

    /** Each subject's age in years, where it was given, in the order the sessions came. */
    Map<String, Integer> ages() {
        return Map.copyOf(ages);
    }

    /** The subjects with an age, in the order the sessions came. */
    List<String> agedSubjects() {
        return List.copyOf(ages.keySet());
    }

    /** The instrument forms each event holds, in dictionary order (the demographics form is in {@link #demographicsEvent}). */
    Map<Event, List<RedcapForm>> designations() {
        Map<RedcapForm, Integer> rank = new HashMap<>();
        forms.forEach(f -> rank.put(f, rank.size()));
        Map<Event, List<RedcapForm>> out = new LinkedHashMap<>();
        designations.forEach((e, fs) -> out.put(e, fs.stream().sorted(Comparator.comparingInt(rank::get)).toList()));
        return out;
    }

    /** True when {@code form} repeats in {@code event} (some subject had it given more than once there). */
    boolean repeats(Event event, RedcapForm form) {
        return repeating.contains(List.of(event, form));
    }

    /** Each subject's ratings per event and form, in session and schedule order. */
    List<Cell> cells() {
        return List.copyOf(cells);
    }

    List<RedcapForm> forms() {
        return forms;
    }
}
