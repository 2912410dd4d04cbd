package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.storage.StoreLines;
import org.openinfusion.testing.Eventually;

/**
 * /health tells the state when asked, every broker disconnect is counted however short, and writing resumes
 * at the first ping that finds a returning InfluxDB answering (real mosquitto and influxd, stopped and started).
 * The publish interval is set to an hour, so nothing here can come from a periodic snapshot.
 */
class HealthOnRequestIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static Map<String, String> settings(String name) throws IOException {
        var s = StationFixture.settings(SERVERS, SERVERS.newFolder(name), "station-" + name);
        s.put("health.publishInterval", "1h");
        return s;
    }

    private static JsonObject health(StationApp station) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + station.statusPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body()).put("httpStatus", r.statusCode());
    }

    /**
     * Raised once and then cleared. A leading "cleared" is the start-up's first connection: the station reports the
     * connection before its health context has published that clear, so it may reach a consumer registered just after.
     */
    private static boolean raisedThenCleared(List<TechnicalAlarm> alarms, String code) {
        List<Boolean> states = alarms.stream().filter(a -> a.code().equals(code)).map(TechnicalAlarm::active).toList();
        int raised = states.indexOf(true);
        return raised >= 0 && states.subList(raised, states.size()).equals(List.of(true, false));
    }

    @Test
    void aBrokerDropOfUnderASecondIsCountedWithItsTimeAndAlarmedAndClearedOnTheBus() throws Exception {
        try (StationApp station = StationApp.start(StationFixture.config(settings("drop")), Clock.systemUTC(), Vertx.vertx())) {
            // what the demo waits for before its simulated devices connect: the first connection, as health counts it
            assertTrue(station.awaitBrokerConnection(Duration.ofSeconds(30)), "the station's first broker connection");
            assertTrue(station.health().brokerConnected(), "health counts the connection awaited");
            StationFixture.awaitSubscribed(station);
            List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
            station.vertx().eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
            assertEquals(0, health(station).getLong("brokerDisconnects"));
            // when the broker stops and is started again at once
            Instant before = Instant.now();
            long t0 = System.nanoTime();
            SERVERS.mosquitto().stop();
            SERVERS.mosquitto().start();
            System.out.printf("broker down for %d ms (stop to answering again)%n", (System.nanoTime() - t0) / 1_000_000);
            // then the drop is counted once, with its time, and BROKER_DISCONNECTED was raised and cleared
            Eventually.waitUntil(Duration.ofSeconds(30), "reconnected after the drop",
                    () -> station.health().brokerConnected() && raisedThenCleared(alarms, TechnicalAlarm.BROKER_DISCONNECTED));
            JsonObject h = health(station);
            assertEquals(1, h.getLong("brokerDisconnects"), h.encodePrettily());
            Instant last = Instant.parse(h.getString("lastBrokerDisconnect"));
            assertTrue(!last.isBefore(before.truncatedTo(ChronoUnit.MILLIS)), last + " before " + before);
            assertEquals(200, h.getInteger("httpStatus"));
        }
    }

    @Test
    void writingResumesAtTheFirstPingAfterInfluxdReturnsAndHealthSaysSoWhenAsked() throws Exception {
        try (StationApp station = StationApp.start(StationFixture.config(settings("store")), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            // given lines stored every 50 ms
            AtomicLong sent = new AtomicLong();
            AtomicBoolean sending = new AtomicBoolean(true);
            long base = Instant.now().minus(Duration.ofHours(1)).toEpochMilli() * 1000;
            Thread feeder = Thread.ofPlatform().start(() -> {
                while (sending.get()) {
                    long i = sent.get();
                    station.vertx().eventBus().request(Addresses.STORE_LINES,
                            new StoreLines("probe,bed=store-01 seq=" + i + "i " + (base + i))).toCompletionStage().toCompletableFuture().join();
                    sent.incrementAndGet();
                    try {
                        Thread.sleep(50); // pacing: one line every 50 ms, the load under test
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                Eventually.waitUntil(Duration.ofSeconds(30), "writing", () -> influx.count("probe", "store-01") > 0);
                // when influxd stops: /health says so at the next request, not at the next publish
                SERVERS.influxd().stop();
                Eventually.waitUntil(Duration.ofSeconds(30), "store unreachable", () -> !station.health().storeReachable());
                JsonObject down = health(station);
                assertEquals(false, down.getBoolean("storeReachable"));
                assertEquals(503, down.getInteger("httpStatus"));
                // and stays away long enough for the drain's back-off to reach 10 s
                Thread.sleep(12_000); // pacing: the outage must outlast the drain's 10 s back-off (the point)
                // when it returns (start() returns once it answers /ping)
                SERVERS.influxd().start();
                long answered = System.nanoTime();
                Eventually.waitUntil(Duration.ofSeconds(30), "store reachable", () -> station.health().storeReachable());
                System.out.printf("writing resumed %d ms after influxd answered again (the drain was in a 10 s back-off)%n",
                        (System.nanoTime() - answered) / 1_000_000);
                JsonObject up = health(station);
                assertEquals(true, up.getBoolean("storeReachable"));
            } finally {
                sending.set(false);
                feeder.join();
            }
            // then every line sent is stored
            Eventually.waitUntil(Duration.ofSeconds(30), "all lines stored", () -> influx.count("probe", "store-01") == sent.get());
            assertEquals(200, health(station).getInteger("httpStatus"));
        }
    }
}
