package org.openinfusion.station.clinical.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openinfusion.station.clinical.rating.EffectiveRating;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.visit.SubjectFacts;

/**
 * The study visits of a whole audit trail, read back: per enrolled subject and protocol, the consent day, the dosed
 * infusion sessions (period n = the subject's n-th dosed session in the protocol, as the exports count it), the rating
 * visits with their effective ratings, and the visits marked missed. The one read model of visits: the visit service,
 * the clinic list, the timeline and the exports are built from it, so a restarted station has it all back. Pure.
 */
public final class StudyVisits {
    private final List<SubjectFacts> subjects;
    private final Map<String, VisitSession> visits;

    /** A rating visit as its entries tell it. */
    public record VisitSession(String id, TrailEvent.VisitStarted started, Optional<Instant> completedAt, List<Recorded> entries) {
        public VisitSession {
            entries = List.copyOf(entries);
        }

        /** Its ratings and corrections, in trail order. */
        public List<Rating> ratings() {
            return entries.stream().flatMap(r -> r.as(TrailEvent.RatingEntered.class).stream()).map(TrailEvent.RatingEntered::rating).toList();
        }

        /**
         * The subject's answers given on the tablet to the subject-rated items of a form with observer items (CADSS
         * 1-19) that no rating of the same form completes yet: staff still rate its observer items.
         */
        public List<Rating> pendingParts() {
            List<Rating> rated = ratings();
            return entries.stream().flatMap(r -> r.as(TrailEvent.RatingPartAnswered.class).stream()).map(TrailEvent.RatingPartAnswered::part)
                    .filter(p -> rated.stream().noneMatch(x -> x.instrumentId().equals(p.instrumentId())
                            && Objects.equals(x.shortFormId(), p.shortFormId())))
                    .toList();
        }

        /**
         * Where the visit's sign-off stands (docs/visits.md): signatures count only while no entry that changes the record
         * followed them ({@link SessionHistory#changesTheRecord}: a tablet's idle lock does not), as an infusion
         * session's ({@code VisitSignOff.current}); signed but changed since (an amendment) reads
         * {@link SignatureStatus#SIGNED_BEFORE_AMENDMENT}: it needs a new signature.
         */
        public SignatureStatus signatureStatus() {
            List<TrailEvent.RecordSigned> all = new ArrayList<>();
            List<TrailEvent.RecordSigned> current = new ArrayList<>();
            for (Recorded r : entries) {
                if (r.event() instanceof TrailEvent.RecordSigned s) {
                    all.add(s);
                    current.add(s);
                } else if (SessionHistory.changesTheRecord(r.event())) {
                    current.clear();
                }
            }
            if (all.isEmpty()) {
                return SignatureStatus.NOT_SIGNED;
            }
            if (current.isEmpty()) {
                return SignatureStatus.SIGNED_BEFORE_AMENDMENT;
            }
            return current.stream().anyMatch(s -> s.meaning().equalsIgnoreCase("approved")) ? SignatureStatus.APPROVED : SignatureStatus.REVIEWED;
        }

        /** The amendments made after the visit was completed, in trail order. */
        public List<TrailEvent.RecordAmended> amendments() {
            return entries.stream().flatMap(r -> r.as(TrailEvent.RecordAmended.class).stream()).toList();
        }

        /**
         * The vital signs recorded at the visit as in effect (docs/visits.md): each {@code visit.vitals_recorded} entry
         * recorded at the visit, in trail order, with each of its values replaced by the latest correction of it (a
         * physician's amendment, {@link TrailEvent.VitalsReplaced}); the originals stay in {@link #entries()}. A correction
         * takes effect only with the amendment that gives its reason, written after it: one whose amendment never
         * followed (the trail's second write failed) changes nothing.
         */
        public List<VitalsInEffect> vitalsInEffect() {
            Map<Long, Recorded> originals = new LinkedHashMap<>();
            Map<Long, Map<String, VitalInEffect>> current = new HashMap<>();
            Map<Long, Recorded> awaitingReason = new HashMap<>();
            for (Recorded r : entries) {
                if (r.event() instanceof TrailEvent.VisitVitals v) {
                    if (v.corrects() == null) {
                        originals.put(r.seq(), r);
                        current.put(r.seq(), new LinkedHashMap<>());
                        put(current.get(r.seq()), r, v, null);
                    } else if (current.containsKey(v.corrects())) {
                        awaitingReason.put(v.corrects(), r);
                    }
                } else if (r.event() instanceof TrailEvent.RecordAmended a && a.change() instanceof TrailEvent.VitalsReplaced x
                        && awaitingReason.containsKey(x.originalSeq())) {
                    Recorded correction = awaitingReason.remove(x.originalSeq());
                    put(current.get(x.originalSeq()), correction, (TrailEvent.VisitVitals) correction.event(), a.reason());
                }
            }
            return originals.values().stream().map(r -> new VitalsInEffect(r, List.copyOf(current.get(r.seq()).values()))).toList();
        }

        private static void put(Map<String, VitalInEffect> values, Recorded r, TrailEvent.VisitVitals v, String because) {
            for (TrailEvent.VitalReading x : v.values()) {
                values.put(x.stream(), new VitalInEffect(x, r.seq(), v.source(),
                        v.flagged().stream().filter(f -> f.stream().equals(x.stream())).toList(), because));
            }
        }

        /** The ratings no correction replaces. */
        public List<Rating> effectiveRatings() {
            List<Rating> all = ratings();
            Map<String, String> supersededBy = EffectiveRating.supersededBy(all);
            return all.stream().filter(r -> !supersededBy.containsKey(r.id())).toList();
        }
    }

    /** A {@code visit.vitals_recorded} entry recorded at a visit, and its values in effect, in its order. */
    public record VitalsInEffect(Recorded entry, List<VitalInEffect> values) {
        public VitalsInEffect {
            values = List.copyOf(values);
        }

        public TrailEvent.VisitVitals recorded() {
            return (TrailEvent.VisitVitals) entry.event();
        }
    }

    /**
     * One vital sign in effect: the reading, the entry holding it ({@code seq}: the original's, or its correction's),
     * its source (null: entered by hand), the alarm limits it is outside of, and the amendment's reason when corrected.
     */
    public record VitalInEffect(TrailEvent.VitalReading reading, long seq, String source, List<TrailEvent.VitalFlag> flagged, String correctedBecause) {
        public VitalInEffect {
            flagged = List.copyOf(flagged);
        }
    }

    /** A rating visit's sign-off: none, reviewed, approved (by signatures after its last change), or signed before a later amendment. */
    public enum SignatureStatus { NOT_SIGNED, REVIEWED, APPROVED, SIGNED_BEFORE_AMENDMENT }

    private record Key(String subject, String protocolId) {
    }

    /** An infusion session at a bed whose subject is not enrolled in the session's protocol's visit schedule. */
    public record Unenrolled(String subject, String protocolId, String sessionId, Instant at) {
    }

    private final List<Unenrolled> unenrolled = new ArrayList<>();

    /** @param measures the complete measures of a rating (its total and subscales; the caller scores it with its instrument) */
    public StudyVisits(AuditHistory history, Function<Rating, Map<String, Integer>> measures) {
        Map<Key, LocalDate> consent = new LinkedHashMap<>();
        Map<Key, List<SubjectFacts.Missed>> missed = new LinkedHashMap<>();
        for (Recorded r : history.stationWide()) {
            switch (r.event()) {
                case TrailEvent.SubjectEnrolled e -> consent.putIfAbsent(new Key(e.subject(), e.protocolId()), e.consentDay());
                case TrailEvent.VisitMissed m -> missed.computeIfAbsent(new Key(m.subject(), m.protocolId()), k -> new ArrayList<>())
                        .add(new SubjectFacts.Missed(m.visitId(), m.period(), m.at(), m.reason()));
                default -> {
                }
            }
        }
        Map<Key, List<SubjectFacts.Infusion>> infusions = new LinkedHashMap<>();
        Map<Key, List<SubjectFacts.MeasuredRating>> ratings = new LinkedHashMap<>();
        for (SessionHistory s : history.sessions()) {
            Key key = new Key(s.created().subjectCode(), s.created().protocolId());
            if (!consent.containsKey(key)) {
                unenrolled.add(new Unenrolled(key.subject(), key.protocolId(), s.id().value(), s.infusionStart().orElse(s.createdAt())));
            }
            if (s.dosed()) {
                List<SubjectFacts.Infusion> list = infusions.computeIfAbsent(key, k -> new ArrayList<>());
                list.add(new SubjectFacts.Infusion(list.size() + 1, s.id().value(), s.infusionStart().orElse(s.createdAt())));
            }
            s.ratings().stream().filter(e -> e.supersededBy() == null).forEach(e -> ratings.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(measured(s.id().value(), e.rating(), measures)));
        }
        Map<String, List<Recorded>> bySession = new LinkedHashMap<>();
        history.entries().stream().filter(r -> r.session() != null).forEach(r -> bySession.computeIfAbsent(r.session().value(),
                k -> new ArrayList<>()).add(r));
        this.visits = new LinkedHashMap<>();
        Map<Key, List<SubjectFacts.VisitRecord>> records = new LinkedHashMap<>();
        bySession.forEach((id, entries) -> entries.getFirst().as(TrailEvent.VisitStarted.class).ifPresent(started -> {
            Optional<Instant> completed = entries.stream().flatMap(r -> r.as(TrailEvent.VisitCompleted.class).stream())
                    .map(TrailEvent.VisitCompleted::at).findFirst();
            VisitSession v = new VisitSession(id, started, completed, entries);
            visits.put(id, v);
            Key key = new Key(started.subject(), started.protocolId());
            records.computeIfAbsent(key, k -> new ArrayList<>()).add(new SubjectFacts.VisitRecord(id, started.visitId(), started.period(),
                    started.at(), completed.orElse(null), started.unscheduledReason()));
            v.effectiveRatings().forEach(r -> ratings.computeIfAbsent(key, k -> new ArrayList<>()).add(measured(id, r, measures)));
        }));
        List<SubjectFacts> out = new ArrayList<>();
        consent.forEach((key, day) -> out.add(new SubjectFacts(key.subject(), key.protocolId(), day, infusions.getOrDefault(key, List.of()),
                records.getOrDefault(key, List.of()), missed.getOrDefault(key, List.of()), ratings.getOrDefault(key, List.of()))));
        this.subjects = List.copyOf(out);
    }

    private static SubjectFacts.MeasuredRating measured(String sessionId, Rating r, Function<Rating, Map<String, Integer>> measures) {
        return new SubjectFacts.MeasuredRating(r.id(), sessionId, r.timePointId(), r.instrumentId(), r.finishedAt(), measures.apply(r));
    }

    /** Every enrolled subject's facts, in order of enrolment. */
    public List<SubjectFacts> subjects() {
        return subjects;
    }

    public Optional<SubjectFacts> subject(String subject, String protocolId) {
        return subjects.stream().filter(s -> s.subject().equals(subject) && s.protocolId().equals(protocolId)).findFirst();
    }

    /** The infusion sessions whose subject is not enrolled in the session's protocol (created at a bed only), in trail order. */
    public List<Unenrolled> unenrolled() {
        return List.copyOf(unenrolled);
    }

    /** A rating visit by its id. */
    public Optional<VisitSession> visit(String id) {
        return Optional.ofNullable(visits.get(id));
    }

    public List<VisitSession> visits() {
        return List.copyOf(visits.values());
    }
}
