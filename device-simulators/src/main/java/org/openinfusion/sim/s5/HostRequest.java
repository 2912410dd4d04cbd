package org.openinfusion.sim.s5;

import java.util.List;

/** What a host can ask the monitor for. */
sealed interface HostRequest {

    /** The DRI level in the request's header; the monitor ignores requests of another level. */
    int driLevel();

    /**
     * Physiological data every {@code intervalSeconds} (0 stops).
     *
     * @param recordType 1 displayed values, 2 10 s trend, 3 60 s trend
     * @param classes phdb_class_bf (basic 0x1; ext1 0x2, ext2 0x4, ext3 0x8)
     */
    record Numerics(int driLevel, int recordType, int intervalSeconds, long classes) implements HostRequest {
    }

    /** Start ({@code start}) or stop waveforms; {@code waveIds} as listed, up to the 0xFF end marker. */
    record Waveforms(int driLevel, boolean start, List<Integer> waveIds) implements HostRequest {
    }
}
