package org.openinfusion.sim.asena;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16CcittTest {

    @Test
    void theReferenceTestVectorsMatch() {
        assertEquals("4961", Crc16Ccitt.hex("INF"));
        assertEquals("38F3", Crc16Ccitt.hex("INF_START"));
        assertEquals("CD57", Crc16Ccitt.hex("INF_STOP"));
        assertEquals("4433", Crc16Ccitt.hex("INF_VTBI^ACTIV^11.000^ml^STOP"));
    }

    @Test
    void theStandardCheckValueOfCcittFalseMatches() {
        assertEquals(0x29B1, Crc16Ccitt.of("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void framesCarryTheCrcAsFourUpperCaseHexDigits() {
        assertEquals("!INF|4961\r", new String(AsenaFrame.encode("INF"), StandardCharsets.US_ASCII));
        assertEquals("!INF|4962\r", new String(AsenaFrame.encode("INF", true), StandardCharsets.US_ASCII));
    }
}
