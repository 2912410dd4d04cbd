package org.openinfusion.station.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.audit.AuditWriter;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.export.ExportSpool;
import org.openinfusion.station.clinical.export.StudySite;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.config.SecurityConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.MutableClock;

/**
 * A real audit file written through {@link SessionService} and {@link AuditLog} with a hand-moved clock, and the
 * values the monitor and pump sent, kept in an in-memory store. The main session (bed-01, naltrexone crossover,
 * KET-301, 80 kg) runs minute by minute from T0 = 2026-11-22T08:00Z:
 *
 * <pre>
 *  m0 created, m1 baseline, m5 CADSS baseline (0), m10 pretreatment, m55 pump starts 60 mL/h (+1 mL/min),
 *  m60.5 HR 130 (alarm raised, acknowledged m60.6), m65 nausea, m66 note, m70 pump at 70 mL/h (rate deviation),
 *  m75 CADSS-6 t20 (24), m77 emergence reaction, m78 asleep, m80-82 pump paused, m90 vomiting,
 *  m98 pump completed (40 mL), m100 CADSS end-of-infusion (14) + MOAA/S 4, m105 observation,
 *  m135 CADSS t80 (20) corrected m136 to 9, m150 headache, m175 CADSS t120 (3, item 7 not assessed),
 *  m180 ready for discharge, m185 closed.
 *  HR 72 and SpO2 98 every minute at :30 from m0 to m184; NIBP every 5 min at m3, m8, ... (sys 110 + m/5, dia 60 + m/5).
 *  Values before creation (07:50) and after close (11:10) are stored too, outside the session.
 * </pre>
 */
public final class ReviewScenario implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    public static final String BED = "bed-01";
    public static final String PROTOCOL = "ketamine-naltrexone-crossover";
    public static final DeviceRef MONITOR = new DeviceRef(BED, "monitor");
    public static final DeviceRef PUMP = new DeviceRef(BED, "pump");
    public static final String PHYSICIAN = "dr-ada";
    public static final String PHYSICIAN_NAME = "Dr. Ada Example";
    public static final char[] PHYSICIAN_PASSWORD = "correct horse".toCharArray();

    public final MutableClock clock = new MutableClock(T0);
    public final Path file;
    public final AuditLog log;
    public final AuditPort audit;
    public final ReviewSeries series = new ReviewSeries();
    public final SessionService sessions;
    public final UserStore users;
    public final Authenticator authenticator;
    public String sessionId;

    public ReviewScenario(Path dir) throws IOException {
        file = dir.resolve("audit.log");
        log = AuditLog.open(file, clock);
        audit = new AuditWriter(log);
        sessions = Sessions.service(audit, clock);
        users = UserStore.at(dir.resolve("users.properties"), 4);
        users.put(PHYSICIAN, Role.PHYSICIAN, PHYSICIAN_NAME, PHYSICIAN_PASSWORD.clone());
        authenticator = new Authenticator(users, audit, clock, new SecurityConfig(Duration.ofMinutes(15), 5, Duration.ofMinutes(15)));
    }

    public ReviewService review() {
        return new ReviewService(new AuditTail(file), audit, series, ProtocolCatalog.builtIn(),
                InstrumentCatalog.builtIn(), authenticator, clock);
    }

    /** As {@link #review()}, writing EDF+ exports into {@code spool}. */
    public ReviewService review(ExportSpool spool) {
        return new ReviewService(new AuditTail(file), audit, series, ProtocolCatalog.builtIn(),
                InstrumentCatalog.builtIn(), authenticator, clock, StudySite.UNKNOWN, spool);
    }

    public static Instant at(double minutes) {
        return T0.plusMillis(Math.round(minutes * 60_000));
    }

    public static double sys(int minute) {
        return 110 + minute / 5;
    }

    public static double dia(int minute) {
        return 60 + minute / 5;
    }

    /** Runs the main session to its close; returns its id. */
    public String runMainSession() {
        storeOnly(Stream.HR, at(-10), 70);
        sessionId = sessions.create("nurse-1", BED, PROTOCOL, "KET-301", SubjectMeasures.weight(80), "KIT-12").id();
        double volume = 0;
        for (int m = 0; m <= 185; m++) {
            clock.set(at(m));
            if (m % 5 == 3) {
                vital(Stream.NIBP_SYS, sys(m), at(m));
                vital(Stream.NIBP_DIA, dia(m), at(m));
                vital(Stream.NIBP_MEAN, Math.round((sys(m) + 2 * dia(m)) / 3), at(m));
            }
            if (m >= 55 && m <= 98) {
                boolean paused = m >= 80 && m <= 82;
                if (!paused && m > 55) {
                    volume += 1;
                }
                pump(m == 98 ? "completed" : paused ? "paused" : "infusing", paused ? 0 : m == 70 ? 70 : 60, volume);
            }
            switch (m) {
                case 1 -> sessions.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
                case 5 -> rate("r-base", "cadss", null, "baseline", range(1, 23, 0));
                case 10 -> sessions.command(BED, new SessionEvent.PretreatmentGiven(clock.instant(), "nurse-1"));
                case 65 -> sessions.mark(BED, "nurse-1", "NAUSEA", "");
                case 66 -> sessions.mark(BED, "nurse-1", "NOTE", "asked for a blanket");
                case 75 -> rate("r-t20", "cadss", "cadss6", "t20", Map.of("1", 4, "2", 4, "6", 4, "7", 4, "15", 4, "22", 4));
                case 77 -> sessions.mark(BED, "nurse-1", "EMERGENCE_REACTION", "reassured");
                case 78 -> sessions.mark(BED, "nurse-1", "ASLEEP", "");
                case 90 -> sessions.mark(BED, "nurse-1", "VOMITING", "");
                case 100 -> {
                    rate("r-eoi", "cadss", null, "end-of-infusion", merge(range(1, 14, 1), range(15, 23, 0)));
                    rate("r-moaas", "moaas", null, "end-of-infusion", Map.of("1", 4));
                }
                case 105 -> sessions.command(BED, new SessionEvent.ObservationStarted(clock.instant(), "nurse-1"));
                case 135 -> rate("r-t80", "cadss", null, "t80", merge(range(1, 20, 1), range(21, 23, 0)));
                case 136 -> correct("r-t80", "r-t80b", "t80", merge(range(1, 9, 1), range(10, 23, 0)));
                case 150 -> sessions.mark(BED, "nurse-1", "HEADACHE", "");
                case 175 -> {
                    Map<String, Object> a = merge(range(1, 3, 1), range(4, 23, 0));
                    a.put("7", "asleep");
                    rate("r-t120", "cadss", null, "t120", a);
                }
                case 180 -> sessions.command(BED, new SessionEvent.ReadyForDischarge(clock.instant(), "nurse-1"));
                case 185 -> sessions.command(BED, new SessionEvent.Closed(clock.instant(), "nurse-1", "discharged"));
                default -> {
                }
            }
            if (m < 185) {
                clock.set(at(m + 0.5));
                vital(Stream.HR, m == 60 ? 130 : 72, clock.instant());
                vital(Stream.SPO2, 98, clock.instant());
                if (m == 60) {
                    clock.set(at(60.6));
                    sessions.acknowledge(BED, "LIMIT:hr:lo50:hi120", "nurse-1");
                }
            }
        }
        storeOnly(Stream.HR, at(190), 71);
        return sessionId;
    }

    /** Another session, created at {@code start} and closed 30 minutes later unless {@code leaveOpen}. */
    public String quickSession(String bed, String protocol, String subject, Instant start, boolean leaveOpen) {
        clock.set(start);
        String id = sessions.create("nurse-2", bed, protocol, subject, SubjectMeasures.weight(70), "KIT-99").id();
        sessions.command(bed, new SessionEvent.BaselineStarted(clock.instant(), "nurse-2"));
        if (!leaveOpen) {
            clock.advance(Duration.ofMinutes(30));
            sessions.command(bed, new SessionEvent.Closed(clock.instant(), "nurse-2", "withdrawn before dosing"));
        }
        return id;
    }

    /**
     * A closed session on {@code bed} with one full-form CADSS at baseline, rating id "q-" + subject, every item
     * scored 1 (total 23).
     */
    public String quickRatedSession(String bed, String subject, Instant start) {
        clock.set(start);
        String id = sessions.create("nurse-2", bed, PROTOCOL, subject, SubjectMeasures.weight(70), "KIT-98").id();
        sessions.command(bed, new SessionEvent.BaselineStarted(clock.instant(), "nurse-2"));
        clock.advance(Duration.ofMinutes(5));
        sessions.record(bed, new Rating("q-" + subject, "cadss", null, "baseline", "nurse", "nurse-2", clock.instant().minusSeconds(60),
                clock.instant(), answers(range(1, 23, 1)), null));
        clock.advance(Duration.ofMinutes(25));
        sessions.command(bed, new SessionEvent.Closed(clock.instant(), "nurse-2", "withdrawn after baseline"));
        return id;
    }

    private void vital(Stream stream, double value, Instant time) {
        DeviceRef device = MONITOR;
        series.add(new TimeSeriesReader.StoredValue(time, device.deviceId(), stream, value));
        sessions.numeric(new NumericSample(device, stream, value, time, time, 0));
    }

    private void storeOnly(Stream stream, Instant time, double value) {
        series.add(new TimeSeriesReader.StoredValue(time, MONITOR.deviceId(), stream, value));
    }

    private void pump(String state, double rate, double volume) {
        Instant now = clock.instant();
        series.add(new TimeSeriesReader.StoredValue(now, PUMP.deviceId(), Stream.PUMP_RATE, rate));
        series.add(new TimeSeriesReader.StoredValue(now, PUMP.deviceId(), Stream.PUMP_VOLUME_INFUSED, volume));
        sessions.state(new StateSample(PUMP, Stream.PUMP_STATE, state, now, now, 0));
        sessions.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, rate, now, now, 0));
        sessions.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, volume, now, now, 0));
    }

    public static Map<String, Object> range(int from, int to, int value) {
        Map<String, Object> m = new HashMap<>();
        for (int i = from; i <= to; i++) {
            m.put(String.valueOf(i), value);
        }
        return m;
    }

    public static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static Map<String, Answer> answers(Map<String, Object> values) {
        Map<String, Answer> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Integer i ? Answer.score(i) : Answer.notAssessed(v.toString())));
        return out;
    }

    private Rating rating(String id, String instrument, String form, String timePoint, Map<String, Object> values) {
        return new Rating(id, instrument, form, timePoint, "nurse", "nurse-1", clock.instant().minusSeconds(120), clock.instant(),
                answers(values), null);
    }

    private void rate(String id, String instrument, String form, String timePoint, Map<String, Object> values) {
        sessions.record(BED, rating(id, instrument, form, timePoint, values));
    }

    private void correct(String originalId, String id, String timePoint, Map<String, Object> values) {
        Rating original = rating(originalId, "cadss", null, timePoint, Map.of());
        sessions.record(BED, original.correctedBy(id, "nurse", "nurse-2", clock.instant().minusSeconds(60), clock.instant(),
                answers(values), "items 10-20 entered for the wrong participant"));
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    /** An in-memory store: what the station would have written to InfluxDB; can be switched off. */
    public static final class ReviewSeries implements TimeSeriesReader {
        public final List<StoredValue> values = new CopyOnWriteArrayList<>();
        public volatile boolean down;
        /** How long each query takes (a long record on a busy store). */
        public volatile Duration slowness = Duration.ZERO;

        /**
         * When set, each waveform read (an EDF+ export's) first counts itself in {@link #heldWaveformReads} and then waits
         * until the gate is opened: a long export held inside the store, for as long as a test wants.
         */
        public volatile CountDownLatch waveformGate;
        public final AtomicInteger heldWaveformReads = new AtomicInteger();

        public void add(StoredValue v) {
            values.add(v);
        }

        @Override
        public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
            return select(bed, streams, from, to);
        }

        @Override
        public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
            CountDownLatch gate = waveformGate;
            if (gate != null) {
                heldWaveformReads.incrementAndGet();
                try {
                    if (!gate.await(60, TimeUnit.SECONDS)) {
                        throw new StoreUnavailableException("the test never opened the waveform gate", null);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return select(bed, Set.of(stream), from, to);
        }

        private List<StoredValue> select(String bed, Set<Stream> streams, Instant from, Instant to) {
            if (!slowness.isZero()) {
                try {
                    Thread.sleep(slowness); // pacing: a store that takes this long to answer each query
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                throw new StoreUnavailableException("InfluxDB at http://127.0.0.1:1 did not answer", null);
            }
            List<StoredValue> out = new ArrayList<>();
            for (StoredValue v : values) {
                if (BED.equals(bed) && streams.contains(v.stream()) && !v.time().isBefore(from) && v.time().isBefore(to)) {
                    out.add(v);
                }
            }
            out.sort(Comparator.comparing(StoredValue::time));
            return out;
        }
    }
}
