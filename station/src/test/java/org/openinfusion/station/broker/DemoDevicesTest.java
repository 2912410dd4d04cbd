package org.openinfusion.station.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.domain.DeviceRef;

/**
 * docs/mqtt.md, "The demo": on first start {@code devices.registry} (accounts {@code bed-01.monitor}, ...; hashes only)
 * and the owner-only {@code device-passwords.properties}; more beds on a later start get accounts added, existing ones
 * keep theirs.
 */
class DemoDevicesTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump");
    private static final DeviceRef MONITOR_2 = new DeviceRef("bed-02", "monitor");

    @Test
    void theFirstStartWritesHashesAndOwnerOnlyPasswordsAndALaterStartAddsBedsKeepingTheOldAccounts(@TempDir Path dir) throws Exception {
        DemoDevices first = DemoDevices.ensure(dir, List.of(MONITOR, PUMP));
        Path registryFile = dir.resolve("devices.registry");
        Path passwordFile = dir.resolve("device-passwords.properties");
        DeviceRegistry registry = DeviceRegistry.read(registryFile);
        assertEquals(List.of("bed-01.monitor", "bed-01.pump"), registry.devices().stream().map(DeviceRegistry.Device::account).sorted().toList());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String registryText = Files.readString(registryFile, StandardCharsets.UTF_8);
        for (DeviceRef d : List.of(MONITOR, PUMP)) {
            String password = first.password(d).orElseThrow();
            assertFalse(registryText.contains(password), "the registry holds no password");
            String hash = registry.account(DemoDevices.account(d)).orElseThrow().passwordHash();
            assertTrue(hash.startsWith("$7$101$"), hash);
            assertTrue(MqttPasswords.matches(password.toCharArray(), hash), "the hash is the password's");
            assertEquals(d, registry.account(DemoDevices.account(d)).orElseThrow().source());
        }

        DemoDevices later = DemoDevices.ensure(dir, List.of(MONITOR, PUMP, MONITOR_2));
        assertEquals(first.password(MONITOR), later.password(MONITOR), "an existing account keeps its password");
        assertEquals(registry.account("bed-01.pump").orElseThrow().passwordHash(),
                DeviceRegistry.read(registryFile).account("bed-01.pump").orElseThrow().passwordHash(), "and its hash");
        assertTrue(DeviceRegistry.read(registryFile).knows(MONITOR_2), "the new bed's device is added");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
    }
}
