package org.openinfusion.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;

class DeviceRegistryTest {
    private static final String HASH =
            "$7$101$qoqZiyGZm/1SPDom$KLK67NPVRS913eTzx9bttuf7G4OyZAoettnuWd6qg308R+608RrssoUajn1Q4F0hLjFNuSReeokigfkwpcdTBg==";

    @Test
    void aRegistryFileNamesEachDevicesAccountPlaceAndHash() {
        DeviceRegistry r = DeviceRegistry.parse("devices.registry", List.of("# comment", "",
                "mon-17 = bed-01/monitor " + HASH, "pump-3 = bed-01/pump " + HASH));
        assertEquals(2, r.size());
        assertEquals(new DeviceRef("bed-01", "pump"), r.account("pump-3").orElseThrow().source());
        assertTrue(r.knows(new DeviceRef("bed-01", "monitor")));
        assertFalse(r.knows(new DeviceRef("bed-02", "monitor")));
        assertEquals(r.devices().size(), DeviceRegistry.parse("again", r.lines()).size());
    }

    @Test
    void everyBadLineIsNamedInOneError() {
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceRegistry.parse("devices.registry", List.of(
                "mon-17 = bed-01/monitor " + HASH,
                "mon-17 = bed-02/monitor " + HASH,
                "other = bed-01/monitor " + HASH,
                "plain = bed-03/monitor secret",
                "bad id! = bed-03/monitor " + HASH,
                "x = bed 03/monitor " + HASH)));
        String m = e.getMessage();
        assertTrue(m.contains("line 2: account 'mon-17' appears twice"), m);
        assertTrue(m.contains("line 3: bed-01/monitor is already the device of account 'mon-17'"), m);
        assertTrue(m.contains("line 4: the password must be a PBKDF2 hash"), m);
        assertTrue(m.contains("line 5: account must be"), m);
        assertTrue(m.contains("line 6: expected 'account = bed/device $7$...'"), m);
    }

    @Test
    void aDeviceMayBeRegisteredForItsClientCertificateOnly() {
        DeviceRegistry r = DeviceRegistry.parse("devices.registry", List.of("pump-3 = bed-01/pump certificate"));
        assertEquals(DeviceRegistry.CERTIFICATE_ONLY, r.account("pump-3").orElseThrow().passwordHash());
        assertEquals(1, DeviceRegistry.parse("again", r.lines()).size());
    }
}
