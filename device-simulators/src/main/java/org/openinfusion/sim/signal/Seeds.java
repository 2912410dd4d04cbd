package org.openinfusion.sim.signal;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from one seed and a purpose name. */
public final class Seeds {

    private Seeds() {
    }

    /** A seed for {@code purpose} that depends on every bit of {@code seed}. */
    public static long derive(long seed, String purpose) {
        long h = seed;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h ^ purpose.charAt(i));
        }
        return mix(h + 0x9E3779B97F4A7C15L);
    }

    /** A generator for {@code purpose}: the same seed and purpose give the same numbers. */
    public static SplittableRandom random(long seed, String purpose) {
        return new SplittableRandom(derive(seed, purpose));
    }

    /** The SplitMix64 finaliser: spreads the bits of {@code z}. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
