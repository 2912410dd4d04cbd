package org.openinfusion.station.device.asena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.RecordingOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;

/** Inputs found by the decoder fuzzer ({@code bin/benchmark fuzz}), kept as regressions. */
class AsenaFuzzFindingsTest {
    private final AsenaDecoder decoder = new AsenaDecoder(new DeviceRef("bed-01", "pump1"));
    private final RecordingOutput out = new RecordingOutput();

    private void feed(byte[] b) {
        decoder.decode(b, 0, b.length, Instant.parse("2026-01-01T00:00:00Z"), out);
    }

    private boolean stored(Stream s) {
        return out.observations.stream().anyMatch(o -> o.stream() == s);
    }

    @Test
    void anAbsurdTimeRemainingIsCountedAsAnUnknownValueInsteadOfThrowingAndTheNextFrameDecodes() {
        // 10^17 minutes left: its milliseconds overflow a long (this used to escape as an ArithmeticException);
        // only H:MM:SS is read now (docs/asena.md), so it is an unknown value and nothing is derived from it
        feed(AsenaTestFrames.inf("AIR_IN_LINE", "BOLUS", "761.8", "1.035", "1:99999999999999999"));
        assertEquals(1, out.count(Problem.UNKNOWN_VALUE), out.details.toString());
        assertFalse(stored(Stream.PUMP_VOLUME_TO_BE_INFUSED) || stored(Stream.PUMP_TIME_REMAINING));
        assertTrue(stored(Stream.PUMP_RATE) && stored(Stream.PUMP_VOLUME_INFUSED));

        feed(AsenaTestFrames.frame("ALARM^NONE"));
        assertEquals(new StateSample(out.observations.getLast().source(), Stream.PUMP_ALARM, "none", out.observations.getLast().deviceTime(),
                out.observations.getLast().receiveTime(), out.observations.getLast().seq()), out.observations.getLast());
    }

    @Test
    void aTimeRemainingOfNaNMinutesStoresNoVolumeToBeInfusedRatherThanZero() {
        // Double.parseDouble reads "NaN", and Math.round(NaN) is 0: the pump would have looked empty
        feed(AsenaTestFrames.inf("NO_ALARM", "INFUSING", "150", "3", "NaN"));
        assertFalse(stored(Stream.PUMP_VOLUME_TO_BE_INFUSED) || stored(Stream.PUMP_TIME_REMAINING), out.observations.toString());
        assertTrue(stored(Stream.PUMP_RATE));
    }
}
