package org.openinfusion.station.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.storage.StoreRequest;

class SampleIdentitiesTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private final List<String> collisions = new ArrayList<>();
    private final SampleIdentities identities = new SampleIdentities((source, stream, detail) -> collisions.add(source + "/" + stream.key()));

    private static NumericSample hr(double v, Instant t, long seq) {
        return new NumericSample(MONITOR, Stream.HR, v, t, t, seq);
    }

    @Test
    void aReplayOfTheSameSampleIsNoCollisionAndKeepsItsIdentity() {
        StoreRequest pack = new StoreRequest(List.of(hr(72, T, 5), hr(73, T.plusSeconds(1), 6)));
        assertEquals(List.of(0, 0), revisions(identities.admit(pack)));
        assertEquals(List.of(0, 0), revisions(identities.admit(pack)));
        assertEquals(List.of(), collisions);
    }

    @Test
    void twoSamplesAtOneTimeWithDifferentSequenceNumbersAreCountedAndBothStoredAsTheyAre() {
        StoreRequest r = identities.admit(new StoreRequest(List.of(hr(72, T, 5), hr(80, T, 6))));
        assertEquals(List.of(0, 0), revisions(r), "different sequence numbers are different points already");
        assertEquals(List.of("bed-01/monitor/hr"), collisions);
    }

    @Test
    void aSampleThatWouldReplaceAStoredOneIsKeptBesideItUnderTheNextRevisionAndStaysThereWhenReplayed() {
        identities.admit(hr(72, T, 5));
        assertEquals(1, identities.admit(hr(99, T, 5)), "same time and sequence number, another value");
        assertEquals(1, identities.admit(hr(99, T, 5)), "its replay lands on the same point");
        assertEquals(2, identities.admit(hr(98, T, 1005)), "sequence number 1005 shares the nanosecond digits of 5");
        assertEquals(0, identities.admit(hr(72, T, 5)), "the original's replay still lands on the original");
        assertEquals(2, collisions.size(), "the two other values collided; the replays did not");
    }

    @Test
    void streamsAndDevicesAreApart() {
        identities.admit(hr(72, T, 5));
        assertEquals(0, identities.admit(new NumericSample(MONITOR, Stream.SPO2, 97, T, T, 5)));
        assertEquals(0, identities.admit(new NumericSample(new DeviceRef("bed-02", "monitor"), Stream.HR, 60, T, T, 5)));
        assertEquals(0, identities.admit(new StateSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_STATE, "paused", T, T, 5)));
        assertTrue(collisions.isEmpty());
    }

    @Test
    void waveformChunksAreComparedWhole() {
        WaveformChunk a = new WaveformChunk(MONITOR, Stream.PLETH, 100, T, T, 0, new float[] {1, 2, 3});
        WaveformChunk b = new WaveformChunk(MONITOR, Stream.PLETH, 100, T, T, 0, new float[] {1, 2, 4});
        assertEquals(0, identities.admit(a));
        assertEquals(0, identities.admit(a));
        assertEquals(1, identities.admit(b));
        assertEquals(1, collisions.size());
    }

    @Test
    void onlyTheLastDeviceTimesOfAStreamAreRemembered() {
        for (int i = 0; i <= SampleIdentities.REMEMBERED_TIMES; i++) {
            identities.admit(hr(72, T.plusSeconds(i), i));
        }
        assertEquals(1, identities.admit(hr(90, T.plusSeconds(1), 1)), "the second time is still remembered");
        assertEquals(0, identities.admit(hr(90, T, 0)), "the first time was forgotten: the bound of the memory");
    }

    private static List<Integer> revisions(StoreRequest r) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < r.observations().size(); i++) {
            out.add(r.revision(i));
        }
        return out;
    }

}
