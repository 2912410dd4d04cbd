package org.openinfusion.station.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * Remembers, per stream, the samples of the last {@link #REMEMBERED_TIMES} device times (a waveform
 * chunk by its first sample) and finds <em>collisions</em>: a sample whose device time an earlier, different
 * sample of the same stream already had (other sequence number or other value). Each collision is reported
 * to the {@link Listener}. Storage keeps both samples (docs/storage.md, "Identity"): a different sequence number
 * already makes a different point; a sample that would land on the very point of a remembered, different one
 * (same time and sequence number modulo 1000) gets the next free revision, so it is kept beside the stored one and
 * cannot replace it. A replay (same time, sequence number and value) is no collision and keeps the revision it had.
 * Thread-safe.
 */
public final class SampleIdentities {
    /** Device times remembered per stream: at 1 value/s about 17 minutes, at 4 waveform chunks/s about 4 minutes. */
    public static final int REMEMBERED_TIMES = 1024;

    /** Told of every collision. */
    public interface Listener {
        void collided(DeviceRef source, Stream stream, String detail);
    }

    private record Key(DeviceRef source, Stream stream) {
    }

    /** One remembered sample: its sequence number, a fingerprint of its content, and the revision it was stored under. */
    private record Seen(long seq, long fingerprint, int revision) {
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
        String collision;
        int revision;
        synchronized (m) {
            List<Seen> before = m.times.get(time);
            if (before == null) {
                m.times.put(time, new ArrayList<>(List.of(new Seen(o.seq(), fingerprint, 0))));
                return 0;
            }
            revision = 0;
            collision = null;
            for (Seen s : before) {
                if (s.seq == o.seq() && s.fingerprint == fingerprint) {
                    return s.revision;
                }
                collision = s.seq == o.seq() ? "seq " + o.seq() + " again with another value" : "seq " + s.seq + " and " + o.seq();
                if (s.seq % 1000 == o.seq() % 1000) {
                    revision = Math.max(revision, s.revision + 1);
                }
            }
            before.add(new Seen(o.seq(), fingerprint, revision));
        }
        listener.collided(o.source(), o.stream(), "two samples at device time " + o.deviceTime() + ": " + collision
                + (revision > 0 ? "; kept beside the stored one as " + LineProtocol.REVISION_TAG + "=" + revision : ""));
        return revision;
    }

    private static long fingerprint(Observation o) {
        return switch (o) {
            case NumericSample n -> Double.doubleToLongBits(n.value());
            case StateSample s -> s.value().hashCode();
            case WaveformChunk w -> 31L * Arrays.hashCode(w.samples()) + Double.hashCode(w.sampleRateHz());
        };
    }

    /** The last device times of one stream, oldest first; the eldest is forgotten beyond the bound. */
    private static final class Memory {
        final LinkedHashMap<Long, List<Seen>> times = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<Seen>> eldest) {
                return size() > REMEMBERED_TIMES;
            }
        };
    }
}
