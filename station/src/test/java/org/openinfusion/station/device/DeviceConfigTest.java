package org.openinfusion.station.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.DevicesConfig;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;

class DeviceConfigTest {
    private static DevicesConfig devices(Map<String, String> settings) {
        return StationConfig.from(Settings.defaultsWith(settings)).devices();
    }

    @Test
    void noDevicesByDefault() {
        assertTrue(devices(Map.of()).devices().isEmpty());
    }

    @Test
    void devicesAreConfiguredByNameWithTheirProtocolOptions() {
        DevicesConfig c = devices(Map.of("devices", "mon1,pump1",
                "device.mon1.protocol", "s5", "device.mon1.port", "/dev/ttyUSB0", "device.mon1.bed", "bed-01", "device.mon1.interval", "10s",
                "device.pump1.protocol", "asena", "device.pump1.tcp", "10.0.0.5:4001", "device.pump1.bed", "bed-01", "device.pump1.silentAfter", "20s"));

        DevicesConfig.Device mon = c.devices().get(0);
        assertEquals("/dev/ttyUSB0", mon.endpoint());
        assertEquals(Map.of("interval", "10s"), mon.options());
        assertEquals("mon1", mon.deviceId());
        DevicesConfig.Device pump = c.devices().get(1);
        assertEquals("10.0.0.5", pump.tcpHost().orElseThrow());
        assertEquals(4001, pump.tcpPort());
        assertEquals(Duration.ofSeconds(20), pump.silentAfter());
    }

    @Test
    void aDeviceNeedsExactlyOneEndpointAndABed() {
        assertThrows(ConfigException.class, () -> devices(Map.of("devices", "m", "device.m.protocol", "s5", "device.m.bed", "b")));
        assertThrows(ConfigException.class, () -> devices(Map.of("devices", "m", "device.m.protocol", "s5", "device.m.port", "/dev/x")));
        assertThrows(ConfigException.class, () -> devices(Map.of("devices", "m", "device.m.protocol", "s5", "device.m.bed", "b",
                "device.m.port", "/dev/x", "device.m.tcp", "h:1")));
    }

    @Test
    void protocolsAreFoundByNameThroughTheServiceLoader() {
        DeviceDrivers drivers = DeviceDrivers.discover();
        assertEquals(Set.of("asena", "s5"), drivers.names());
        assertThrows(ConfigException.class, () -> drivers.get("philips"));
        DeviceRef ref = new DeviceRef("bed-01", "pump1");
        assertThrows(ConfigException.class, () -> drivers.get("asena").newSession(ref, new DeviceOptions("pump1", Map.of("rate", "5"))));
    }
}
