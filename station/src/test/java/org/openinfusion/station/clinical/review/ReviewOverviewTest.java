package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.ReviewScenario;

/**
 * A long session's record (ReviewScenario's 185 minutes, here with the heart rate stored every second): the dense heart
 * rate comes as an overview that keeps each bucket's lowest and highest value (a one-second spike survives) and marks a
 * pause; every sparse stream, the cuff readings and the summary are exactly what every value gives; a zoom reads every
 * value of its window.
 */
class ReviewOverviewTest {
    private static final Instant SPIKE = ReviewScenario.at(62).plusSeconds(17);
    /** No value from 10:00:31 to 10:01:30 (the scenario's own one at 10:01:30 ends the pause). */
    private static final Instant PAUSE_FROM = ReviewScenario.at(120).plusSeconds(31);
    private static final Instant PAUSE_TO = ReviewScenario.at(121).plusSeconds(30);

    @TempDir
    static Path dir;
    static ReviewScenario scenario;
    static String id;
    static SessionRecord overview;
    static SessionRecord full;

    @BeforeAll
    static void aLongSessionWithTheHeartRateEverySecond() throws IOException {
        scenario = new ReviewScenario(dir);
        id = scenario.runMainSession();
        // the scenario's HR every minute at :30, and now one every second, but none for about a minute from m120:31
        for (Instant t = ReviewScenario.at(0); t.isBefore(ReviewScenario.at(185)); t = t.plusSeconds(1)) {
            if (t.getEpochSecond() % 60 != 30 && (t.isBefore(PAUSE_FROM) || !t.isBefore(PAUSE_TO))) {
                scenario.series.add(new StoredValue(t, ReviewScenario.MONITOR.deviceId(), Stream.HR, t.equals(SPIKE) ? 190 : 70 + t.getEpochSecond() % 7));
            }
        }
        overview = scenario.review().open(id);
        // the same store, but it tells review that no stream is dense: every value is read, as before overviews
        TimeSeriesReader everyValue = new TimeSeriesReader() {
            @Override
            public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
                return scenario.series.numerics(bed, streams, from, to);
            }

            @Override
            public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
                return scenario.series.waveform(bed, stream, from, to);
            }

            @Override
            public Map<Stream, Long> numericCounts(String bed, Set<Stream> streams, Instant from, Instant to) {
                return Map.of();
            }
        };
        full = new ReviewService(new AuditTail(scenario.file), scenario.audit, everyValue, ProtocolCatalog.builtIn(),
                InstrumentCatalog.builtIn(), scenario.authenticator, scenario.clock).open(id);
    }

    @AfterAll
    static void close() throws IOException {
        scenario.close();
    }

    private static SessionRecord.Trend trend(SessionRecord r, Stream s) {
        return r.trends().stream().filter(t -> t.stream() == s).findFirst().orElseThrow();
    }

    @Test
    void theDenseHeartRateKeepsEveryBucketsLowestAndHighestValue() {
        assertNull(overview.storeProblem());
        SessionRecord.Trend hr = trend(overview, Stream.HR);
        SessionRecord.Trend every = trend(full, Stream.HR);
        assertTrue(every.times().length > 11_000, "the store holds a value a second: " + every.times().length);
        // 185 minutes and a millisecond in at most 1,200 buckets: 10 s each, aligned to the epoch
        long bucket = ReviewService.bucket(ReviewScenario.at(0), ReviewScenario.at(185).plusMillis(1), SessionRecords.OVERVIEW_BUCKETS).toMillis();
        assertEquals(10_000, bucket);
        Map<Long, double[]> expected = new TreeMap<>();
        for (int i = 0; i < every.times().length; i++) {
            double v = every.values()[i];
            expected.merge(Math.floorDiv(every.times()[i], bucket) * bucket, new double[] {v, v},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<Long, double[]> drawn = new TreeMap<>();
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < hr.times().length; i++) {
            if (Double.isNaN(hr.values()[i])) {
                pauses.add(hr.times()[i]);
                continue;
            }
            assertEquals(hr.times()[i], hr.times()[i + 1], "a bucket's lowest and highest value, both at its start");
            drawn.put(hr.times()[i], new double[] {hr.values()[i], hr.values()[i + 1]});
            i++;
        }
        assertEquals(expected.keySet(), drawn.keySet(), "every bucket that holds values, no other");
        expected.forEach((start, minMax) -> assertArrayEquals(minMax, drawn.get(start), "bucket at " + Instant.ofEpochMilli(start)));
        assertEquals(190.0, drawn.get(Math.floorDiv(SPIKE.toEpochMilli(), bucket) * bucket)[1], "the one-second spike");
        assertTrue(hr.times().length <= 2 * SessionRecords.OVERVIEW_BUCKETS + pauses.size(), "at most two values per bucket");
        assertEquals(List.of(ReviewScenario.at(120).plusSeconds(40).toEpochMilli()), pauses,
                "the minute without values, marked at the end of the last bucket before it");
    }

    @Test
    void sparseStreamsTheCuffAndTheSummaryAreExactlyWhatEveryValueGives() {
        for (Stream s : SessionRecords.TREND_STREAMS) {
            if (s != Stream.HR) {
                assertArrayEquals(trend(full, s).times(), trend(overview, s).times(), s.key());
                assertArrayEquals(trend(full, s).values(), trend(overview, s).values(), s.key());
            }
        }
        assertEquals(full.summary(), overview.summary());
        assertTrue(overview.summary().minutesMonitored() > 180, "from the first to the last vital sign");
        assertEquals(full.events(), overview.events());
        assertEquals(full.ratings(), overview.ratings());
    }

    @Test
    void aZoomedWindowHoldsEveryValueOfIt() {
        Instant from = ReviewScenario.at(60);
        Instant to = ReviewScenario.at(70);
        TrendWindow w = scenario.review().trends(new ReviewRequest.Trends(id, from, to));
        assertNull(w.problem());
        assertTrue(w.fullResolution());
        List<StoredValue> stored = scenario.series.numerics(ReviewScenario.BED, Set.of(Stream.HR), from, to);
        SessionRecord.Trend hr = w.trends().stream().filter(t -> t.stream() == Stream.HR).findFirst().orElseThrow();
        assertEquals(600, stored.size());
        assertArrayEquals(stored.stream().mapToLong(v -> v.time().toEpochMilli()).toArray(), hr.times());
        assertArrayEquals(stored.stream().mapToDouble(StoredValue::value).toArray(), hr.values());
        assertTrue(SessionRecords.TREND_STREAMS.equals(w.trends().stream().map(SessionRecord.Trend::stream).toList()));

        // the whole session again is a window too dense for every value: buckets, as in the record
        TrendWindow whole = scenario.review().trends(new ReviewRequest.Trends(id, ReviewScenario.at(-60), ReviewScenario.at(300)));
        assertFalse(whole.fullResolution());
        assertEquals(ReviewScenario.at(0), whole.from(), "within the session");
    }
}
