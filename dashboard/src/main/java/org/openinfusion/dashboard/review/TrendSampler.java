package org.openinfusion.dashboard.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thins one stream for drawing without hiding what matters: within a window, each of at most {@code buckets} equal
 * time slices keeps its lowest and its highest sample (in time order), so a spike survives; a window with few enough
 * samples is kept whole. A pause in the data longer than {@link #gapMillis}, or a NaN value (the station's mark of a
 * pause in an overview), becomes a null point, drawn as a gap.
 */
final class TrendSampler {
    /** The shortest pause drawn as a gap. */
    static final long MIN_GAP_MILLIS = 15_000;

    private TrendSampler() {
    }

    /** Samples as drawn: times in epoch milliseconds, values with null for a gap. */
    record Points(long[] times, Double[] values, boolean thinned) {
        int size() {
            return times.length;
        }
    }

    /**
     * A pause longer than five typical sample intervals, and at least {@link #MIN_GAP_MILLIS}; values sharing a time
     * (an overview bucket's lowest and highest) count as one.
     */
    static long gapMillis(long[] times) {
        long[] d = new long[Math.max(0, times.length - 1)];
        int n = 0;
        for (int i = 1; i < times.length; i++) {
            if (times[i] != times[i - 1]) {
                d[n++] = times[i] - times[i - 1];
            }
        }
        if (n < 2) {
            return Long.MAX_VALUE;
        }
        Arrays.sort(d, 0, n);
        return Math.max(MIN_GAP_MILLIS, 5 * d[n / 2]);
    }

    /**
     * The samples of {@code [fromMs, toMs]} (plus one on either side, so lines reach the edges), at most about
     * {@code 2 * buckets} of them; {@code gaps} false for sparse readings drawn as points (NIBP).
     */
    static Points sample(long[] times, double[] values, long fromMs, long toMs, int buckets, boolean gaps) {
        int lo = Math.max(0, lowerBound(times, fromMs) - 1);
        int hi = Math.min(times.length, lowerBound(times, toMs + 1) + 1);
        long gap = gaps ? gapMillis(times) : Long.MAX_VALUE;
        boolean thin = hi - lo > 2 * buckets;
        List<Long> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        double width = Math.max(1.0, (double) (toMs - fromMs) / buckets);
        long bucket = Long.MIN_VALUE;
        int min = -1;
        int max = -1;
        for (int i = lo; i < hi; i++) {
            if (Double.isNaN(values[i])) {
                // the station marked a pause in an overview (SessionRecords.overview): a gap, whatever the interval
                flush(times, values, min, max, t, v);
                min = max = -1;
                bucket = Long.MIN_VALUE;
                if (!v.isEmpty() && v.getLast() != null) {
                    t.add(times[i]);
                    v.add(null);
                }
                continue;
            }
            if (i > lo && !Double.isNaN(values[i - 1]) && times[i] - times[i - 1] > gap) {
                flush(times, values, min, max, t, v);
                min = max = -1;
                bucket = Long.MIN_VALUE;
                t.add((times[i] + times[i - 1]) / 2);
                v.add(null);
            }
            if (!thin) {
                t.add(times[i]);
                v.add(values[i]);
                continue;
            }
            long b = (long) Math.floor((times[i] - fromMs) / width);
            if (b != bucket) {
                flush(times, values, min, max, t, v);
                bucket = b;
                min = max = i;
            } else {
                min = values[i] < values[min] ? i : min;
                max = values[i] > values[max] ? i : max;
            }
        }
        flush(times, values, min, max, t, v);
        return new Points(t.stream().mapToLong(Long::longValue).toArray(), v.toArray(Double[]::new), thin);
    }

    private static void flush(long[] times, double[] values, int min, int max, List<Long> t, List<Double> v) {
        if (min < 0) {
            return;
        }
        int first = Math.min(min, max);
        int second = Math.max(min, max);
        t.add(times[first]);
        v.add(values[first]);
        if (second != first) {
            t.add(times[second]);
            v.add(values[second]);
        }
    }

    /** The first index whose time is at least {@code t}. */
    private static int lowerBound(long[] times, long t) {
        int a = 0;
        int b = times.length;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (times[m] < t) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }
}
