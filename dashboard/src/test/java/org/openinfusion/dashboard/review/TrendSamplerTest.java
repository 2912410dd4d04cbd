package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrendSamplerTest {
    private static long[] seconds(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1000L;
        }
        return t;
    }

    @Test
    void aShortWindowIsKeptWhole() {
        long[] t = seconds(100);
        double[] v = new double[100];
        Arrays.fill(v, 70);

        TrendSampler.Points p = TrendSampler.sample(t, v, 0, 99_000, 100, true);

        assertFalse(p.thinned());
        assertArrayEquals(t, p.times());
    }

    @Test
    void thinningKeepsEachSlicesLowestAndHighestSoASpikeSurvives() {
        long[] t = seconds(14_400);
        double[] v = new double[t.length];
        Arrays.fill(v, 70);
        v[5000] = 160;
        v[9000] = 30;

        TrendSampler.Points p = TrendSampler.sample(t, v, 0, t[t.length - 1], 1200, true);

        assertTrue(p.thinned());
        assertTrue(p.size() <= 2400, "size " + p.size());
        assertTrue(Arrays.asList(p.values()).contains(160.0));
        assertTrue(Arrays.asList(p.values()).contains(30.0));
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.times()[i] > p.times()[i - 1], "in time order");
        }
    }

    @Test
    void aPauseInTheDataBecomesAGap() {
        long[] t = {0, 1000, 2000, 3000, 60_000, 61_000, 62_000};
        double[] v = {1, 2, 3, 4, 5, 6, 7};

        TrendSampler.Points p = TrendSampler.sample(t, v, 0, 62_000, 100, true);

        assertEquals(8, p.size());
        assertNull(p.values()[4]);
        assertEquals(31_500, p.times()[4]);
    }

    @Test
    void aStationOverviewDrawsEachBucketsPairAndItsPauseMarkOnly() {
        // buckets of 18 s (a 6-hour overview): each holds its lowest and highest value at its start; NaN marks a pause
        long[] t = {0, 0, 18_000, 18_000, 36_000, 36_000, 54_000, 108_000, 108_000, 126_000, 126_000};
        double[] v = {70, 74, 71, 160, 69, 72, Double.NaN, 70, 73, 68, 71};

        TrendSampler.Points p = TrendSampler.sample(t, v, 0, 126_000, 1200, true);

        assertFalse(p.thinned());
        assertEquals(11, p.size(), "every bucket's pair, one gap: buckets 18 s apart are no pause");
        assertNull(p.values()[6]);
        assertEquals(54_000, p.times()[6]);
        assertEquals(160.0, p.values()[3]);
        assertEquals(5 * 18_000, TrendSampler.gapMillis(t), "a bucket's pair counts as one time");
    }

    @Test
    void aZoomedWindowKeepsOneSampleEitherSideSoLinesReachTheEdges() {
        long[] t = seconds(100);
        double[] v = new double[100];

        TrendSampler.Points p = TrendSampler.sample(t, v, 10_500, 20_500, 100, true);

        assertEquals(10_000, p.times()[0]);
        assertEquals(21_000, p.times()[p.size() - 1]);
    }
}
