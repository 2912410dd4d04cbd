package org.openinfusion.station.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.StoreRequest;

/**
 * Remembers, per stream, its last {@link #REMEMBERED_TIMES} samples (a waveform chunk as one, by its first
 * sample's time) and finds <em>collisions</em>: a sample whose device time an earlier, different
 * sample of the same stream already had (other sequence number or other value). Each collision is reported
 * to the {@link Listener}. Storage keeps both samples (docs/storage.md, "Identity"): a different sequence number
 * already makes a different point; a sample that would land on the very point of a remembered, different one
 * (same time and sequence number modulo 1000) gets the next free revision, so it is kept beside the stored one and
 * cannot replace it. A replay (same time, sequence number and value) is no collision and keeps the revision it had.
 * Thread-safe.
 */
public final class SampleIdentities {
    /** Samples remembered per stream: at 1 value/s about 17 minutes, at 4 waveform chunks/s about 4 minutes. */
    public static final int REMEMBERED_TIMES = 1024;

    /** Told of every collision. */
    public interface Listener {
        void collided(DeviceRef source, Stream stream, String detail);
    }

    private record Key(DeviceRef source, Stream stream) {
    }

    private final Map<Key, Memory> streams = new ConcurrentHashMap<>();
    private final Listener listener;

    public SampleIdentities(Listener listener) {
        this.listener = listener;
    }

    /** The request with the revision each observation is to be stored under; collisions are reported. */
    public StoreRequest admit(StoreRequest request) {
        List<Integer> revisions = new ArrayList<>(request.observations().size());
        boolean any = false;
        for (Observation o : request.observations()) {
            int r = admit(o);
            any |= r > 0;
            revisions.add(r);
        }
        return any ? new StoreRequest(request.observations(), revisions) : request;
    }

    /** The revision this observation is stored under (0 unless it would replace a different remembered sample). */
    public int admit(Observation o) {
        Memory m = streams.computeIfAbsent(new Key(o.source(), o.stream()), k -> new Memory());
        long time = LineProtocol.micros(o.deviceTime());
        long fingerprint = fingerprint(o);
        String collision = null;
        int revision = 0;
        synchronized (m) {
            if (time > m.latest || m.size == 0) {
                m.add(time, o.seq(), fingerprint, 0); // the usual case: a new latest time, nothing to compare
                return 0;
            }
            for (int i = 0; i < m.size; i++) {
                if (m.times[i] != time) {
                    continue;
                }
                if (m.seqs[i] == o.seq() && m.fingerprints[i] == fingerprint) {
                    return m.revisions[i];
                }
                collision = m.seqs[i] == o.seq() ? "seq " + o.seq() + " again with another value" : "seq " + m.seqs[i] + " and " + o.seq();
                if (m.seqs[i] % 1000 == o.seq() % 1000) {
                    revision = Math.max(revision, m.revisions[i] + 1);
                }
            }
            m.add(time, o.seq(), fingerprint, revision);
        }
        if (collision != null) {
            listener.collided(o.source(), o.stream(), "two samples at device time " + o.deviceTime() + ": " + collision
                    + (revision > 0 ? "; kept beside the stored one as " + LineProtocol.REVISION_TAG + "=" + revision : ""));
        }
        return revision;
    }

    private static long fingerprint(Observation o) {
        return switch (o) {
            case NumericSample n -> Double.doubleToLongBits(n.value());
            case StateSample s -> s.value().hashCode();
            case WaveformChunk w -> 31L * Arrays.hashCode(w.samples()) + Double.hashCode(w.sampleRateHz());
        };
    }

    /**
     * The last {@link #REMEMBERED_TIMES} samples of one stream in a ring of primitive arrays (about 28 KB per
     * stream); the oldest is overwritten.
     */
    private static final class Memory {
        final long[] times = new long[REMEMBERED_TIMES];
        final long[] seqs = new long[REMEMBERED_TIMES];
        final long[] fingerprints = new long[REMEMBERED_TIMES];
        final int[] revisions = new int[REMEMBERED_TIMES];
        int size;
        int next;
        long latest = Long.MIN_VALUE;

        void add(long time, long seq, long fingerprint, int revision) {
            times[next] = time;
            seqs[next] = seq;
            fingerprints[next] = fingerprint;
            revisions[next] = revision;
            next = (next + 1) % REMEMBERED_TIMES;
            size = Math.min(size + 1, REMEMBERED_TIMES);
            latest = Math.max(latest, time);
        }
    }
}
