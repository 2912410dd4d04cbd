package org.openinfusion.station.device.asena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.RecordingOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;

class AsenaProtocolTest {
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump1");
    private static final Instant NOW = Instant.parse("2025-11-22T10:00:00Z");

    private final AsenaDecoder decoder = new AsenaDecoder(PUMP);
    private final RecordingOutput out = new RecordingOutput();

    private void feed(byte[] b) {
        decoder.decode(b, 0, b.length, NOW, out);
    }

    private Map<Stream, Object> values() {
        return out.observations.stream().collect(Collectors.toMap(Observation::stream,
                o -> o instanceof NumericSample n ? (Object) n.value() : ((StateSample) o).value(), (a, b) -> b));
    }

    @Test
    void crcMatchesTheReferenceVectors() {
        assertEquals(0x4961, Crc16.of("INF"));
        assertEquals(0x38F3, Crc16.of("INF_START"));
        assertEquals(0xCD57, Crc16.of("INF_STOP"));
        assertEquals(0x4433, Crc16.of("INF_VTBI^ACTIV^11.000^ml^STOP"));
    }

    @Test
    void encodesTheReadOnlyQueries() {
        assertEquals("!INF|4961\r", new String(AsenaEncoder.encode(AsenaQuery.INF), StandardCharsets.US_ASCII));
        assertEquals("!ALARM|" + Crc16.hex(Crc16.of("ALARM")) + "\r", new String(AsenaEncoder.encode(AsenaQuery.ALARM), StandardCharsets.US_ASCII));
    }

    @Test
    void anInfResponseMapsOntoThePumpStreams() {
        feed(AsenaTestFrames.inf("NO_ALARM", "INFUSING", "2.500", "1.250", "01:30:05"));

        Map<Stream, Object> v = values();
        assertEquals("infusing", v.get(Stream.PUMP_STATE));
        assertEquals("none", v.get(Stream.PUMP_ALARM));
        assertEquals(2.5, v.get(Stream.PUMP_RATE));
        assertEquals(1.25, v.get(Stream.PUMP_VOLUME_INFUSED));
        assertEquals(5405.0, v.get(Stream.PUMP_TIME_REMAINING), "1 h 30 min 5 s, stored in seconds as read");
        assertFalse(v.containsKey(Stream.PUMP_VOLUME_TO_BE_INFUSED), "no volume is derived from the time remaining");
        assertEquals(NOW, out.observations.get(0).deviceTime());
        assertTrue(out.problems.isEmpty(), out.details.toString());
    }

    @Test
    void theAnswerOfARealPumpPublishedWithItsChecksumIsReadAsIs() {
        // quoted in OpenICE-derived AlarisMITM.java (mickeywstahl/MDDT) as the pump's actual answer; its CRC matches
        feed("!INF^8002-51733^A^HLD^0.00^ml/h^^0.969^ml^530.15^mmHg^00:04:09^EVENT^214725|DB9D\r".getBytes(StandardCharsets.US_ASCII));

        Map<Stream, Object> v = values();
        assertEquals(0.0, v.get(Stream.PUMP_RATE));
        assertEquals(0.969, v.get(Stream.PUMP_VOLUME_INFUSED));
        assertEquals(249.0, v.get(Stream.PUMP_TIME_REMAINING), "00:04:09 with the pump on hold at 0 ml/h: not volume / rate");
        assertEquals("paused", v.get(Stream.PUMP_STATE), "HLD: on hold");
        assertEquals("other", v.get(Stream.PUMP_ALARM), "A: an alarm is showing (the same code writes - for none)");
        assertTrue(out.problems.isEmpty(), out.details.toString());
    }

    @Test
    void aTimeRemainingInAnUnknownFormIsCountedAndNotStored() {
        for (String field : List.of("2400", "1:30", "1:75:00", "abc")) {
            out.observations.clear();
            out.problems.clear();
            feed(AsenaTestFrames.inf("NONE", "INFUSING", "150", "1", field));
            assertFalse(values().containsKey(Stream.PUMP_TIME_REMAINING), field);
            assertFalse(values().containsKey(Stream.PUMP_VOLUME_TO_BE_INFUSED), field);
            assertEquals(1, out.count(Problem.UNKNOWN_VALUE), field + ": " + out.details);
        }
    }

    @Test
    void alarmWordsMapOntoThePumpAlarmValues() {
        assertEquals("occlusion", AsenaWords.alarm("OCCLUSION_DOWNSTREAM"));
        assertEquals("near_end", AsenaWords.alarm("NEAR_END_OF_INFUSION"));
        assertEquals("end_of_infusion", AsenaWords.alarm("END_OF_INFUSION"));
        assertEquals("air_in_line", AsenaWords.alarm("AIR_IN_LINE"));
        // alarm codes listed in AlarisMITM.java (mickeywstahl/MDDT), answers of the form ALARM^AL_OCCLU^OCCLUSION^
        assertEquals("none", AsenaWords.alarm("AL_NOALM"));
        assertEquals("none", AsenaWords.alarm("-"));
        assertEquals("near_end", AsenaWords.alarm("AL_NEOIN"));
        assertEquals("end_of_infusion", AsenaWords.alarm("AL_EOIST"));
        assertEquals("battery_low", AsenaWords.alarm("AL_LWBAT"));
        assertEquals("occlusion", AsenaWords.alarm("AL_OCCLU"));
        assertEquals("other", AsenaWords.alarm("SOMETHING_NEW"));
        assertEquals("paused", AsenaWords.state("PAUSED").orElseThrow());
        assertEquals("completed", AsenaWords.state("INFUSION_COMPLETE").orElseThrow());
        feed(AsenaTestFrames.frame("ALARM^OCCLUSION"));
        assertEquals("occlusion", values().get(Stream.PUMP_ALARM));
    }

    @Test
    void anUnknownModeOrUnitIsCountedAndTheRestStillMaps() {
        feed(AsenaTestFrames.frame("INF^1^NONE^WEIRD^5^l/min^x^2^ml^1^mmHg^^LOG^1"));

        Map<Stream, Object> v = values();
        assertEquals(2.0, v.get(Stream.PUMP_VOLUME_INFUSED));
        assertTrue(!v.containsKey(Stream.PUMP_STATE) && !v.containsKey(Stream.PUMP_RATE));
        assertEquals(2, out.count(Problem.UNKNOWN_VALUE));
    }

    @Test
    void badCrcTruncationStrayBytesAndOversizeAreCountedAndTheNextFrameDecodes() {
        byte[] good = AsenaTestFrames.frame("ALARM^NONE");
        byte[] badCrc = good.clone();
        badCrc[3] = 'X';
        feed(badCrc);
        feed("garbage!INF^1^".getBytes(StandardCharsets.US_ASCII));
        feed(new byte[] {(byte) 0xF3, (byte) 0x80});
        feed(("!" + "A".repeat(2000) + "\r").getBytes(StandardCharsets.US_ASCII));
        feed("!NOPE\r".getBytes(StandardCharsets.US_ASCII));
        feed(AsenaTestFrames.frame("HELLO"));
        feed(good);

        assertEquals(1, out.count(Problem.BAD_CHECKSUM));
        assertTrue(out.count(Problem.STRAY_BYTES) >= 2, out.details.toString());
        assertEquals(1, out.count(Problem.OVERSIZED));
        assertEquals(1, out.count(Problem.MALFORMED));
        assertEquals(1, out.count(Problem.UNKNOWN_RECORD));
        assertEquals(1, out.observations.size());
    }

    @Test
    void aResponseSplitAcrossReadsIsReassembled() {
        byte[] f = AsenaTestFrames.inf("NONE", "PAUSED", "0", "3", "");
        for (byte b : f) {
            feed(new byte[] {b});
        }
        assertEquals("paused", values().get(Stream.PUMP_STATE));
    }
}
