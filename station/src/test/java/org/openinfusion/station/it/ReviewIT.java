package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SignatureMeaning;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.station.storage.StoreRequest;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;

/**
 * Review on a real station and a real influxd: values stored through the station's durable storage path come back in
 * the session's record (exactly those inside the session) and as the ECG around a marker.
 */
class ReviewIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final String BED = "rev-01";
    private static final DeviceRef MONITOR = new DeviceRef(BED, "monitor");
    private static final double ECG_HZ = 250;

    @Test
    void theRecordShowsTheStoredTrendsAndTheWaveformAroundAMarker() throws Exception {
        Path data = SERVERS.newFolder("review");
        UserStore.at(data.resolve(UserStore.FILE_NAME), 4).put("dr-it", Role.PHYSICIAN, "Dr. Iris Test", "it-password".toCharArray());
        // The station's clock is the test's: session times are set, not waited for.
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (StationApp station = StationApp.start(StationFixture.config(StationFixture.settings(SERVERS, data, "station-review")),
                clock, Vertx.vertx())) {
            Vertx vertx = station.vertx();
            SessionService sessions = station.sessions();
            String token = await(vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                    new AuthMessages.SignInRequest("dr-it", "it-password".toCharArray()))).body().token();

            // given a session on the bed, with a marker (run on a worker, as the session verticle would)
            record Started(String id, Instant created, Instant marker) {
            }
            Started s = await(vertx.executeBlocking(() -> {
                String id = sessions.create("nurse-1", BED, "ketamine-naltrexone-crossover", "KET-701", SubjectMeasures.weight(70), "KIT-3").id();
                Instant created = sessions.onBed(BED).orElseThrow().session().created().at();
                clock.advance(Duration.ofMillis(5));
                return new Started(id, created, sessions.mark(BED, "nurse-1", "EMERGENCE_REACTION", "agitated"));
            }));

            // and the monitor's values stored through the durable storage path: 10 in the session, one before, one long after
            List<Observation> obs = new ArrayList<>();
            List<Double> inSession = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                double hr = 70 + i * 1.5;
                inSession.add(hr);
                Instant t = s.created().plusMillis(20L * (i + 1));
                obs.add(new NumericSample(MONITOR, Stream.HR, hr, t, t, i));
                obs.add(new NumericSample(MONITOR, Stream.NIBP_SYS, 120 + i, t, t, 100 + i));
            }
            obs.add(new NumericSample(MONITOR, Stream.HR, 55, s.created().minusSeconds(60), s.created(), 50));
            obs.add(new NumericSample(MONITOR, Stream.HR, 99, s.created().plus(Duration.ofHours(1)), s.created(), 51));
            float[] ecg = new float[2500];
            for (int i = 0; i < ecg.length; i++) {
                ecg[i] = (float) (Math.sin(i / 7.0) * 1.2);
            }
            WaveformChunk chunk = new WaveformChunk(MONITOR, Stream.ECG_II, ECG_HZ, s.marker().minusSeconds(5), s.marker(), 1000, ecg);
            obs.add(chunk);
            assertEquals(obs.size(), (int) await(vertx.eventBus().<Integer>request(Addresses.STORE, new StoreRequest(obs))).body());

            // when the session is closed after its last value
            clock.set(s.created().plusMillis(300));
            await(vertx.executeBlocking(() -> sessions.command(BED, new SessionEvent.Closed(clock.instant(), "nurse-1", "test done"))));

            // then the record's trends hold exactly the values stored inside the session, once InfluxDB has them
            Eventually.waitUntil(Duration.ofSeconds(30), "values drained to influxd", () -> {
                try {
                    return trend(record(vertx, token, s.id()), Stream.HR).values().length >= 10;
                } catch (Exception e) {
                    return false;
                }
            });
            SessionRecord r = record(vertx, token, s.id());
            assertNull(r.storeProblem());
            SessionRecord.Trend hr = trend(r, Stream.HR);
            assertArrayEquals(inSession.stream().mapToDouble(Double::doubleValue).toArray(), hr.values());
            assertArrayEquals(IntStream.range(0, 10).mapToLong(i -> s.created().plusMillis(20L * (i + 1)).toEpochMilli()).toArray(),
                    hr.times());
            assertArrayEquals(IntStream.range(0, 10).mapToDouble(i -> 120 + i).toArray(), trend(r, Stream.NIBP_SYS).values());
            assertEquals(0, trend(r, Stream.SPO2).values().length);
            assertEquals(ReviewFilter.RecordState.CLOSED, r.listing().state());

            // and the ECG around the marker is the stored samples from 2 s before to 2 s after it
            WaveformWindow w = await(vertx.eventBus().<WaveformWindow>request(Addresses.REVIEW_WAVEFORM,
                    new ReviewRequest.Waveform(s.id(), Stream.ECG_II, s.marker(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                    BusGuard.options(token, 30_000))).body();
            assertNull(w.problem());
            long from = micros(s.marker().minusSeconds(2));
            long to = micros(s.marker().plusSeconds(2));
            List<Integer> expected = IntStream.range(0, ecg.length)
                    .filter(i -> chunk.sampleTimeMicros(i) >= from && chunk.sampleTimeMicros(i) < to).boxed().toList();
            assertEquals(1000, expected.size(), "4 s at 250 Hz");
            assertArrayEquals(expected.stream().mapToLong(chunk::sampleTimeMicros).toArray(), w.times());
            float[] values = new float[expected.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ecg[expected.get(i)];
            }
            assertArrayEquals(values, w.values());

            // and the physician can sign the closed record on the running station (the first signature of a sign-in: user id and password)
            SessionRecord signed = await(vertx.eventBus().<SessionRecord>request(Addresses.REVIEW_SIGN,
                    new ReviewRequest.Sign(s.id(), SignatureMeaning.APPROVED, "it-password".toCharArray(), 0, "dr-it"), BusGuard.options(token, 30_000))).body();
            assertEquals(ReviewFilter.RecordState.SIGNED, signed.listing().state());
            assertEquals("Dr. Iris Test", signed.signatures().getFirst().printedName());
        }
    }

    private static SessionRecord record(Vertx vertx, String token, String id) throws Exception {
        return await(vertx.eventBus().<SessionRecord>request(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(id),
                BusGuard.options(token, 30_000))).body();
    }

    private static SessionRecord.Trend trend(SessionRecord r, Stream stream) {
        Map<Stream, SessionRecord.Trend> byStream = r.trends().stream().collect(Collectors.toMap(SessionRecord.Trend::stream, Function.identity()));
        return byStream.get(stream);
    }

    /** Microseconds since the epoch, rounded up: the first stored microsecond not before {@code t}. */
    private static long micros(Instant t) {
        long m = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
        return t.getNano() % 1000 == 0 ? m : m + 1;
    }
}
