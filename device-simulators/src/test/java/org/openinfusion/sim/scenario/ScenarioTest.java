package org.openinfusion.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.mqtt.OutgoingMessage;
import org.openinfusion.sim.mqtt.SimulatedBed;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.SimulatedPatient;

class ScenarioTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bed with an idle pump running {@code scenario} from time 0, advanced minute by minute to {@code minutes}. */
    private static List<JsonNode> numericsOf(String scenario, long seed, int minutes, String device) {
        SimulatedBed bed = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(seed, Pump.idle()));
        Scenario.load(scenario).eventsFor("bed-01").forEach(bed::schedule);
        List<JsonNode> records = new ArrayList<>();
        for (int minute = 1; minute <= minutes; minute++) {
            for (OutgoingMessage m : bed.advanceTo(START.plusSeconds(60L * minute))) {
                if (m.topic().endsWith(device + "/numerics")) {
                    try {
                        JSON.readTree(m.payload()).forEach(records::add);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return records;
    }

    private static List<Double> values(List<JsonNode> records, String stream) {
        return records.stream().filter(r -> r.get("n").asText().equals(stream)).map(r -> r.get("v").asDouble()).toList();
    }

    @Test
    void everyShippedScenarioLoadsWithADescriptionAndEvents() {
        for (String name : Scenario.SHIPPED) {
            Scenario scenario = Scenario.load(name);
            assertEquals(name, scenario.name());
            assertFalse(scenario.description().isBlank(), name);
            assertFalse(scenario.title().isBlank() || scenario.title().equals(name), "a title for people: " + name);
            assertTrue(scenario.eventsFor("bed-07").size() >= 2, name);
        }
    }

    @Test
    void aScenarioFileWithoutATitleIsTitledByItsNameInWords() {
        Scenario untitled = parse("""
                name: slow-drift
                timeline:
                  "*":
                    - {at: 1m, action: start-pump}
                """);
        assertEquals("Slow drift", untitled.title());
    }

    @Test
    void theHypertensionScenarioIsInEffectWhileItsPressureIsHeldAfterItsLastEvent() {
        SimulatedBed bed = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(3, Pump.idle()));
        Scenario.load("hypertension").eventsFor("bed-01").forEach(bed::schedule);
        bed.advanceTo(START.plusSeconds(24 * 60));
        assertFalse(bed.patient().conditions().inEffect(24 * 60 - 1), "nothing changed yet at minute 24");
        bed.advanceTo(START.plusSeconds(30 * 60));
        assertTrue(bed.scheduled().isEmpty(), "every event applied by minute 30");
        assertTrue(bed.patient().conditions().inEffect(30 * 60), "the raised pressure is held until minute 47");
        assertTrue(bed.patient().conditions().inEffect(48 * 60), "and ramps back until minute 49");
        assertFalse(bed.patient().conditions().inEffect(50 * 60), "over by minute 50");
    }

    @Test
    void theHypertensionScenarioTakesTheCuffReadingsAboveTheHoldLimitAfterMinute27() {
        List<JsonNode> monitor = numericsOf("hypertension", 5, 46, "monitor");
        List<Double> systolic = values(monitor, "nibp_sys");
        // cuff cycles end 25-40 s after each 5-minute mark: readings 0-5 before minute 25, 6-8 after 30
        assertTrue(systolic.subList(0, 5).stream().allMatch(v -> v < 160), "before: " + systolic);
        assertTrue(systolic.subList(6, 9).stream().allMatch(v -> v > 180), "after: " + systolic);
    }

    @Test
    void theUneventfulScenarioStaysInsideTheProtocolAlarmLimits() {
        List<JsonNode> monitor = numericsOf("uneventful", 5, 60, "monitor");
        assertTrue(values(monitor, "nibp_sys").stream().allMatch(v -> v > 90 && v < 180), values(monitor, "nibp_sys").toString());
        assertTrue(values(monitor, "nibp_dia").stream().allMatch(v -> v > 50 && v < 100));
        assertTrue(values(monitor, "hr").stream().allMatch(v -> v > 50 && v < 110));
        assertTrue(values(monitor, "spo2").stream().allMatch(v -> v >= 95));
        assertTrue(values(monitor, "rr").stream().allMatch(v -> v >= 10 && v <= 30));
    }

    @Test
    void theOcclusionScenarioHaltsThePumpFromMinute15To18() {
        List<JsonNode> pump = numericsOf("pump-occlusion", 5, 20, "pump");
        List<String> alarms = pump.stream().filter(r -> r.get("n").asText().equals("pump_alarm"))
                .map(r -> r.get("vs").asText()).toList();
        List<String> states = pump.stream().filter(r -> r.get("n").asText().equals("pump_state"))
                .map(r -> r.get("vs").asText()).toList();
        assertEquals("none", alarms.get(899));
        assertEquals("occlusion", alarms.get(901));
        assertEquals("paused", states.get(901));
        assertEquals("none", alarms.get(18 * 60 + 1));
        assertEquals("infusing", states.get(18 * 60 + 1));
    }

    @Test
    void theSameSeedReplaysTheSameScenarioByteForByte() {
        SimulatedBed a = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(9, Pump.idle()));
        SimulatedBed b = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(9, Pump.idle()));
        Scenario.load("device-failures").eventsFor("bed-01").forEach(a::schedule);
        Scenario.load("device-failures").eventsFor("bed-01").forEach(b::schedule);
        for (int second = 290; second <= 1500; second += 290) {
            List<OutgoingMessage> first = a.advanceTo(START.plusSeconds(second));
            List<OutgoingMessage> second2 = b.advanceTo(START.plusSeconds(second));
            assertEquals(first.size(), second2.size());
            for (int i = 0; i < first.size(); i++) {
                assertTrue(Arrays.equals(first.get(i).payload(), second2.get(i).payload()));
            }
        }
    }

    @Test
    void anUnpluggedMonitorSendsNothingForItsTwoMinutes() {
        SimulatedBed bed = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(9, Pump.idle()));
        Scenario.load("device-failures").eventsFor("bed-01").forEach(bed::schedule);
        bed.advanceTo(START.plusSeconds(22 * 60));
        List<OutgoingMessage> unplugged = bed.advanceTo(START.plusSeconds(24 * 60));
        assertTrue(unplugged.stream().noneMatch(m -> m.device().equals("monitor")));
        assertTrue(unplugged.stream().anyMatch(m -> m.device().equals("pump")));
        assertTrue(bed.advanceTo(START.plusSeconds(24 * 60 + 2)).stream().anyMatch(m -> m.device().equals("monitor")));
    }

    @Test
    void mistakesInAScenarioFileAreNamed() {
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> parse("""
                name: x
                timeline:
                  "*":
                    - {at: 1m, action: dance}
                """));
        assertTrue(unknown.getMessage().contains("event 1") && unknown.getMessage().contains("dance"), unknown.getMessage());
        ScenarioException time = assertThrows(ScenarioException.class, () -> parse("""
                name: x
                timeline:
                  bed-01:
                    - {at: soon, action: start-pump}
                """));
        assertTrue(time.getMessage().contains("soon"), time.getMessage());
        assertThrows(ScenarioException.class, () -> parse("name: x\n"));
        assertThrows(ScenarioException.class, () -> Scenario.load("no-such-scenario"));
    }

    @Test
    void aRefusedPumpCommandIsLoggedAndTheTimelineGoesOn() {
        SimulatedBed bed = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(9, Pump.idle()));
        bed.schedule(new BedEvent.Timed(10, new BedEvent.StartPump()));
        bed.schedule(new BedEvent.Timed(20, new BedEvent.ProgramPump(150, 100)));
        bed.advanceTo(START.plusSeconds(30));
        assertTrue(bed.eventLog().get(0).contains("refused"), bed.eventLog().toString());
        assertTrue(bed.eventLog().get(1).contains("program pump"), bed.eventLog().toString());
    }

    private static Scenario parse(String yaml) {
        return Scenario.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
