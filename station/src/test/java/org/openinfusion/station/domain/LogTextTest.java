package org.openinfusion.station.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void lineBreaksControlCharactersAndBackslashesAreWrittenOut() {
        assertEquals("a\\r\\nb\\tc\\\\d\\u001b[31m\\u2028e", LogText.escape("a\r\nb\tc\\d\u001b[31m\u2028e"));
    }

    @Test
    void ordinaryTextIsUnchangedAndNullIsNamed() {
        assertEquals("station/v1/beds/bed-01/devices/mon-1/numerics", LogText.escape("station/v1/beds/bed-01/devices/mon-1/numerics"));
        assertEquals("null", LogText.escape(null));
    }

    @Test
    void aLongValueIsCutAndMarked() {
        String cut = LogText.escape("x".repeat(500));
        assertEquals(LogText.MAX + 3, cut.length());
        assertTrue(cut.endsWith("..."));
        assertEquals("y".repeat(LogText.MAX), LogText.escape("y".repeat(LogText.MAX)), "exactly the limit is not marked");
    }
}
