package org.openinfusion.dashboard.app;

import java.util.Optional;
import org.openinfusion.testing.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.control.SimulatorControl;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.testing.Eventually;

/**
 * The shipped scenarios DemoSessionIT does not cover, through the real station (one demo launcher,
 * three simulated beds, a clock ten times faster than real time): each bed runs one scenario from
 * its confirmed infusion start, and each raises the alarms and advisories it is meant to and
 * nothing else (docs/simulation.md). The occlusion bed's kit holds the midazolam active placebo (the
 * simulated pharmacy's file): its patient follows the sealed arm, and the mild respiratory
 * depression raises no alarm.
 */
class ScenarioSessionsIT {
    /** Ten times real time: three beds' waveforms at 20x outrun two loaded cores (the monitors fall silent). */
    private static final int SPEED = 10;
    private static final List<String> BEDS = List.of("bed-01", "bed-02", "bed-03");
    private static final Map<String, String> SCENARIOS = Map.of("bed-01", "desaturation", "bed-02", "pump-occlusion",
            "bed-03", "device-failures");
    /** What each scenario must raise (alarm ids without their device suffix; docs/simulation.md). */
    private static final Map<String, Set<String>> EXPECTED = Map.of(
            "bed-01", Set.of("LIMIT:spo2:lo95", "LIMIT:spo2:lo92", "HOLD:spo2-92", "LIMIT:etco2:lo25:hi50"),
            "bed-02", Set.of("TECH:PUMP_ALARM"),
            "bed-03", Set.of("NIBP_OVERDUE", "TECH:DEVICE_SILENT"));

    @Test
    void eachScenarioRaisesWhatItIsMeantToAndNothingElse() throws Exception {
        Path dataDir = Files.createTempDirectory("demo-scenarios-");
        Path pharmacy = dataDir.resolve("pharmacy.csv");
        Files.writeString(pharmacy, "# the simulated pharmacist's preparations\nKIT-0102,midazolam,0.025\n");
        long began = System.nanoTime();
        // silence is judged on the fast clock: 10 s of it are 1 s of real time, less than a loaded machine's hiccup, so
        // the station waits 100 s of it (10 s real); the unplugged monitor (2 min) still falls silent
        StationMain demo = StationMain.start(DemoConfig.of(dataDir, Map.of("security.sessionTimeout", "24h",
                        "mqtt.silentAfter", "100s")),
                StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "3", "--seed", "7", "--pharmacy", pharmacy.toString()}),
                new FastClock(SPEED));
        try {
            Vertx vertx = demo.station().vertx();
            SimulatorControl sim = demo.simulator().orElseThrow();
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            vertx.eventBus().<SessionUpdate>localConsumer(Addresses.SESSION_UPDATE, m -> updates.add(m.body()));
            String token = DemoSessionIT.signIn(vertx);
            Map<String, Instant> starts = new ConcurrentHashMap<>();
            // given a session on each bed whose infusion staff confirm; each bed's scenario starts with its infusion
            List<CompletableFuture<Void>> sessions = new ArrayList<>();
            for (String bed : BEDS) {
                sessions.add(CompletableFuture.runAsync(() -> {
                    try {
                        SessionView view = DemoSessionIT.send(vertx, token, new SessionCommand.CreateSession(StationMain.DEMO_USER,
                                bed, "ketamine-midazolam-active-placebo", "SIM-1" + bed.substring(4), 70,
                                "KIT-01" + bed.substring(4))).view();
                        DemoSessionIT.toInfusing(vertx, token, bed, view);
                        sim.startScenario(Scenario.load(SCENARIOS.get(bed)).withoutPumpStart(), List.of(bed));
                        Eventually.waitUntil(Duration.ofSeconds(30), bed + ": the infusion start published",
                                () -> infusionStart(updates, bed).isPresent());
                        starts.put(bed, infusionStart(updates, bed).orElseThrow());
                    } catch (Exception e) {
                        throw new IllegalStateException(bed + ": " + e.getMessage(), e);
                    }
                }));
            }
            CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new)).join();
            // when every timeline has run out (the last event is the emergence reaction at minute 30, for 5 min) and the
            // simulated patients lived two minutes past it
            Eventually.waitUntil(Duration.ofMinutes(8), "every scenario ran to its end",
                    () -> SCENARIOS.keySet().stream().allMatch(b -> sim.state(b).pendingEvents() == 0));
            double end = sim.state("bed-03").simulatedSeconds() + 120;
            Eventually.waitUntil(Duration.ofMinutes(2), "two more simulated minutes",
                    () -> BEDS.stream().allMatch(b -> sim.state(b).simulatedSeconds() >= end));
            try {
                Eventually.waitUntil(Duration.ofMinutes(1), "the station raised what each scenario is meant to",
                        () -> EXPECTED.entrySet().stream().allMatch(e -> ids(updates, e.getKey()).containsAll(e.getValue())));
            } catch (AssertionError late) {
                // the assertions below say which bed lacks which alarm, and what it raised instead
            }

            // then the desaturation raised the SpO2 alarms, the SpO2 hold advisory and the apnoea's EtCO2 and
            // respiratory-rate alarms, nothing before minute 30
            assertAlarms(updates, starts, "bed-01", 30, EXPECTED.get("bed-01"), Set.of("LIMIT:rr:lo10:hi30"));
            // the occlusion raised the pump's alarm at minute 15 and nothing physiological, though this patient got the
            // pharmacy's midazolam bag (the simulator's own view; the station knows only volumes and rates)
            assertAlarms(updates, starts, "bed-02", 15, EXPECTED.get("bed-02"), Set.of());
            assertEquals("MIDAZOLAM", sim.state("bed-02").drug());
            assertTrue(sim.state("bed-02").sedation() > 0.1, "sedated: " + sim.state("bed-02").sedation());
            // the device failures: the missed cuff reading, the silent monitor; the emergence reaction may cross the
            // heart-rate hold limit; no SpO2, pressure or breathing alarm (the artefacts withhold those values)
            assertAlarms(updates, starts, "bed-03", 5, EXPECTED.get("bed-03"), Set.of("HOLD:hr-110", "LIMIT:hr:lo50:hi120"));
            // and a kit the pharmacy did not list keeps the default ketamine bag
            assertEquals("KETAMINE", sim.state("bed-01").drug());
            for (String bed : BEDS) {
                DemoSessionIT.send(vertx, token, new SessionCommand.SessionStep(StationMain.DEMO_USER, bed, Step.CLOSE, "test ends"));
            }
        } finally {
            demo.close();
            TempFolders.deleteTree(dataDir);
            System.out.printf("ScenarioSessionsIT: %.0f s%n", (System.nanoTime() - began) / 1e9);
        }
    }

    /**
     * The bed raised every alarm in {@code expected}, perhaps some in {@code allowed}, and nothing else; nothing
     * before minute {@code notBefore} of its infusion. Alarm ids are compared without their device or value suffix.
     */
    private static void assertAlarms(List<SessionUpdate> updates, Map<String, Instant> starts, String bed, int notBefore,
                                     Set<String> expected, Set<String> allowed) {
        List<AlarmEvent> raised = raised(updates, bed);
        Set<String> ids = ids(updates, bed);
        String seen = bed + " raised " + raised.stream().map(a -> a.alarmId() + " at "
                + Duration.between(starts.get(bed), a.at()).toSeconds() + " s").toList();
        assertTrue(ids.containsAll(expected), seen);
        Set<String> unexpected = new TreeSet<>(ids);
        unexpected.removeAll(expected);
        unexpected.removeAll(allowed);
        assertEquals(Set.of(), unexpected, seen);
        AlarmEvent first = raised.get(0);
        assertTrue(Duration.between(starts.get(bed), first.at()).toMinutes() >= notBefore, seen);
    }

    private static List<AlarmEvent> raised(List<SessionUpdate> updates, String bed) {
        return alarms(updates, bed).stream()
                .filter(a -> a.kind() == AlarmEvent.Kind.RAISED || a.kind() == AlarmEvent.Kind.HOLD_ADVISED).toList();
    }

    private static Set<String> ids(List<SessionUpdate> updates, String bed) {
        Set<String> ids = new TreeSet<>();
        raised(updates, bed).forEach(a -> ids.add(kind(a.alarmId())));
        return ids;
    }

    /** {@code TECH:DEVICE_SILENT:mon-03} -> {@code TECH:DEVICE_SILENT}; limit and hold ids are kept whole. */
    private static String kind(String alarmId) {
        if (alarmId.startsWith("TECH:")) {
            String[] parts = alarmId.split(":");
            return parts[0] + ":" + parts[1];
        }
        return alarmId;
    }

    private static Optional<Instant> infusionStart(List<SessionUpdate> updates, String bed) {
        return DemoSessionIT.sessionEvents(updates(updates, bed)).stream().filter(SessionEvent.InfusionStarted.class::isInstance)
                .findFirst().map(SessionEvent::at);
    }

    private static List<SessionUpdate> updates(List<SessionUpdate> updates, String bed) {
        return updates.stream().filter(u -> u.bedId().equals(bed)).toList();
    }

    private static List<AlarmEvent> alarms(List<SessionUpdate> updates, String bed) {
        return updates(updates, bed).stream().flatMap(u -> u.outcome().alarms().stream()).toList();
    }
}
