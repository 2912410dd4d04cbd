package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.audit.AuditVerifier;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.testing.Eventually;

/** A session follows a simulated pump through a real broker; every step is in the audit file and mirrored to influxd. */
class SessionOnLiveDataIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void thePumpStartsTheSessionsInfusionAndTheAuditTrailIsIntactAndMirrored() throws Exception {
        Path data = SERVERS.newFolder("session");
        Path auditFile = data.resolve("audit").resolve("audit.log");
        var settings = StationFixture.settings(SERVERS, data, "station-session");
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            Vertx vertx = station.vertx();
            SessionService sessions = station.sessions();
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            vertx.eventBus().<SessionUpdate>localConsumer(Addresses.SESSION_UPDATE, m -> updates.add(m.body()));

            // given a session on bed sess-01 with baseline and the sublingual tablets recorded (run on the verticle's side of the bus)
            vertx.executeBlocking(() -> {
                sessions.create("nurse-1", "sess-01", "ketamine-buprenorphine-double-dummy", "KET-201", SubjectMeasures.weight(75), "KIT-0007");
                sessions.command("sess-01", new SessionEvent.BaselineStarted(Instant.now(), "nurse-1"));
                return sessions.command("sess-01", new SessionEvent.PretreatmentGiven(Instant.now(), "nurse-1"));
            }).toCompletionStage().toCompletableFuture().get();

            // when the simulated pump starts infusing 4 s into the run
            try (SimulatedBeds sim = SimulatedBeds.start(SimulatorConfig.defaults(SERVERS.mosquitto().url())
                    .withBedPrefix("sess").withInfusion(InfusionPlan.defaults().withStartOffset(Duration.ofSeconds(4)))
                    .withProgressInterval(Duration.ZERO))) {
                Eventually.waitUntil(Duration.ofSeconds(30), "the pump started the session's infusion",
                        () -> sessions.onBed("sess-01").map(r -> r.session().state() == SessionState.INFUSING).orElse(false));
            }
            // then the session update went out on the bus, and the audit file holds every step, chained and intact
            Eventually.waitUntil(Duration.ofSeconds(10), "session update published",
                    () -> updates.stream().anyMatch(u -> u.outcome().session().stream().anyMatch(SessionEvent.InfusionStarted.class::isInstance)));
            var verified = AuditVerifier.verify(auditFile);
            assertTrue(verified.intact(), verified.toString());
            List<String> types = Files.readAllLines(auditFile).stream().map(l -> new JsonObject(l).getString("type")).toList();
            assertEquals("session.created", types.getFirst());
            assertTrue(types.contains("session.infusion_started"), types.toString());
            // and mirrored into InfluxDB through the durable buffer
            Eventually.waitUntil(Duration.ofSeconds(30), "audit mirrored to influxd",
                    () -> influx.rows("SELECT count(seq) FROM audit").stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum() >= types.size());
        }
    }
}
