package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    private final SimulatorConfig config = SimulatorConfig.defaults("tcp://127.0.0.1:1883").withBeds(12);

    @Test
    void bedIdsAreNumberedWithTwoDigits() {
        assertEquals("bed-01", config.bedIds().get(0));
        assertEquals("bed-12", config.bedIds().get(11));
    }

    @Test
    void everyBedHasItsOwnSeedAndTheSameSeedGivesTheSameBeds() {
        assertNotEquals(config.bedSeed(1), config.bedSeed(2));
        assertEquals(config.bedSeed(3), config.withBeds(3).bedSeed(3));
        assertNotEquals(config.bedSeed(1), config.withSeed(43).bedSeed(1));
    }

    @Test
    void clientIdsNameBedDeviceAndRun() {
        String clientId = config.mqtt().clientId("bed-01", "monitor");
        assertTrue(clientId.startsWith("sim-bed-01-monitor-"), clientId);
        assertNotEquals(clientId, SimulatorConfig.defaults("tcp://127.0.0.1:1883").mqtt().clientId("bed-01", "monitor"));
    }
}
