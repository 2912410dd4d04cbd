package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Topics topics = new Topics("station/v1", "bed-01");

    @Test
    void topicsFollowTheBedAndDeviceTree() {
        assertEquals("station/v1/beds/bed-01/devices/monitor/numerics", topics.numerics("monitor"));
        assertEquals("station/v1/beds/bed-01/devices/monitor/waveforms/ecg_ii",
                topics.waveform("monitor", WaveformStream.ECG_II));
        assertEquals("station/v1/beds/bed-01/devices/pump/status", topics.status("pump"));
    }

    @Test
    void idsOutsideTheAllowedAlphabetAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Topics("station/v1", "bed 1"));
        assertThrows(IllegalArgumentException.class, () -> new Topics("station/v1", "b".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> topics.numerics("pump/1"));
        assertThrows(IllegalArgumentException.class, () -> new Topics("station/#", "bed-01"));
    }
}
