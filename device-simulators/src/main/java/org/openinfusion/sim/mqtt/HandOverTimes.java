package org.openinfusion.sim.mqtt;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * When each bed's waveform chunks were handed to their MQTT client (its publish), by the device time just after the
 * chunk's last sample (its emit time, the earliest a real device could send it): what the latency benchmark needs to
 * split emit -> station receive into the simulator's own pacing (emit -> publish) and MQTT with the station's decoding
 * (publish -> receive). Nothing of it goes on the wire: the chunk's format is docs/mqtt.md's. Chunks of one bed whose
 * last samples end at the same instant (the streams of one 256 ms slot) share an entry, the earliest hand-over of them:
 * no chunk of the slot was handed over before it, so publish -> receive is never negative for any of them (the latest
 * could be after an earlier chunk of the slot had already reached the station).
 * Holds the newest {@link #CAPACITY} entries (at 32 beds, about 8 minutes); thread-safe.
 */
public final class HandOverTimes {
    static final int CAPACITY = 1 << 16;

    private final Clock clock;
    private final Map<String, Long> times = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    public HandOverTimes(Clock clock) {
        this.clock = clock;
    }

    /** Now, on this record's clock: taken just before a message is handed over (the client may send it at once). */
    long now() {
        return clock.millis();
    }

    /** Notes {@code now} ({@link #now()} just before the hand-over) as the hand-over of {@code message} from {@code bed}, when it is a waveform chunk. */
    void handedOver(String bed, OutgoingMessage message, long now) {
        if (message.isStatus() || !message.topic().contains("/waveforms/")) {
            return;
        }
        String key = key(bed, emitMillis(message.payload()));
        synchronized (times) {
            times.merge(key, now, Math::min);
        }
    }

    /**
     * When the chunks of {@code bed} that end at {@code emitMillis} (epoch milliseconds, rounded) were handed to the
     * client; empty when none was (or it is no longer held).
     */
    public OptionalLong of(String bed, long emitMillis) {
        Long at;
        synchronized (times) {
            at = times.get(key(bed, emitMillis));
        }
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The device time just after a chunk's last sample, in epoch milliseconds (rounded), read from its header. */
    static long emitMillis(byte[] chunk) {
        ByteBuffer b = ByteBuffer.wrap(chunk);
        int count = Short.toUnsignedInt(b.getShort(2));
        long rateMilliHertz = Integer.toUnsignedLong(b.getInt(4));
        long firstMicros = b.getLong(8);
        return Math.round((firstMicros + count * 1e9 / rateMilliHertz) / 1000);
    }

    private static String key(String bed, long emitMillis) {
        return bed + "@" + emitMillis;
    }
}
