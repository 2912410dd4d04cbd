package org.openinfusion.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Technical alarms name the device by its kind and its bed, never by its configured id. */
class AlarmWordingTest {
    private static final Map<String, DeviceWording.Kind> BED = Map.of("mon-s5-7", DeviceWording.Kind.MONITOR,
            "spare-mon-22", DeviceWording.Kind.MONITOR, "asena-3", DeviceWording.Kind.PUMP);

    private static String words(String id, String message) {
        return AlarmWording.of(id, message, "bed-01", d -> DeviceWording.name(d, BED));
    }

    @Test
    void aDevicesTechnicalAlarmNamesItsKindAndBedNeverItsId() {
        assertEquals("Monitor silent (bed 1)", words("TECH:DEVICE_SILENT:mon-s5-7", "bed-01/mon-s5-7 sent nothing for 12 s"));
        assertEquals("Monitor 2 disconnected (bed 1)", words("TECH:DEVICE_OFFLINE:spare-mon-22", "spare-mon-22 offline"));
        assertEquals("Pump disconnected (bed 1)", words("TECH:DEVICE_DISCONNECTED:asena-3", "bed-01/asena-3: port vanished"));
        assertEquals("Monitor: sensor off (bed 1)", words("TECH:SENSOR_OFF:mon-s5-7", "mon-s5-7: SpO2 sensor off"));
        assertEquals("Pump: repeated time stamps (bed 1)", words("TECH:TIME_COLLISIONS:asena-3", "asena-3: samples keep arriving"));
        String other = words("TECH:FRAME_ERRORS:mon-s5-7", "bed-01/mon-s5-7: 12 damaged frames in 10 s");
        assertEquals("Monitor: 12 damaged frames in 10 s (bed 1)", other);
        assertFalse(other.contains("mon-s5-7"));
    }

    @Test
    void devicesAndBedsReadAsStaffNameThem() {
        assertEquals("bed 1", DeviceWording.bed("bed-01"));
        assertEquals("bed 12", DeviceWording.bed("bed-12"));
        assertEquals("icu 3", DeviceWording.bed("icu-3"));
        assertEquals(DeviceWording.Kind.PUMP, DeviceWording.guess("alaris-pump-2"));
        assertEquals(DeviceWording.Kind.MONITOR, DeviceWording.guess("spare-monitor"));
        assertEquals(DeviceWording.Kind.DEVICE, DeviceWording.guess("x7"));
        assertEquals("Monitor", DeviceWording.name("mon-s5-7", BED));
        assertEquals("Monitor 2", DeviceWording.name("spare-mon-22", BED));
        assertEquals("Pump", DeviceWording.name("asena-3", BED));
        // without the bed at hand: the kind its id suggests
        assertEquals("Monitor disconnected", AlarmWording.of("TECH:DEVICE_OFFLINE:spare-monitor", "spare-monitor offline"));
    }
}
