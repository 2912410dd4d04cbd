package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenmlEncoderTest {

    private static final long BASE = 1_763_800_000_000_000L;

    private final SenmlEncoder encoder = new SenmlEncoder();

    @Test
    void packIsAJsonArrayWithNameTimeValueUnitAndSequence() {
        // given
        List<SenmlRecord> records = List.of(
                SenmlRecord.numeric(NumericStream.HR, 72, BASE, 1041),
                SenmlRecord.numeric(NumericStream.SPO2, 98, BASE, 1041));
        // when
        JsonNode pack = Wire.senml(encoder.encode(BASE, records));
        // then
        JsonNode hr = pack.get(0);
        JsonNode spo2 = pack.get(1);
        assertAll(
                () -> assertTrue(pack.isArray()),
                () -> assertEquals(2, pack.size()),
                () -> assertEquals(1_763_800_000L, hr.get("bt").asLong()),
                () -> assertEquals("hr", hr.get("n").asText()),
                () -> assertEquals("/min", hr.get("u").asText()),
                () -> assertEquals(72, hr.get("v").asInt()),
                () -> assertTrue(hr.get("seq").isIntegralNumber()),
                () -> assertEquals(1041, hr.get("seq").asLong()),
                () -> assertEquals("spo2", spo2.get("n").asText()),
                () -> assertEquals("%", spo2.get("u").asText()),
                () -> assertFalse(spo2.has("bt")),
                () -> assertFalse(spo2.has("t")));
    }

    @Test
    void recordTakenAtAnotherTimeCarriesItsOffsetFromTheBaseTime() {
        // given: an NIBP reading taken 2.5 s before the pack
        List<SenmlRecord> records = List.of(
                SenmlRecord.numeric(NumericStream.HR, 72, BASE, 0),
                SenmlRecord.numeric(NumericStream.NIBP_SYS, 124, BASE - 2_500_000, 12));
        // when
        JsonNode nibp = Wire.senml(encoder.encode(BASE, records)).get(1);
        // then
        assertEquals(-2.5, nibp.get("t").asDouble());
        assertEquals("mm[Hg]", nibp.get("u").asText());
    }

    @Test
    void stateStreamsCarryAStringValueAndNoUnit() {
        // given
        List<SenmlRecord> records = List.of(SenmlRecord.state(NumericStream.PUMP_STATE, "infusing", BASE, 3));
        // when
        JsonNode state = Wire.senml(encoder.encode(BASE, records)).get(0);
        // then
        assertEquals("infusing", state.get("vs").asText());
        assertFalse(state.has("v"));
        assertFalse(state.has("u"));
    }

    @Test
    void timesAreAbsoluteDecimalSecondsKeepingMicroseconds() {
        assertEquals("1763800000.123456", SenmlEncoder.seconds(1_763_800_000_123_456L));
        assertEquals("1763800000", SenmlEncoder.seconds(1_763_800_000_000_000L));
        assertEquals("-0.5", SenmlEncoder.seconds(-500_000));
    }

    @Test
    void valuesAreRoundedToTheStreamsDecimals() {
        // given
        List<SenmlRecord> records = List.of(SenmlRecord.numeric(NumericStream.PUMP_VI, 12.345678, BASE, 0));
        // when
        String json = new String(encoder.encode(BASE, records), StandardCharsets.UTF_8);
        // then
        assertTrue(json.contains("\"v\":12.35"), json);
    }

    @Test
    void recordsRefuseWhatTheStationWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> SenmlRecord.numeric(NumericStream.HR, Double.NaN, BASE, 0));
        assertThrows(IllegalArgumentException.class, () -> SenmlRecord.numeric(NumericStream.HR, 70, BASE, -1));
        assertThrows(IllegalArgumentException.class, () -> SenmlRecord.numeric(NumericStream.PUMP_STATE, 1, BASE, 0));
    }
}
