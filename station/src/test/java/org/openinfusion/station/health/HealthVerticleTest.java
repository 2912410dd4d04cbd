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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.config.HealthConfig;
import org.openinfusion.station.storage.StorageDrain;
import org.openinfusion.station.storage.UnavailableStore;
import org.openinfusion.station.storage.journal.DurableJournal;

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
            HealthVerticle health = new HealthVerticle(new HealthConfig(Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(10)),
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
}
