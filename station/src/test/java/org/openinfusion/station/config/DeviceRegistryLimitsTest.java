package org.openinfusion.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/mqtt.md, "Device registry": at most 10,000 devices, the account a user name of {@code [A-Za-z0-9_.-]{1,64}},
 * and one account per bed/device pair.
 */
class DeviceRegistryLimitsTest {
    private static final String HASH = "certificate";

    private static List<String> lines(int devices) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            lines.add("dev-" + i + " = bed-" + (i / 10) + "/dev-" + (i % 10) + " " + HASH);
        }
        return lines;
    }

    @Test
    void tenThousandDevicesAreReadAndOneMoreStopsTheStart() {
        assertEquals(10_000, DeviceRegistry.parse("devices.registry", lines(10_000)).size());
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceRegistry.parse("devices.registry", lines(10_001)));
        assertTrue(e.getMessage().contains("more than 10000 devices"), e.getMessage());
    }

    @Test
    void anAccountOfSixtyFourCharactersIsTakenAndOneOfSixtyFiveOrWithASpaceIsNamedAsABadLine() {
        String longest = "a".repeat(64);
        assertEquals(1, DeviceRegistry.parse("r", List.of(longest + " = bed-01/monitor " + HASH)).size());
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceRegistry.parse("r", List.of(
                "a".repeat(65) + " = bed-01/monitor " + HASH, "mon 1 = bed-01/pump " + HASH)));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void twoAccountsForOneBedDevicePairAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> DeviceRegistry.parse("r", List.of(
                "mon-a = bed-01/monitor " + HASH, "mon-b = bed-01/monitor " + HASH)));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
