package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.control.BedState;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.signal.PumpState;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.testing.TempFolders;

/**
 * The demo launcher (embedded broker, private influxd, one simulated bed with its waveforms, station, dashboard) on a
 * clock the test moves ({@link LockStep}, 20 s at a time: each step moves the launcher's simulated bed on with the clock
 * and waits until the station has taken in and judged it, so a loaded machine only takes longer): an uneventful
 * session from creation to discharge, driven over the station bus as the dashboard drives it, raises no alarm; the
 * simulated nurse programs the pump from the dose plan at the confirmed start, and the pump stops by itself at the
 * planned volume. The scenarios with alarms run in {@link ScenarioSessionsIT}.
 */
class DemoSessionIT {
    /** Shorter than the 30 s of {@code mqtt.silentAfter} this test sets (the default 10 s would need 2 s steps). */
    private static final Duration STEP = Duration.ofSeconds(20);

    @Test
    void anUneventfulDemoSessionFromCreationToDischargeRaisesNoAlarm() throws Exception {
        Path dataDir = Files.createTempDirectory("demo-session-");
        long began = System.nanoTime();
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        StationMain demo = StationMain.startSteppedByCaller(DemoConfig.of(dataDir, Map.of("security.sessionTimeout", "24h",
                        "mqtt.silentAfter", "30s")),
                StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "1", "--seed", "7"}), clock);
        try {
            Vertx vertx = demo.station().vertx();
            SimulatedBeds sim = (SimulatedBeds) demo.simulator().orElseThrow();
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            vertx.eventBus().<SessionUpdate>localConsumer(Addresses.SESSION_UPDATE, m -> {
                if (m.body().bedId().equals("bed-01")) {
                    updates.add(m.body());
                }
            });
            assertTrue(sim.awaitConnected(Duration.ofSeconds(60)), "the simulated devices connected");
            String token = signIn(vertx);
            LockStep time = new LockStep(demo.station(), clock, sim, STEP, token);
            // given a new session on the simulated bed, whose pump waits, idle
            SessionView view = send(vertx, token, new SessionCommand.CreateSession(StationMain.DEMO_USER, "bed-01",
                    "ketamine-midazolam-active-placebo", "SIM-001", 70, "KIT-0001")).view();
            assertEquals(PumpState.STANDBY, sim.state("bed-01").pump().state());
            // when staff take the baseline (and any pretreatment) and confirm the infusion start, which the station
            // allows once the monitor's cuff took a pre-dose reading in this session (every 5 min)
            while (view.nextSteps().get(0) != Step.CONFIRM_INFUSION_START) {
                view = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, "bed-01", view.nextSteps().get(0), null)).view();
            }
            for (int tries = 0; view.state() != SessionState.INFUSING; tries++) {
                assertTrue(tries < 30, "a pre-dose cuff reading within 10 simulated minutes");
                time.advance(STEP);
                try {
                    view = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, "bed-01",
                            Step.CONFIRM_INFUSION_START, null)).view();
                } catch (ExecutionException refused) {
                    // no pre-dose reading yet
                }
            }
            SessionView.Plan plan = view.plan();
            // then the simulated nurse programmed the pump from the plan, and the pump stops itself at the planned volume
            Eventually.waitUntil(Duration.ofSeconds(60), "the simulated nurse started the pump",
                    () -> sim.state("bed-01").pump().state() == PumpState.INFUSING);
            Instant started = clock.instant();
            while (sim.state("bed-01").pump().state() != PumpState.COMPLETED) {
                assertTrue(Duration.between(started, clock.instant()).compareTo(plan.duration().plusMinutes(2)) < 0,
                        "the pump completes within the plan's " + plan.duration() + ": " + sim.state("bed-01").pump());
                time.advance(STEP);
            }
            BedState bed = sim.state("bed-01");
            assertEquals(plan.rateMlPerHour(), bed.pump().programmedRateMlPerHour(), 1e-9);
            assertEquals(plan.volumeMl(), bed.pump().infusedMl(), 1e-6);
            time.advance(STEP);
            Eventually.waitUntil(Duration.ofSeconds(60), "the station saw the infusion complete",
                    () -> sessionEvents(updates).stream().anyMatch(SessionEvent.InfusionCompleted.class::isInstance));
            SessionEvent.InfusionCompleted completed = sessionEvents(updates).stream()
                    .filter(SessionEvent.InfusionCompleted.class::isInstance).map(SessionEvent.InfusionCompleted.class::cast)
                    .findFirst().orElseThrow();
            assertEquals("pump", completed.actor());
            assertEquals(plan.volumeMl(), completed.volumeInfusedMl(), 1.0);
            // and the station's infusion clock matches the pump: infusing for the plan's duration (within one step of
            // the test's clock, when the station heard the pump complete), no deviation
            InfusionEvent.Completed clockAtEnd = infusionEvents(updates).stream().filter(InfusionEvent.Completed.class::isInstance)
                    .map(InfusionEvent.Completed.class::cast).findFirst().orElseThrow();
            assertEquals(plan.duration().toSeconds(), clockAtEnd.infusingTime().toSeconds(), STEP.toSeconds(), clockAtEnd.toString());
            assertTrue(infusionEvents(updates).stream().noneMatch(InfusionEvent.Deviation.class::isInstance),
                    infusionEvents(updates).toString());
            // when the observation runs for 20 more minutes, then discharge and close
            view = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, "bed-01", Step.OBSERVATION, null)).view();
            time.advance(Duration.ofMinutes(20));
            // no ratings were taken here, so "ready for discharge" would need a physician's override: close with a reason
            view = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, "bed-01", Step.CLOSE,
                    "test ends after 20 min of observation")).view();
            assertEquals(SessionState.CLOSED, view.state());
            // then the pump stayed complete and not a single alarm or hold advisory was raised
            assertEquals(PumpState.COMPLETED, sim.state("bed-01").pump().state());
            assertEquals(0, sim.state("bed-01").pump().rateMlPerHour());
            List<AlarmEvent> alarms = updates.stream().flatMap(u -> u.outcome().alarms().stream()).toList();
            assertEquals(List.of(), alarms);
        } finally {
            demo.close();
            TempFolders.deleteTree(dataDir);
            System.out.printf("DemoSessionIT: %.0f s%n", (System.nanoTime() - began) / 1e9);
        }
    }

    static List<SessionEvent> sessionEvents(List<SessionUpdate> updates) {
        return updates.stream().flatMap(u -> u.outcome().session().stream()).toList();
    }

    private static List<InfusionEvent> infusionEvents(List<SessionUpdate> updates) {
        return updates.stream().flatMap(u -> u.outcome().infusion().stream()).toList();
    }

    static String signIn(Vertx vertx) throws Exception {
        var request = new AuthMessages.SignInRequest(StationMain.DEMO_USER, StationMain.DEMO_USER.toCharArray());
        return vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN, request,
                new DeliveryOptions().setSendTimeout(30_000)).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS).body().token();
    }

    /**
     * Takes the steps up to the confirmed infusion start as a nurse would: the station refuses the start until the
     * monitor's cuff has taken a pre-dose reading in this session (every 5 min of the simulated clock), so the start is
     * asked for again until it is taken.
     */
    static SessionView toInfusing(Vertx vertx, String token, String bed, SessionView view) throws Exception {
        while (view.nextSteps().get(0) != Step.CONFIRM_INFUSION_START) {
            view = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, bed, view.nextSteps().get(0), null)).view();
        }
        SessionView[] started = new SessionView[1];
        Eventually.waitUntil(Duration.ofMinutes(2), "a pre-dose cuff reading lets the infusion start be confirmed", () -> {
            try {
                started[0] = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, bed,
                        Step.CONFIRM_INFUSION_START, null)).view();
                return true;
            } catch (Exception refused) {
                return false;
            }
        });
        assertEquals(SessionState.INFUSING, started[0].state());
        return started[0];
    }

    static CommandReply send(Vertx vertx, String token, SessionCommand command) throws Exception {
        return vertx.eventBus().<CommandReply>request(Addresses.SESSION_COMMAND, command, BusGuard.options(token, 30_000))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).body();
    }
}
