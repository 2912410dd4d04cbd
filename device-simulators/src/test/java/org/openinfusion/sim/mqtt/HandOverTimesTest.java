package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.serial.SettableClock;

/** The simulator's record of when each bed's chunks went to MQTT, keyed by their emit time (nothing of it on the wire). */
class HandOverTimesTest {
    private static final Instant START = Instant.parse("2026-12-05T13:00:00Z");
    private static final long START_MICROS = START.toEpochMilli() * 1000;
    private final Topics topics = new Topics("station/v1", "bed-01");
    private final WaveformChunkEncoder encoder = new WaveformChunkEncoder();

    private OutgoingMessage chunk(WaveformStream stream, long firstMicros, int samples) {
        return OutgoingMessage.data("monitor", topics.waveform("monitor", stream),
                encoder.encode(new WaveformChunk(stream, firstMicros, 0, new float[samples])), samples);
    }

    @Test
    void theEmitTimeIsTheDeviceTimeJustAfterTheLastSampleOfEveryRate() {
        assertEquals(START.toEpochMilli() + 256, HandOverTimes.emitMillis(chunk(WaveformStream.ECG_II, START_MICROS, 128).payload()));
        assertEquals(START.toEpochMilli() + 256, HandOverTimes.emitMillis(chunk(WaveformStream.PLETH, START_MICROS, 32).payload()));
        assertEquals(START.toEpochMilli() + 256, HandOverTimes.emitMillis(chunk(WaveformStream.CO2, START_MICROS, 16).payload()));
        // a shorter chunk (a target inside a slot): 10 samples at 500 Hz end 20 ms after the first
        assertEquals(START.toEpochMilli() + 20, HandOverTimes.emitMillis(chunk(WaveformStream.ECG_I, START_MICROS, 10).payload()));
    }

    @Test
    void aBedsSlotIsKeptAtItsEarliestHandOverAndOnlyWaveformChunksAreNoted() {
        SettableClock clock = new SettableClock(START.plusMillis(300));
        HandOverTimes times = new HandOverTimes(clock);
        times.handedOver("bed-01", chunk(WaveformStream.ECG_I, START_MICROS, 128), times.now());
        clock.advance(Duration.ofMillis(3));
        times.handedOver("bed-01", chunk(WaveformStream.CO2, START_MICROS, 16), times.now());
        times.handedOver("bed-01", OutgoingMessage.data("monitor", topics.numerics("monitor"), "[]".getBytes(), 1), times.now());
        times.handedOver("bed-01", OutgoingMessage.status("monitor", topics.status("monitor"), true), times.now());

        assertEquals(OptionalLong.of(START.toEpochMilli() + 300), times.of("bed-01", START.toEpochMilli() + 256));
        assertTrue(times.of("bed-02", START.toEpochMilli() + 256).isEmpty(), "another bed's slot");
        assertTrue(times.of("bed-01", START.toEpochMilli() + 512).isEmpty(), "a slot not yet sent");
    }

    @Test
    void onlyTheNewestEntriesAreHeld() {
        HandOverTimes times = new HandOverTimes(new SettableClock(START));
        for (int slot = 0; slot <= HandOverTimes.CAPACITY; slot++) {
            times.handedOver("bed-01", chunk(WaveformStream.CO2, START_MICROS + slot * WaveformStream.CHUNK_MICROS, 16), times.now());
        }
        assertTrue(times.of("bed-01", START.toEpochMilli() + 256).isEmpty(), "the oldest slot was dropped");
        assertTrue(times.of("bed-01", START.toEpochMilli() + 256L * (HandOverTimes.CAPACITY + 1)).isPresent(), "the newest is held");
    }
}
