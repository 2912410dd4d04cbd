package org.openinfusion.sim.mqtt;

/** The waveform streams of docs/mqtt.md, their sample rates and the samples sent per 256 ms chunk. */
public enum WaveformStream {
    ECG_I("ecg_i", 500_000, 128),
    ECG_II("ecg_ii", 500_000, 128),
    ECG_III("ecg_iii", 500_000, 128),
    PLETH("pleth", 125_000, 32),
    CO2("co2", 62_500, 16);

    /** Every stream sends one chunk per this many microseconds. */
    public static final long CHUNK_MICROS = 256_000;

    private final String wireName;
    private final int rateMilliHertz;
    private final int samplesPerChunk;

    WaveformStream(String wireName, int rateMilliHertz, int samplesPerChunk) {
        this.wireName = wireName;
        this.rateMilliHertz = rateMilliHertz;
        this.samplesPerChunk = samplesPerChunk;
    }

    /** The topic's last level. */
    public String wireName() {
        return wireName;
    }

    public int rateMilliHertz() {
        return rateMilliHertz;
    }

    public double rateHertz() {
        return rateMilliHertz / 1000.0;
    }

    public int samplesPerChunk() {
        return samplesPerChunk;
    }

    /** Time between samples: exact in microseconds for every rate here (2000, 8000, 16000). */
    public long samplePeriodMicros() {
        return 1_000_000_000L / rateMilliHertz;
    }
}
