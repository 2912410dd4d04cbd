package org.openinfusion.dashboard.app;

import java.util.Optional;
import org.openinfusion.testing.TempFolders;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.simulation.SimulatedNurse;
import org.openinfusion.sim.Pacing;
import org.openinfusion.sim.Pharmacy;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.PumpState;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.security.Role;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.testing.TempFolders;

/**
 * Every shipped scenario through the real station (embedded broker, private influxd, the demo's simulated nurse and
 * pharmacy), one bed each, on a clock the test moves: each raises the alarms and advisories it is meant to and
 * nothing else, and the uneventful one raises none (docs/simulation.md, "Every shipped scenario through the real station").
 *
 * <p>Time moves in lock step ({@link LockStep}), five seconds at a time: the simulated beds publish numerics and pump
 * values, no waveforms (no alarm reads them), and the test waits until the station took in and judged every step before
 * moving on. So nothing depends on how fast the machine is: a loaded machine takes longer, never sees anything else.
 * The occlusion bed's kit holds the midazolam active placebo (the simulated pharmacy's file): its patient follows the
 * sealed arm, and the mild respiratory depression raises no alarm.
 */
class ScenarioSessionsIT {
    /** Shorter than {@code mqtt.silentAfter} (10 s), so that no device looks silent between two steps. */
    private static final Duration STEP = Duration.ofSeconds(5);
    /**
     * Past the longest timeline (the device failures' emergence reaction at minute 30, for 5 min), within the 52-minute
     * infusion of this protocol's plan for 70 kg.
     */
    private static final Duration RUN = Duration.ofMinutes(42);
    private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();
    /** What each scenario must raise (alarm ids without their device suffix; docs/simulation.md). */
    private static final Map<String, Set<String>> EXPECTED = new HashMap<>();
    /**
     * What it may raise besides: the diastolic pressure rises with the systolic and may cross its hold limit, the
     * apnoea the respiratory-rate limit, the emergence reaction the heart-rate limits.
     */
    private static final Map<String, Set<String>> ALLOWED = new HashMap<>();
    /** Nothing before this minute of the bed's infusion. */
    private static final Map<String, Integer> NOT_BEFORE = new HashMap<>();

    static {
        scenario("bed-01", "uneventful", Set.of(), Set.of(), 0);
        scenario("bed-02", "hypertension", Set.of("LIMIT:nibp_sys:lo90:hi180", "HOLD:sbp-180"),
                Set.of("HOLD:dbp-100", "LIMIT:nibp_dia:hi110"), 25);
        scenario("bed-03", "desaturation", Set.of("LIMIT:spo2:lo95", "LIMIT:spo2:lo92", "HOLD:spo2-92", "LIMIT:etco2:lo25:hi50"),
                Set.of("LIMIT:rr:lo10:hi30"), 30);
        scenario("bed-04", "pump-occlusion", Set.of("TECH:PUMP_ALARM"), Set.of(), 15);
        scenario("bed-05", "device-failures", Set.of("NIBP_OVERDUE", "TECH:DEVICE_SILENT"),
                Set.of("HOLD:hr-110", "LIMIT:hr:lo50:hi120"), 5);
    }

    private static void scenario(String bed, String name, Set<String> expected, Set<String> allowed, int notBefore) {
        SCENARIOS.put(bed, name);
        EXPECTED.put(bed, expected);
        ALLOWED.put(bed, allowed);
        NOT_BEFORE.put(bed, notBefore);
    }

    private final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
    private SimulatedBeds sim;

    @Test
    void eachShippedScenarioRaisesWhatItIsMeantToAndTheUneventfulOneNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("scenario-sessions-");
        long began = System.nanoTime();
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Pharmacy pharmacy = Pharmacy.parse("pharmacy.csv", List.of("# the simulated pharmacist's preparations",
                "KIT-0104,midazolam,0.025"));
        List<String> beds = List.copyOf(SCENARIOS.keySet());
        StationApp station = StationApp.start(DemoConfig.of(dataDir, Map.of("security.sessionTimeout", "24h")), clock, Vertx.vertx());
        SimulatedNurse nurse = null;
        try {
            station.users().put(StationMain.DEMO_USER, Role.NURSE, "Demo Nurse", StationMain.DEMO_USER.toCharArray());
            Vertx vertx = station.vertx();
            vertx.eventBus().<SessionUpdate>localConsumer(Addresses.SESSION_UPDATE, m -> updates.add(m.body()));
            Eventually.waitUntil(Duration.ofSeconds(60), "the station subscribed to its broker", () -> station.health().brokerConnected());
            SimulatorConfig beds5 = SimulatorConfig.defaults("tcp://127.0.0.1:1883").withBeds(beds.size()).withSeed(7)
                    .withTopicPrefix(station.config().mqtt().topicPrefix()).withIdlePumps(true).withPacing(Pacing.MANUAL)
                    .withStart(clock.instant()).withWaveforms(false).withProgressInterval(Duration.ZERO);
            sim = SimulatedBeds.start(beds5.withMqtt(StationMain.devicesConnection(beds5.mqtt(), station.config().mqtt(),
                    Optional.empty())));
            assertTrue(sim.awaitConnected(Duration.ofSeconds(60)), "the simulated devices connected");
            // the demo's simulated nurse: programs and starts each pump from the dose plan at the confirmed start
            nurse = SimulatedNurse.attach(vertx, sim, bed -> station.sessions().onBed(bed).map(r -> r.session().plan()),
                    bed -> station.sessions().onBed(bed).flatMap(r -> pharmacy.bagFor(r.session().created().kitId())),
                    Optional.empty());
            String token = DemoSessionIT.signIn(vertx);
            LockStep time = new LockStep(station, clock, sim, STEP, token);

            // given a session on each bed, its baseline taken, and its infusion start confirmed once the cuff took a
            // pre-dose reading (the station refuses the start before one)
            for (String bed : beds) {
                SessionView view = DemoSessionIT.send(vertx, token, new SessionCommand.CreateSession(StationMain.DEMO_USER, bed,
                        "ketamine-midazolam-active-placebo", "SIM-1" + bed.substring(4), 70, "KIT-01" + bed.substring(4))).view();
                while (view.nextSteps().get(0) != Step.CONFIRM_INFUSION_START) {
                    view = DemoSessionIT.send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, bed,
                            view.nextSteps().get(0), null)).view();
                }
            }
            Map<String, Instant> starts = new HashMap<>();
            for (int tries = 0; starts.size() < beds.size(); tries++) {
                assertTrue(tries < 60, "the cuff took a pre-dose reading within 10 simulated minutes: " + starts.keySet());
                time.advance(Duration.ofSeconds(10));
                for (String bed : beds) {
                    if (!starts.containsKey(bed) && confirmStart(vertx, token, bed)) {
                        // the nurse heard the confirmed start and started the pump; the scenario runs from that moment
                        Eventually.waitUntil(Duration.ofSeconds(60), bed + ": the simulated nurse started the pump",
                                () -> sim.state(bed).pump().state() == PumpState.INFUSING);
                        sim.startScenario(Scenario.load(SCENARIOS.get(bed)).withoutPumpStart(), List.of(bed));
                        starts.put(bed, clock.instant());
                    }
                }
            }

            // when every timeline runs out
            time.advance(RUN);
            for (String bed : beds) {
                assertEquals(0, sim.state(bed).pendingEvents(), bed + " ran its whole scenario");
            }
            Eventually.waitUntil(Duration.ofSeconds(60), "the station raised what each scenario is meant to",
                    () -> beds.stream().allMatch(b -> ids(b).containsAll(EXPECTED.get(b))));

            // then each bed raised what its scenario is meant to, what it may, nothing else, nothing before its time:
            // the uneventful infusion nothing at all; the hypertension the systolic alarm and hold advisory from
            // minute 25; the desaturation the SpO2 alarms, the SpO2 hold advisory and the apnoea's EtCO2 alarm from
            // minute 30; the occlusion the pump's alarm at minute 15 and nothing physiological; the device failures
            // the missed cuff reading and the silent monitor, no SpO2, pressure or breathing alarm
            assertAll(beds.stream().map(bed -> () -> assertAlarms(bed, starts.get(bed))));
            // and the uneventful infusion ran on at the plan's rate to the end of the run, the station following it
            assertEquals(PumpState.INFUSING, sim.state("bed-01").pump().state());
            assertEquals(time.view("bed-01").plan().rateMlPerHour(), sim.state("bed-01").pump().rateMlPerHour(), 1e-9);
            // and the occlusion bed's patient got the pharmacy's midazolam bag (the simulator's own view; the station
            // knows only volumes and rates), a kit the pharmacy did not list keeps the default ketamine bag
            assertEquals("MIDAZOLAM", sim.state("bed-04").drug());
            assertTrue(sim.state("bed-04").sedation() > 0.1, "sedated: " + sim.state("bed-04").sedation());
            assertEquals("KETAMINE", sim.state("bed-03").drug());
            for (String bed : beds) {
                DemoSessionIT.send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, bed, Step.CLOSE, "test ends"));
            }
        } finally {
            if (nurse != null) {
                nurse.close();
            }
            if (sim != null) {
                sim.close();
            }
            station.close();
            TempFolders.deleteTree(dataDir);
            System.out.printf("ScenarioSessionsIT: %.0f s%n", (System.nanoTime() - began) / 1e9);
        }
    }

    /** Asks for the confirmed infusion start; false when the station refuses it (no pre-dose cuff reading yet). */
    private static boolean confirmStart(Vertx vertx, String token, String bed) throws InterruptedException {
        try {
            DemoSessionIT.send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, bed, Step.CONFIRM_INFUSION_START, null));
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception refused) {
            return false;
        }
    }

    /**
     * The bed raised every alarm it is meant to, perhaps some it may, and nothing else; nothing before its minute of
     * the infusion. Alarm ids are compared without their device suffix.
     */
    private void assertAlarms(String bed, Instant start) {
        List<AlarmEvent> raised = raised(bed);
        Set<String> ids = ids(bed);
        String seen = bed + " (" + SCENARIOS.get(bed) + ") raised " + raised.stream().map(a -> a.alarmId() + " at "
                + Duration.between(start, a.at()).toSeconds() + " s").toList();
        assertTrue(ids.containsAll(EXPECTED.get(bed)), seen);
        Set<String> unexpected = new TreeSet<>(ids);
        unexpected.removeAll(EXPECTED.get(bed));
        unexpected.removeAll(ALLOWED.get(bed));
        assertEquals(Set.of(), unexpected, seen);
        if (!raised.isEmpty()) {
            assertTrue(Duration.between(start, raised.get(0).at()).toMinutes() >= NOT_BEFORE.get(bed), seen);
        }
    }

    private List<AlarmEvent> raised(String bed) {
        return of(bed).stream().flatMap(u -> u.outcome().alarms().stream())
                .filter(a -> a.kind() == AlarmEvent.Kind.RAISED || a.kind() == AlarmEvent.Kind.HOLD_ADVISED).toList();
    }

    private Set<String> ids(String bed) {
        Set<String> ids = new TreeSet<>();
        raised(bed).forEach(a -> ids.add(kind(a.alarmId())));
        return ids;
    }

    /** {@code TECH:DEVICE_SILENT:monitor} -> {@code TECH:DEVICE_SILENT}; limit and hold ids are kept whole. */
    private static String kind(String alarmId) {
        if (alarmId.startsWith("TECH:")) {
            String[] parts = alarmId.split(":");
            return parts[0] + ":" + parts[1];
        }
        return alarmId;
    }

    private List<SessionUpdate> of(String bed) {
        return updates.stream().filter(u -> u.bedId().equals(bed)).toList();
    }
}
