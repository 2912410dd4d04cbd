package org.openinfusion.station.clinical.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.RatingEntry;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader.BucketExtremes;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.protocol.Pretreatment;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.schedule.RatingSchedule;
import org.openinfusion.station.domain.Stream;

/**
 * Builds the review record of one session from its history and the values read back from the
 * time-series store. Pure: the caller reads the entries and the values ({@link #window} says which).
 * Holds no arm and no concentration: the plan is volume and rate only.
 */
public final class SessionRecords {
    /** The trends a record shows, in this order. */
    public static final List<Stream> TREND_STREAMS = List.of(Stream.HR, Stream.SPO2, Stream.ETCO2, Stream.RESP_RATE,
            Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN, Stream.PUMP_RATE, Stream.PUMP_VOLUME_INFUSED);

    /** The trends drawn as lines: read as each bucket's extremes when denser than the timeline draws. */
    public static final List<Stream> LINE_STREAMS = List.of(Stream.HR, Stream.SPO2, Stream.ETCO2, Stream.RESP_RATE, Stream.PUMP_RATE,
            Stream.PUMP_VOLUME_INFUSED);
    /** The vital signs among {@link #LINE_STREAMS} (the summary's minutes monitored count from the first to the last). */
    public static final Set<Stream> LINE_VITALS = Set.of(Stream.HR, Stream.SPO2, Stream.ETCO2, Stream.RESP_RATE);
    /** The cuff's readings: always at full resolution (one every few minutes; the summary pairs them). */
    public static final List<Stream> NIBP_STREAMS = List.of(Stream.NIBP_SYS, Stream.NIBP_DIA, Stream.NIBP_MEAN);
    /** Buckets of an overview: as many as the review timeline draws (its OVERVIEW_BUCKETS). */
    public static final int OVERVIEW_BUCKETS = 1200;
    /** The shortest pause an overview marks as one (NaN): as the timeline's shortest gap. */
    public static final Duration OVERVIEW_GAP = Duration.ofSeconds(15);

    private final ProtocolCatalog protocols;
    private final InstrumentCatalog instruments;

    public SessionRecords(ProtocolCatalog protocols, InstrumentCatalog instruments) {
        this.protocols = protocols;
        this.instruments = instruments;
    }

    /** The time span trends are read for: from creation to close (to {@code now} while open), ends included. */
    public record Window(Instant from, Instant to) {
    }

    public static Window window(SessionEntries s, Instant now) {
        Instant end = s.closed() ? s.closedAt() : now;
        return new Window(s.createdAt(), end.plusMillis(1));
    }

    /**
     * @param values the stored values of {@link #TREND_STREAMS} in the session's window (any order)
     * @param storeProblem why the values could not be read, or null when the store answered
     */
    public SessionRecord build(SessionEntries s, List<StoredValue> values, String storeProblem) {
        Map<Stream, List<StoredValue>> byStream = byStream(storeProblem == null ? values : List.of());
        return build(s, byStream, storeProblem != null ? List.of() : trends(values), storeProblem);
    }

    /**
     * The record of a long session: the streams of {@code extremes} as each bucket's extremes ({@link #overview}), the
     * others from {@code values} at full resolution. {@code values} also holds the dense vital signs' values of their
     * first and last bucket: with the cuff readings, all the summary reads, so it is the same as from every value.
     */
    public SessionRecord build(SessionEntries s, List<StoredValue> values, List<BucketExtremes> extremes, Duration bucket,
                               String storeProblem) {
        if (storeProblem != null) {
            return build(s, List.of(), storeProblem);
        }
        return build(s, byStream(values), trends(values, extremes, bucket), null);
    }

    /** Every stream of {@link #TREND_STREAMS} at full resolution, in time order. */
    public static List<SessionRecord.Trend> trends(List<StoredValue> values) {
        Map<Stream, List<StoredValue>> byStream = byStream(values);
        return TREND_STREAMS.stream().map(st -> trend(st, byStream)).toList();
    }

    /** Every stream of {@link #TREND_STREAMS}: those of {@code extremes} as an overview, the others from {@code values}. */
    public static List<SessionRecord.Trend> trends(List<StoredValue> values, List<BucketExtremes> extremes, Duration bucket) {
        if (bucket == null) {
            return trends(values);
        }
        Map<Stream, List<StoredValue>> byStream = byStream(values);
        Map<Stream, SessionRecord.Trend> lines = new HashMap<>();
        overview(extremes, bucket).forEach(t -> lines.put(t.stream(), t));
        return TREND_STREAMS.stream().map(st -> lines.containsKey(st) ? lines.get(st) : trend(st, byStream)).toList();
    }

    /**
     * The streams of {@code extremes} as drawn in an overview, in {@link #TREND_STREAMS} order: per bucket (the devices of
     * a stream merged) its lowest and its highest value, both at the bucket's start, so no spike is thinned away; where
     * the data pause for at least {@link #OVERVIEW_GAP} (an empty stretch between two buckets), a NaN value at the end
     * of the bucket before, which the timeline draws as a gap.
     */
    public static List<SessionRecord.Trend> overview(List<BucketExtremes> extremes, Duration bucket) {
        Map<Stream, TreeMap<Instant, double[]>> byStream = new HashMap<>();
        for (BucketExtremes b : extremes) {
            byStream.computeIfAbsent(b.stream(), k -> new TreeMap<>()).merge(b.start(), new double[] {b.min(), b.max()},
                    (x, y) -> new double[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
        }
        List<SessionRecord.Trend> out = new ArrayList<>();
        for (Stream st : TREND_STREAMS) {
            var buckets = byStream.get(st);
            if (buckets == null) {
                continue;
            }
            long[] times = new long[buckets.size() * 3];
            double[] values = new double[buckets.size() * 3];
            int n = 0;
            Instant previousEnd = null;
            for (var e : buckets.entrySet()) {
                if (previousEnd != null && Duration.between(previousEnd, e.getKey()).compareTo(OVERVIEW_GAP) >= 0) {
                    times[n] = previousEnd.toEpochMilli();
                    values[n++] = Double.NaN;
                }
                for (double v : e.getValue()) {
                    times[n] = e.getKey().toEpochMilli();
                    values[n++] = v;
                }
                previousEnd = e.getKey().plus(bucket);
            }
            out.add(new SessionRecord.Trend(st, Arrays.copyOf(times, n), Arrays.copyOf(values, n)));
        }
        return out;
    }

    private static Map<Stream, List<StoredValue>> byStream(List<StoredValue> values) {
        Map<Stream, List<StoredValue>> byStream = new HashMap<>();
        values.stream().sorted(Comparator.comparing(StoredValue::time))
                .forEach(v -> byStream.computeIfAbsent(v.stream(), k -> new ArrayList<>()).add(v));
        return byStream;
    }

    private SessionRecord build(SessionEntries s, Map<Stream, List<StoredValue>> byStream, List<SessionRecord.Trend> trends,
                                String storeProblem) {
        List<SessionRecord.RatingRecord> ratings = ratings(s);
        SessionListing listing = titled(s.listing());
        return new SessionRecord(listing, s.weightKg(), s.kitId(), plan(s), s.infusionStart(), s.closedAt(),
                Summaries.of(s, ratings, byStream, instruments, preDose(s)), trends, new Timeline(instruments, listing.protocolTitle()).of(s.history()), ratings,
                s.signatures(), amendments(s), storeProblem, s.last().seq(),
                protocols.get(s.protocolId(), s.protocolVersion()).map(Protocol::adverseEventTerms).orElse(List.of()));
    }

    /** The protocol's pre-dose (baseline) time points, as its rating schedule decides them ({@link RatingSchedule#preDose}). */
    private Set<String> preDose(SessionEntries s) {
        return protocols.get(s.protocolId(), s.protocolVersion()).map(p -> {
            RatingSchedule schedule = new RatingSchedule(p.schedule(), p.pretreatment().map(Pretreatment::beforeInfusion).orElse(Duration.ZERO));
            return p.schedule().stream().filter(schedule::preDose).map(ScheduleEntry::id).collect(Collectors.toUnmodifiableSet());
        }).orElse(Set.of());
    }

    /** A list row with its protocol file's title (the row as it was when this station has no file for that version). */
    public SessionListing titled(SessionListing l) {
        return l.withProtocolTitle(protocols.get(l.protocolId(), l.protocolVersion()).map(Protocol::title).orElse(null));
    }

    private SessionRecord.Plan plan(SessionEntries s) {
        Protocol p = protocols.get(s.protocolId(), s.protocolVersion()).orElse(null);
        if (p == null) {
            return null;
        }
        try {
            DosePlan d = DoseCalculator.plan(p.infusion(), SubjectMeasures.weight(s.weightKg()));
            return new SessionRecord.Plan(d.volumeMl(), d.rateMlPerHour(), d.duration().toSeconds() / 60.0);
        } catch (IllegalArgumentException e) {
            return null; // e.g. ideal body weight needs a height the audit trail does not hold
        }
    }

    private static SessionRecord.Trend trend(Stream stream, Map<Stream, List<StoredValue>> byStream) {
        List<StoredValue> v = byStream.getOrDefault(stream, List.of());
        long[] times = new long[v.size()];
        double[] values = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            times[i] = v.get(i).time().toEpochMilli();
            values[i] = v.get(i).value();
        }
        return new SessionRecord.Trend(stream, times, values);
    }

    // ---- ratings

    private List<SessionRecord.RatingRecord> ratings(SessionEntries s) {
        return s.history().ratings().stream().map(this::rating).toList();
    }

    private SessionRecord.RatingRecord rating(RatingEntry e) {
        Rating r = e.rating();
        Correction c = r.correction();
        return new SessionRecord.RatingRecord(r.id(), r.timePointId(), r.instrumentId(), r.shortFormId() == null ? r.instrumentId()
                : r.shortFormId(), r.finishedAt(), e.score().total(), e.score().summary(), e.entry().actor(), r.raterRole(),
                e.supersededBy(), c == null ? null : c.originalRatingId(), c == null ? null : c.reason(), e.entered().amendment(),
                items(r.instrumentId(), r.shortFormId(), r.answers()));
    }

    /** One row per item of the form, in instrument order; answers to items the catalog does not know follow. */
    private List<SessionRecord.ItemRow> items(String instrumentId, String shortForm, Map<String, Answer> answers) {
        List<String> ids = new ArrayList<>();
        try {
            Instrument instrument = instruments.get(instrumentId);
            instrument.itemsOf(shortForm).stream().map(Item::id).forEach(ids::add);
        } catch (NoSuchElementException e) {
            // an instrument this station no longer knows: show the answers as written
        }
        answers.keySet().stream().filter(k -> !ids.contains(k)).sorted().forEach(ids::add);
        return ids.stream().map(id -> row(instrumentId, id, answers.get(id))).toList();
    }

    private SessionRecord.ItemRow row(String instrumentId, String itemId, Answer answer) {
        String label;
        try {
            label = instruments.itemText(instrumentId, itemId);
        } catch (NoSuchElementException e) {
            label = itemId;
        }
        return switch (answer) {
            case null -> new SessionRecord.ItemRow(itemId, label, null, "no answer recorded");
            case Answer.Scored s -> new SessionRecord.ItemRow(itemId, label, s.value(), null);
            case Answer.NotAssessed n -> new SessionRecord.ItemRow(itemId, label, null, n.reason());
        };
    }

    // ---- amendments

    private static List<SessionRecord.Amendment> amendments(SessionEntries s) {
        return s.history().all(TrailEvent.RecordAmended.class).stream().map(f -> new SessionRecord.Amendment(f.entry().actor(),
                f.at(), f.event().reason(), Timeline.kind(f.event().change()), Timeline.detail(f.event().change()), f.entry().seq()))
                .toList();
    }
}
