package org.openinfusion.station.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A small seeded run of the decoder fuzzer (the full run is {@code bin/benchmark fuzz}, 10^6 inputs per decoder):
 * correctness only, no timing.
 */
class DecoderFuzzTest {
    private static final int INPUTS = 20_000;

    private static DecoderFuzz.Result fuzz(BiFunction<Integer, Long, DecoderFuzz.Result> decoder, long seed) {
        DecoderFuzz.Result r = decoder.apply(INPUTS, seed);
        assertEquals(INPUTS, r.inputs());
        assertEquals(0, r.escaped(), () -> r.decoder() + ": " + r.escapes());
        assertTrue(r.expected() >= INPUTS);
        assertEquals(r.expected(), r.recovered(), () -> r.decoder() + " lost a valid frame after: " + r.missed());
        return r;
    }

    private static void rejectedFor(DecoderFuzz.Result r, List<String> reasons) {
        for (String reason : reasons) {
            assertTrue(r.rejected().getOrDefault(reason, 0L) > 0, () -> r.decoder() + " never rejected for " + reason + ": " + r.rejected());
        }
    }

    @Test
    void twentyThousandDamagedS5StreamsLetNoExceptionEscapeAndTheFrameAfterEachIsDecoded() {
        rejectedFor(fuzz(DecoderFuzz::s5, 11), List.of("BAD_CHECKSUM", "TRUNCATED", "STRAY_BYTES", "BAD_ESCAPE", "MALFORMED", "UNKNOWN_RECORD"));
    }

    @Test
    void twentyThousandDamagedAsenaStreamsLetNoExceptionEscapeAndTheFrameAfterEachIsDecoded() {
        rejectedFor(fuzz(DecoderFuzz::asena, 12), List.of("BAD_CHECKSUM", "TRUNCATED", "STRAY_BYTES", "MALFORMED", "UNKNOWN_VALUE", "OUT_OF_RANGE"));
    }

    @Test
    void twentyThousandDamagedSenmlPacksLetNoExceptionEscapeAndEveryValidRecordAfterBadOnesIsKept() {
        rejectedFor(fuzz(DecoderFuzz::senml, 13), List.of("MALFORMED_PAYLOAD", "WRONG_TYPE", "BAD_TIME", "MISSING_FIELD", "UNKNOWN_STREAM", "WRONG_UNIT"));
    }

    @Test
    void twentyThousandDamagedWaveformChunksLetNoExceptionEscapeAndTheNextChunkDecodes() {
        rejectedFor(fuzz(DecoderFuzz::waveformChunk, 14), List.of("MALFORMED_PAYLOAD", "WRONG_SAMPLE_COUNT", "NOT_A_NUMBER", "BAD_TIME", "OUT_OF_RANGE"));
    }
}
