package org.openinfusion.station.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.config.HealthConfig;
import org.openinfusion.station.storage.PointWriter;
import org.openinfusion.station.storage.StorageDrain;
import org.openinfusion.station.storage.UnavailableStore;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.CapturedLog;

class HealthVerticleTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    @Test
    void bufferFillingAlarmIsRaisedAtTheWarnFractionLongBeforeTheBufferIsFull() throws Exception {
        Codecs.registerAll(vertx);
        try (DurableJournal journal = DurableJournal.open(dir, 10_000, 1 << 16);
             StorageDrain drain = new StorageDrain(journal, new UnavailableStore("store switched off for the test"), 1 << 20, dir.resolve("dead.lp"))) {
            BlockingQueue<TechnicalAlarm> alarms = new LinkedBlockingQueue<>();
            vertx.eventBus().<TechnicalAlarm>consumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
            IngestMetrics metrics = new IngestMetrics(Clock.systemUTC(), Duration.ofSeconds(10));
            HealthVerticle health = new HealthVerticle(new HealthConfig(Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(10), 0, Duration.ofSeconds(1)),
                    metrics, () -> true, drain, journal, 0.5, List::of);
            await(vertx.deployVerticle(health));
            StatusHttpVerticle status = new StatusHttpVerticle("127.0.0.1", 0, health::latest);
            await(vertx.deployVerticle(status));

            // given the store is unreachable: its alarm comes first, and no buffer alarm at 40 % fill
            TechnicalAlarm store = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.STORE_UNREACHABLE, store.code());
            journal.append(new byte[3992]).get();
            assertEquals(null, alarms.poll(500, TimeUnit.MILLISECONDS));

            // when the buffer passes half full (but is far from full)
            journal.append(new byte[1992]).get();

            // then BUFFER_FILLING is raised, saying how full it is
            TechnicalAlarm filling = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.BUFFER_FILLING, filling.code());
            assertTrue(filling.active());
            assertTrue(filling.message().contains("60% full"), filling.message());

            // and /health reports the state with 503
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + status.actualPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            JsonObject json = new JsonObject(r.body());
            assertEquals(6000, json.getLong("bufferPendingBytes"));
            assertFalse(json.getBoolean("storeReachable"));
            assertEquals("DEGRADED", json.getString("status"));
        }
    }

    @Test
    void aBrokerDropAlreadyOverWhenEvaluatedIsStillRaisedAndClearedOnce() throws Exception {
        Codecs.registerAll(vertx);
        AtomicLong drops = new AtomicLong();
        Instant dropTime = Instant.parse("2026-12-05T10:00:00Z");
        BrokerLink link = new BrokerLink() {
            @Override
            public boolean connected() {
                return true;
            }

            @Override
            public long disconnects() {
                return drops.get();
            }

            @Override
            public Optional<Instant> lastDisconnect() {
                return drops.get() == 0 ? Optional.empty() : Optional.of(dropTime);
            }
        };
        try (DurableJournal journal = DurableJournal.open(dir, 10_000, 1 << 16);
             StorageDrain drain = new StorageDrain(journal, new WorkingStore(), 1 << 20, dir.resolve("dead.lp"))) {
            BlockingQueue<TechnicalAlarm> alarms = new LinkedBlockingQueue<>();
            vertx.eventBus().<TechnicalAlarm>consumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
            HealthVerticle health = new HealthVerticle(new HealthConfig(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(10),
                    0, Duration.ofHours(1)), new IngestMetrics(Clock.systemUTC(), Duration.ofSeconds(10)), link, drain, journal, 0.5,
                    List::of, HealthVerticle.Files.unwatched());
            await(vertx.deployVerticle(health));
            Eventually.waitUntil(Duration.ofSeconds(5), "store reachable", drain::storeReachable);
            health.changed();
            assertEquals(null, alarms.poll(300, TimeUnit.MILLISECONDS));

            // when the broker connection was lost and made again before the change notice was evaluated
            drops.incrementAndGet();
            health.changed();

            // then BROKER_DISCONNECTED is raised with the drop's time, then cleared
            TechnicalAlarm raised = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.BROKER_DISCONNECTED, raised.code());
            assertTrue(raised.active());
            assertEquals(dropTime, raised.time());
            TechnicalAlarm cleared = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.BROKER_DISCONNECTED, cleared.code());
            assertFalse(cleared.active());

            // and the same drop is not alarmed again at the next evaluation
            health.changed();
            assertEquals(null, alarms.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    private static HttpResponse<String> get(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final class WorkingStore implements PointWriter {
        @Override
        public void prepare() {
        }

        @Override
        public void write(String lineProtocol) {
        }

        @Override
        public boolean ping() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /**
     * A station whose broker is not connected at start: its health (publishing and logging only once an hour; changes
     * still raise alarms at once) on a clock the test moves, the alarms it publishes and the lines it logs.
     */
    private final class NotYetConnected implements AutoCloseable {
        final AtomicBoolean connected = new AtomicBoolean(false);
        final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));
        final BlockingQueue<TechnicalAlarm> alarms = new LinkedBlockingQueue<>();
        final CapturedLog log = new CapturedLog(HealthVerticle.class);
        final DurableJournal journal = DurableJournal.open(dir, 10_000, 1 << 16);
        final StorageDrain drain = new StorageDrain(journal, new WorkingStore(), 1 << 20, dir.resolve("dead.lp"));
        final HealthVerticle health = new HealthVerticle(new HealthConfig(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(10), 0,
                Duration.ofHours(1)), new IngestMetrics(clock, Duration.ofSeconds(10)), connected::get, drain, journal, 0.5, List::of);

        NotYetConnected() throws Exception {
            Codecs.registerAll(vertx);
            vertx.eventBus().<TechnicalAlarm>consumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
            await(vertx.deployVerticle(health));
            Eventually.waitUntil(Duration.ofSeconds(5), "the connecting line", () -> !log.containing("connecting").isEmpty());
        }

        @Override
        public void close() throws Exception {
            drain.close();
            journal.close();
            log.close();
        }
    }

    @Test
    void aFirstConnectionIsLoggedAsConnectingNotAsADisconnectAndOnlyARealLossWarns() throws Exception {
        try (NotYetConnected station = new NotYetConnected()) {
            // given the broker is not connected yet at start: connecting, at INFO, and no alarm
            assertEquals(List.of("MQTT broker: connecting (no device data until it is up)"), station.log.at("INFO"));
            station.clock.advance(Duration.ofSeconds(10));
            station.health.changed();
            assertEquals(null, station.alarms.poll(300, TimeUnit.MILLISECONDS), "a first connect is not a disconnect");

            // when it connects: nothing to clear, nothing warned
            station.connected.set(true);
            station.health.changed();
            assertEquals(null, station.alarms.poll(300, TimeUnit.MILLISECONDS));
            assertEquals(List.of(), station.log.at("WARN"));

            // when the connection is then lost: that is a disconnect, warned and alarmed
            station.connected.set(false);
            station.health.changed();
            TechnicalAlarm lost = station.alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.BROKER_DISCONNECTED, lost.code());
            assertTrue(lost.active());
            assertEquals(List.of("technical alarm BROKER_DISCONNECTED: MQTT broker disconnected"), station.log.at("WARN"));
            assertEquals(1, station.log.containing("connecting").size(), "connecting is said once, at the start");
        }
    }

    @Test
    void aBrokerNeverReachedWithinTheGraceIsAlarmedAsNotReachableSinceTheStart() throws Exception {
        try (NotYetConnected station = new NotYetConnected()) {
            station.clock.advance(HealthVerticle.FIRST_CONNECT_GRACE);
            station.health.changed();
            TechnicalAlarm never = station.alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.BROKER_DISCONNECTED, never.code());
            assertEquals("MQTT broker not reachable since the station started 30 s ago", never.message());
            assertEquals(List.of("technical alarm BROKER_DISCONNECTED: MQTT broker not reachable since the station started 30 s ago"),
                    station.log.at("WARN"));
        }
    }

    @Test
    void healthIsComputedWhenAskedAndDiskLowAndAuditUnavailableAreHighPriorityAlarmsThatMakeIt503() throws Exception {
        Codecs.registerAll(vertx);
        AtomicLong free = new AtomicLong(10_000);
        AtomicReference<String> auditProblem = new AtomicReference<>("");
        AtomicInteger repairs = new AtomicInteger();
        AtomicBoolean connected = new AtomicBoolean(true);
        try (DurableJournal journal = DurableJournal.open(dir, 10_000, 1 << 16);
             StorageDrain drain = new StorageDrain(journal, new WorkingStore(), 1 << 20, dir.resolve("dead.lp"))) {
            BlockingQueue<TechnicalAlarm> alarms = new LinkedBlockingQueue<>();
            vertx.eventBus().<TechnicalAlarm>consumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
            DiskSpace disk = new DiskSpace(List.of(dir), 5000, folder -> free.get());
            // given health published only once an hour, with the disk checked every 50 ms
            HealthVerticle health = new HealthVerticle(new HealthConfig(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(10),
                    5000, Duration.ofMillis(50)), new IngestMetrics(Clock.systemUTC(), Duration.ofSeconds(10)),
                    BrokerLink.of(connected::get), drain, journal, 0.5, List::of,
                    new HealthVerticle.Files(disk, auditProblem::get, repairs::incrementAndGet));
            vertx.deployVerticle(health).toCompletionStage().toCompletableFuture().get();
            StatusHttpVerticle status = new StatusHttpVerticle("127.0.0.1", 0, health::current);
            vertx.deployVerticle(status).toCompletionStage().toCompletableFuture().get();
            Eventually.waitUntil(Duration.ofSeconds(5), "store reachable", drain::storeReachable);
            assertEquals(200, get(status.actualPort()).statusCode());

            // when the broker drops, /health says so at once, and the alarm follows the change notice
            connected.set(false);
            assertFalse(new JsonObject(get(status.actualPort()).body()).getBoolean("brokerConnected"));
            health.changed();
            TechnicalAlarm broker = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.BROKER_DISCONNECTED, broker.code());
            connected.set(true);
            health.changed();
            assertFalse(alarms.poll(5, TimeUnit.SECONDS).active());

            // when free space falls below the threshold
            free.set(4000);
            // then DISK_LOW is raised as a high-priority alarm and /health answers 503
            TechnicalAlarm low = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.DISK_LOW, low.code());
            assertTrue(low.active() && low.highPriority(), low.toString());
            HttpResponse<String> r = get(status.actualPort());
            assertEquals(503, r.statusCode());
            assertTrue(new JsonObject(r.body()).getBoolean("diskLow"));
            assertEquals(4000, new JsonObject(r.body()).getLong("diskFreeBytes"));

            // when the audit trail cannot be written
            auditProblem.set("java.io.IOException: No space left on device");
            health.changed();
            TechnicalAlarm audit = alarms.poll(5, TimeUnit.SECONDS);
            assertEquals(TechnicalAlarm.AUDIT_UNAVAILABLE, audit.code());
            assertTrue(audit.active() && audit.highPriority(), audit.toString());
            assertFalse(new JsonObject(get(status.actualPort()).body()).getBoolean("auditAvailable"));

            // when both recover (the repair that reopens the trail runs at every disk check)
            auditProblem.set("");
            free.set(10_000);
            // then both alarms clear and /health is 200 again
            Set<String> cleared = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                TechnicalAlarm a = alarms.poll(5, TimeUnit.SECONDS);
                assertFalse(a.active(), a.toString());
                cleared.add(a.code());
            }
            assertEquals(Set.of(TechnicalAlarm.DISK_LOW, TechnicalAlarm.AUDIT_UNAVAILABLE), cleared);
            assertEquals(200, get(status.actualPort()).statusCode());
            assertTrue(repairs.get() > 0);
        }
    }
}
