package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.signal.InfusionPlan;

class SimulatedBedTest {

    static final Instant START = Instant.parse("2025-11-22T08:00:00Z");
    private static final long START_MICROS = START.getEpochSecond() * 1_000_000;

    @Test
    void tenSimulatedSecondsGiveExactlyTheExpectedSampleCounts() {
        // given
        SimulatedBed bed = bed(42);
        // when
        List<OutgoingMessage> messages = bed.advanceTo(START.plusSeconds(10));
        // then
        Map<String, Long> counted = Messages.countPerStream(messages);
        Map<String, Long> expected = new TreeMap<>(Map.of("ecg_i", 5000L, "ecg_ii", 5000L, "ecg_iii", 5000L,
                "pleth", 1250L, "co2", 625L, "hr", 10L, "spo2", 10L, "pr", 10L, "etco2", 10L, "rr", 10L));
        expected.putAll(Map.of("pump_rate", 10L, "pump_vi", 10L, "pump_vtbi", 10L, "pump_state", 10L,
                "pump_alarm", 10L));
        assertEquals(expected, counted);
        assertEquals(expected, bed.producedCounts());
        assertEquals(5000, bed.produced("ecg_ii"));
    }

    @Test
    void everyWaveformChunkHolds256MillisecondsOfSamples() {
        // given
        SimulatedBed bed = bed(42);
        Map<String, Integer> perChunk = Map.of("ecg_i", 128, "ecg_ii", 128, "ecg_iii", 128, "pleth", 32, "co2", 16);
        // when
        List<OutgoingMessage> messages = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            messages.addAll(bed.advanceBy(Duration.ofMillis(256)));
        }
        // then
        List<OutgoingMessage> chunks = messages.stream().filter(m -> m.topic().contains("/waveforms/")).toList();
        assertEquals(50, chunks.size());
        for (OutgoingMessage chunk : chunks) {
            Wire.Header header = Wire.header(chunk.payload());
            String stream = Messages.lastLevel(chunk.topic());
            assertEquals(perChunk.get(stream), header.count(), stream);
            assertEquals(0, (header.firstMicros() - START_MICROS) % 256_000, stream + " on the 256 ms grid");
        }
    }

    @Test
    void sequenceNumbersAndTimesAreContiguousPerStreamWhateverTheSteps() {
        // given
        SimulatedBed bed = bed(42);
        Map<String, Long> nextSeq = new HashMap<>();
        long[] steps = {333, 1000, 77, 256, 4001, 1, 999, 2500};
        // when / then
        for (long step : steps) {
            for (OutgoingMessage message : bed.advanceBy(Duration.ofMillis(step))) {
                if (message.topic().endsWith("/numerics")) {
                    for (JsonNode record : Wire.senml(message.payload())) {
                        String stream = record.get("n").asText();
                        assertEquals(nextSeq.getOrDefault(stream, 0L), record.get("seq").asLong(), stream);
                        nextSeq.put(stream, record.get("seq").asLong() + 1);
                    }
                } else {
                    String stream = Messages.lastLevel(message.topic());
                    Wire.Header header = Wire.header(message.payload());
                    long period = 1_000_000_000L / header.rateMilliHertz();
                    assertEquals(nextSeq.getOrDefault(stream, 0L), header.firstSeq(), stream);
                    assertEquals(START_MICROS + header.firstSeq() * period, header.firstMicros(), stream);
                    nextSeq.put(stream, header.firstSeq() + header.count());
                }
            }
        }
        assertEquals(bed.producedCounts(), new TreeMap<>(nextSeq));
    }

    @Test
    void unevenStepsGiveTheSameSamplesAsOneBigStep() {
        // given
        SimulatedBed once = bed(42);
        SimulatedBed stepped = bed(42);
        // when
        List<OutgoingMessage> inOneGo = once.advanceTo(START.plusSeconds(5));
        List<OutgoingMessage> inSteps = new ArrayList<>();
        while (stepped.position().plusMillis(123).isBefore(START.plusSeconds(5))) {
            inSteps.addAll(stepped.advanceBy(Duration.ofMillis(123)));
        }
        inSteps.addAll(stepped.advanceTo(START.plusSeconds(5)));
        // then
        assertEquals(2500, Messages.samplesOf(inSteps, "ecg_iii").size());
        assertEquals(Messages.samplesOf(inOneGo, "ecg_iii"), Messages.samplesOf(inSteps, "ecg_iii"));
        assertEquals(Messages.samplesOf(inOneGo, "co2"), Messages.samplesOf(inSteps, "co2"));
    }

    @Test
    void sameSeedGivesIdenticalMessagesAndDifferentSeedsDiffer() {
        // when
        List<OutgoingMessage> first = bed(42).advanceTo(START.plusSeconds(3));
        List<OutgoingMessage> again = bed(42).advanceTo(START.plusSeconds(3));
        List<OutgoingMessage> other = bed(43).advanceTo(START.plusSeconds(3));
        // then
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).topic(), again.get(i).topic());
            assertArrayEquals(first.get(i).payload(), again.get(i).payload(), first.get(i).topic());
        }
        assertNotEquals(Messages.samplesOf(first, "ecg_ii"), Messages.samplesOf(other, "ecg_ii"));
        assertNotEquals(Messages.samplesOf(first, "pleth"), Messages.samplesOf(other, "pleth"));
    }

    @Test
    void dataUsesQosOneAndOnlyStatusIsRetained() {
        // given
        SimulatedBed bed = bed(42);
        // when
        List<OutgoingMessage> data = bed.advanceTo(START.plusSeconds(2));
        OutgoingMessage offline = bed.status("pump", false);
        // then
        assertTrue(data.stream().allMatch(m -> m.qos() == 1 && !m.retained()));
        assertEquals("station/v1/beds/bed-01/devices/pump/status", offline.topic());
        assertEquals("offline", offline.payloadText());
        assertTrue(offline.retained());
        assertEquals(List.of("monitor", "pump"), bed.devices());
    }

    @Test
    void goingBackwardsProducesNothing() {
        SimulatedBed bed = bed(42);
        bed.advanceTo(START.plusSeconds(1));
        assertTrue(bed.advanceTo(START.plusMillis(500)).isEmpty());
        assertFalse(bed.advanceTo(START.plusMillis(1001)).isEmpty());
    }

    static SimulatedBed bed(long seed) {
        return new SimulatedBed("bed-01", seed, START, "station/v1", InfusionPlan.defaults());
    }
}
