package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.RatingEntry;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
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
        List<SessionRecord.RatingRecord> ratings = ratings(s);
        Map<Stream, List<StoredValue>> byStream = new HashMap<>();
        if (storeProblem == null) {
            values.stream().sorted(Comparator.comparing(StoredValue::time))
                    .forEach(v -> byStream.computeIfAbsent(v.stream(), k -> new ArrayList<>()).add(v));
        }
        List<SessionRecord.Trend> trends = storeProblem != null ? List.of() : TREND_STREAMS.stream().map(st -> trend(st, byStream)).toList();
        return new SessionRecord(titled(s.listing()), s.weightKg(), s.kitId(), plan(s), s.infusionStart(), s.closedAt(),
                Summaries.of(s, ratings, byStream, instruments), trends, new Timeline(instruments).of(s.history()), ratings,
                s.signatures(), amendments(s), storeProblem, s.last().seq());
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
