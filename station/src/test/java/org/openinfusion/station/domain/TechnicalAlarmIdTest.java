package org.openinfusion.station.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TechnicalAlarmIdTest {
    @Test
    void aDevicesAlarmAndAStationsAlarmAreFormattedAndParsedBack() {
        TechnicalAlarmId device = TechnicalAlarmId.ofDevice("DEVICE_OFFLINE", "spare-monitor");
        assertEquals("TECH:DEVICE_OFFLINE:spare-monitor", device.format());
        assertEquals(Optional.of(device), TechnicalAlarmId.parse(device.format()));
        TechnicalAlarmId station = TechnicalAlarmId.of("STORE_UNREACHABLE");
        assertEquals("TECH:STORE_UNREACHABLE", station.format());
        assertEquals(Optional.of(station), TechnicalAlarmId.parse("TECH:STORE_UNREACHABLE"));
        assertTrue(device.is("TECH:DEVICE_OFFLINE:spare-monitor"));
    }

    @Test
    void aDeviceIdWithAColonStaysWhole() {
        assertEquals(Optional.of(TechnicalAlarmId.ofDevice("SENSOR_OFF", "s5:port2")), TechnicalAlarmId.parse("TECH:SENSOR_OFF:s5:port2"));
    }

    @Test
    void otherAlarmsAndBrokenIdsAreNotTechnicalAlarms() {
        for (String other : new String[] {"LIMIT:spo2:low", "HOLD:dbp-100", "NIBP_DUE", "TECH:", "TECH::monitor", "TECH:CODE:", "tech:X", ""}) {
            assertEquals(Optional.empty(), TechnicalAlarmId.parse(other), other);
        }
        assertEquals(Optional.empty(), TechnicalAlarmId.parse(null));
        assertThrows(IllegalArgumentException.class, () -> TechnicalAlarmId.of("A:B"));
        assertThrows(IllegalArgumentException.class, () -> TechnicalAlarmId.ofDevice("X", " "));
    }

    @Test
    void theMessageLosesTheDevicesIdInBothItsForms() {
        TechnicalAlarmId id = TechnicalAlarmId.ofDevice("FRAME_ERRORS", "mon-s5-7");
        assertEquals("12 damaged frames in 10 s", id.messageWithoutDevice("bed-01/mon-s5-7: 12 damaged frames in 10 s"));
        assertEquals("12 damaged frames", id.messageWithoutDevice("mon-s5-7: 12 damaged frames"));
        // only the whole id: a longer id that starts with it stays
        assertEquals("mon-s5-77 is fine", id.messageWithoutDevice("mon-s5-77 is fine"));
        assertEquals("", id.messageWithoutDevice("bed-01/mon-s5-7"));
        // an alarm of no device keeps its message
        assertEquals("bed-01/x: y", TechnicalAlarmId.of("PUMP_ALARM").messageWithoutDevice("bed-01/x: y"));
    }
}
