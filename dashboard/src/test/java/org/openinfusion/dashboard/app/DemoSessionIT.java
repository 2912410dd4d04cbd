package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.control.BedState;
import org.openinfusion.sim.control.SimulatorControl;
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
import org.openinfusion.testing.TempFolders;

/**
 * The demo launcher (embedded broker, private influxd, one simulated bed, station) on a clock ten
 * times faster than real time: an uneventful session from creation to discharge, driven over the
 * station bus as the dashboard drives it, raises no alarm; the simulated nurse programs the pump
 * from the dose plan at the confirmed start, and the pump stops by itself at the planned volume.
 */
class DemoSessionIT {
    private static final int SPEED = 20;

    @Test
    void anUneventfulDemoSessionFromCreationToDischargeRaisesNoAlarm() throws Exception {
        Path dataDir = Files.createTempDirectory("demo-session-");
        StationMain demo = StationMain.start(DemoConfig.of(dataDir, Map.of("security.sessionTimeout", "24h")),
                StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "1", "--seed", "7"}), new FastClock(SPEED));
        try {
            Vertx vertx = demo.station().vertx();
            SimulatorControl sim = demo.simulator().orElseThrow();
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            vertx.eventBus().<SessionUpdate>localConsumer(Addresses.SESSION_UPDATE, m -> {
                if (m.body().bedId().equals("bed-01")) {
                    updates.add(m.body());
                }
            });
            String token = signIn(vertx);
            // given a new session on the simulated bed, whose pump waits, idle
            SessionView view = send(vertx, token, new SessionCommand.CreateSession(StationMain.DEMO_USER, "bed-01",
                    "ketamine-midazolam-active-placebo", "SIM-001", 70, "KIT-0001")).view();
            assertEquals(PumpState.STANDBY, sim.state("bed-01").pump().state());
            // when staff take the baseline (and any pretreatment) and confirm the infusion start
            view = toInfusing(vertx, token, "bed-01", view);
            SessionView.Plan plan = view.plan();
            // then the simulated nurse programmed the pump from the plan, and the pump stops itself at the planned volume
            Eventually.waitUntil(Duration.ofMinutes(10), "the pump completes the planned volume",
                    () -> sim.state("bed-01").pump().state() == PumpState.COMPLETED);
            BedState bed = sim.state("bed-01");
            assertEquals(plan.rateMlPerHour(), bed.pump().programmedRateMlPerHour(), 1e-9);
            assertEquals(plan.volumeMl(), bed.pump().infusedMl(), 1e-6);
            Eventually.waitUntil(Duration.ofSeconds(60), "the station saw the infusion complete",
                    () -> sessionEvents(updates).stream().anyMatch(SessionEvent.InfusionCompleted.class::isInstance));
            SessionEvent.InfusionCompleted completed = sessionEvents(updates).stream()
                    .filter(SessionEvent.InfusionCompleted.class::isInstance).map(SessionEvent.InfusionCompleted.class::cast)
                    .findFirst().orElseThrow();
            assertEquals("pump", completed.actor());
            assertEquals(plan.volumeMl(), completed.volumeInfusedMl(), 1.0);
            // and the station's infusion clock matches the pump: infusing for the plan's duration (within 2 %: at ten
            // times real time one second of delivery delay is twenty seconds of the clock), no deviation
            InfusionEvent.Completed clock = infusionEvents(updates).stream().filter(InfusionEvent.Completed.class::isInstance)
                    .map(InfusionEvent.Completed.class::cast).findFirst().orElseThrow();
            assertEquals(plan.duration().toSeconds(), clock.infusingTime().toSeconds(), 0.02 * plan.duration().toSeconds(),
                    clock.toString());
            assertTrue(infusionEvents(updates).stream().noneMatch(InfusionEvent.Deviation.class::isInstance),
                    infusionEvents(updates).toString());
            // when the observation runs for 20 more minutes, then discharge and close
            view = send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, "bed-01", Step.OBSERVATION, null)).view();
            Thread.sleep(TimeUnit.MINUTES.toMillis(20) / SPEED); // pacing: the point is 20 simulated minutes without an alarm
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
        }
    }

    @Test
    void theHypertensionScenarioRaisesTheSystolicAlarmAndTheHoldAdvisory() throws Exception {
        Path dataDir = Files.createTempDirectory("demo-hypertension-");
        StationMain demo = StationMain.start(DemoConfig.of(dataDir, Map.of("security.sessionTimeout", "24h")),
                StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "1", "--seed", "7", "--scenario", "hypertension"}),
                new FastClock(SPEED));
        try {
            Vertx vertx = demo.station().vertx();
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            vertx.eventBus().<SessionUpdate>localConsumer(Addresses.SESSION_UPDATE, m -> updates.add(m.body()));
            String token = signIn(vertx);
            // given a session whose infusion staff confirm (the scenario starts with the infusion)
            SessionView view = send(vertx, token, new SessionCommand.CreateSession(StationMain.DEMO_USER, "bed-01",
                    "ketamine-midazolam-active-placebo", "SIM-002", 70, "KIT-0002")).view();
            view = toInfusing(vertx, token, "bed-01", view);
            // when the systolic pressure climbs to 190 mmHg from minute 25 of the infusion
            Eventually.waitUntil(Duration.ofMinutes(8), "the systolic alarm and the hold advisory",
                    () -> alarms(updates).stream().anyMatch(a -> a.kind() == AlarmEvent.Kind.HOLD_ADVISED && a.alarmId().equals("HOLD:sbp-180"))
                            && alarms(updates).stream().anyMatch(a -> a.kind() == AlarmEvent.Kind.RAISED && a.alarmId().startsWith("LIMIT:nibp_sys")));
            // then nothing else alarmed before the pressure rose: the first alarm is the systolic one or its hold advisory
            AlarmEvent first = alarms(updates).get(0);
            assertTrue(first.alarmId().startsWith("LIMIT:nibp_sys") || first.alarmId().startsWith("HOLD:"), alarms(updates).toString());
            Instant infusionStart = sessionEvents(updates).stream().filter(SessionEvent.InfusionStarted.class::isInstance)
                    .findFirst().orElseThrow().at();
            assertTrue(Duration.between(infusionStart, first.at()).toMinutes() >= 25, first + " after the start at " + infusionStart);
            send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, "bed-01", Step.CLOSE, "test ends"));
        } finally {
            demo.close();
            TempFolders.deleteTree(dataDir);
        }
    }

    private static List<AlarmEvent> alarms(List<SessionUpdate> updates) {
        return updates.stream().filter(u -> u.bedId().equals("bed-01")).flatMap(u -> u.outcome().alarms().stream()).toList();
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
