package org.openinfusion.sim.s5;

import java.time.Duration;

/**
 * How the simulated S/5 behaves.
 *
 * @param driLevel the monitor's DRI level (0x02 = 1995 ... 0x0B = 2015); requests of another level are ignored
 * @param minNumericsInterval shortest numerics interval honoured; shorter requests are raised to it (a real S/5: 5 s)
 * @param waveRecordInterval how often a waveform record is sent while waves stream
 * @param waveBudget most samples per second over all streamed waves (a real S/5: 600)
 */
public record S5Settings(int driLevel, Duration minNumericsInterval, Duration waveRecordInterval, int waveBudget) {

    public static final int DEFAULT_DRI_LEVEL = 0x0A;
    public static final Duration DEFAULT_MIN_NUMERICS_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WAVE_RECORD_INTERVAL = Duration.ofMillis(200);
    public static final int DEFAULT_WAVE_BUDGET = 600;

    public S5Settings {
        if (driLevel < 0x02 || driLevel > 0x0B) {
            throw new IllegalArgumentException("DRI level must be 0x02..0x0B, got " + driLevel);
        }
        if (minNumericsInterval.isNegative() || minNumericsInterval.isZero()) {
            throw new IllegalArgumentException("minimum numerics interval must be positive");
        }
        if (waveRecordInterval.compareTo(Duration.ofMillis(50)) < 0
                || waveRecordInterval.compareTo(Duration.ofMillis(250)) > 0) {
            throw new IllegalArgumentException("wave record interval must be 50..250 ms: " + waveRecordInterval);
        }
        if (waveBudget < 25) {
            throw new IllegalArgumentException("wave budget must be at least 25 samples/s");
        }
    }

    public static S5Settings defaults() {
        return new S5Settings(DEFAULT_DRI_LEVEL, DEFAULT_MIN_NUMERICS_INTERVAL, DEFAULT_WAVE_RECORD_INTERVAL,
                DEFAULT_WAVE_BUDGET);
    }

    public S5Settings withDriLevel(int level) {
        return new S5Settings(level, minNumericsInterval, waveRecordInterval, waveBudget);
    }

    public S5Settings withMinNumericsInterval(Duration interval) {
        return new S5Settings(driLevel, interval, waveRecordInterval, waveBudget);
    }

    public S5Settings withWaveBudget(int samplesPerSecond) {
        return new S5Settings(driLevel, minNumericsInterval, waveRecordInterval, samplesPerSecond);
    }
}
