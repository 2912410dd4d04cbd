package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.sim.mqtt.SimulatedBedTest.START;
import static org.openinfusion.sim.mqtt.SimulatedBedTest.bed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.SimulatedPatient;

/** What the monitor's and the pump's SenML packs say, on the wire. */
class SimulatedBedNumericsTest {

    @Test
    void numericsPacksAreStampedAtTheStartOfEachSecond() {
        // when
        List<OutgoingMessage> packs = bed(1).advanceTo(START.plusSeconds(3)).stream()
                .filter(m -> m.topic().equals("station/v1/beds/bed-01/devices/monitor/numerics")).toList();
        // then
        assertEquals(3, packs.size());
        for (int second = 0; second < 3; second++) {
            JsonNode pack = Wire.senml(packs.get(second).payload());
            assertEquals(START.getEpochSecond() + second, pack.get(0).get("bt").asLong());
        }
    }

    @Test
    void nibpReadingCarriesTheCuffTimeNotThePublishTime() {
        // when: six minutes hold two cuff cycles (starting at 0:00 and 5:00)
        record Reading(double baseTime, JsonNode record) {
        }
        List<Reading> readings = new ArrayList<>();
        for (OutgoingMessage message : bed(42).advanceTo(START.plusSeconds(360))) {
            if (message.topic().endsWith("monitor/numerics")) {
                JsonNode pack = Wire.senml(message.payload());
                pack.forEach(record -> {
                    if (record.get("n").asText().equals("nibp_sys")) {
                        readings.add(new Reading(pack.get(0).get("bt").asDouble(), record));
                    }
                });
            }
        }
        // then
        assertEquals(2, readings.size());
        for (int cycle = 0; cycle < 2; cycle++) {
            Reading reading = readings.get(cycle);
            double offset = reading.record().path("t").asDouble(0);
            double intoCycle = reading.baseTime() + offset - START.getEpochSecond() - cycle * 300;
            assertTrue(offset <= 0 && offset > -1, "t " + offset);
            assertTrue(intoCycle >= 25 && intoCycle <= 40, "cuff cycle ended " + intoCycle + " s in");
            assertEquals(cycle, reading.record().get("seq").asLong());
        }
    }

    @Test
    void pumpReportsStandbyThenInfusesAtTheProgrammedRate() {
        // given the infusion starting one minute in
        SimulatedBed bed = bed(42);
        // when
        JsonNode standby = Messages.lastPumpPack(bed.advanceTo(START.plusSeconds(31)));
        JsonNode infusing = Messages.lastPumpPack(bed.advanceTo(START.plusSeconds(91)));
        // then
        assertAll(
                () -> assertEquals("standby", Messages.value(standby, "pump_state").asText()),
                () -> assertEquals(0.0, Messages.value(standby, "pump_rate").asDouble()),
                () -> assertEquals(100.0, Messages.value(standby, "pump_vtbi").asDouble()),
                () -> assertEquals("none", Messages.value(standby, "pump_alarm").asText()),
                () -> assertEquals("infusing", Messages.value(infusing, "pump_state").asText()),
                () -> assertEquals(150.0, Messages.value(infusing, "pump_rate").asDouble()),
                () -> assertEquals(1.25, Messages.value(infusing, "pump_vi").asDouble()),
                () -> assertEquals("mL/h", record(infusing, "pump_rate").get("u").asText()),
                () -> assertEquals("pump_state", infusing.get(0).get("n").asText(), "state before the numbers"));
    }

    @Test
    void infusionCompletesWithThePlannedVolumeAtFortyMinutes() {
        // given a short run: the infusion starts at once
        SimulatedBed bed = new SimulatedBed("bed-02", 42, START, "station/v1",
                InfusionPlan.defaults().withStartOffset(Duration.ZERO));
        // when
        JsonNode beforeEnd = Messages.lastPumpPack(bed.advanceTo(START.plusSeconds(40 * 60)));
        JsonNode atEnd = Messages.lastPumpPack(bed.advanceTo(START.plusSeconds(40 * 60 + 1)));
        // then
        assertEquals("infusing", Messages.value(beforeEnd, "pump_state").asText());
        assertEquals("completed", Messages.value(atEnd, "pump_state").asText());
        assertEquals(100.0, Messages.value(atEnd, "pump_vi").asDouble());
        assertEquals(0.0, Messages.value(atEnd, "pump_vtbi").asDouble());
    }

    @Test
    void aMonitorWithoutWaveformsSendsTheSameNumericsAndNothingElse() {
        // given two beds with the same patient, one sending numerics only
        SimulatedBed full = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(7, Pump.running(InfusionPlan.defaults())));
        SimulatedBed lean = new SimulatedBed("bed-01", START, "station/v1", new SimulatedPatient(7, Pump.running(InfusionPlan.defaults())),
                false);
        // when ten simulated minutes pass (two cuff cycles, the infusion started)
        List<OutgoingMessage> all = full.advanceTo(START.plusSeconds(600));
        List<OutgoingMessage> numericsOnly = lean.advanceTo(START.plusSeconds(600));
        // then the lean bed sent exactly the full bed's numerics packs, byte for byte, and no waveform chunk
        List<String> expected = all.stream().filter(m -> !m.topic().contains("/waveforms/"))
                .map(m -> m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)).toList();
        List<String> sent = numericsOnly.stream()
                .map(m -> m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)).toList();
        assertTrue(all.size() > expected.size(), "the full bed sent waveforms");
        assertEquals(expected, sent);
        assertEquals(0, lean.produced("ecg_ii"));
        assertEquals(full.produced("hr"), lean.produced("hr"));
    }

    private static JsonNode record(JsonNode pack, String stream) {
        for (JsonNode record : pack) {
            if (record.get("n").asText().equals(stream)) {
                return record;
            }
        }
        throw new AssertionError("no " + stream + " in " + pack);
    }
}
