package org.openinfusion.sim.serial;

import java.util.SplittableRandom;

/**
 * Applies the byte-level fault switches to one outgoing frame: drop one interior byte, or replace
 * the frame by random bytes of the same length (a baud-rate mismatch). Checksum corruption and
 * sensor or pump faults belong to the protocols.
 */
final class FaultyOutput {

    private final FaultSwitches faults;
    private final SplittableRandom random;

    FaultyOutput(FaultSwitches faults, SplittableRandom random) {
        this.faults = faults;
        this.random = random;
    }

    /** The bytes to put on the wire for {@code frame}; empty while stalled. */
    byte[] apply(byte[] frame) {
        if (faults.isOn(Fault.STALL)) {
            return new byte[0];
        }
        byte[] bytes = frame;
        if (faults.isOn(Fault.DROP_BYTES) && bytes.length > 2) {
            bytes = withoutByteAt(bytes, 1 + random.nextInt(bytes.length - 2));
        }
        if (faults.isOn(Fault.GARBAGE)) {
            bytes = new byte[bytes.length];
            random.nextBytes(bytes);
        }
        return bytes;
    }

    private static byte[] withoutByteAt(byte[] bytes, int index) {
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, index);
        System.arraycopy(bytes, index + 1, shorter, index, bytes.length - index - 1);
        return shorter;
    }
}
