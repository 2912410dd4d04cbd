package org.openinfusion.station.device.s5;

import java.time.Duration;
import java.time.Instant;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.DeviceRef;

/**
 * The S/5 conversation: on connect, request displayed numerics every interval and start the waves;
 * when no record arrived for {@code retryAfter}, request again, trying the next DRI level until one
 * is answered (then that level is kept). Pure: times come from the caller.
 */
public final class S5Session implements DeviceSession {
    private final S5Options options;
    private final S5Decoder decoder;
    private int levelIndex;
    private boolean levelFound;
    private Instant lastActivity = Instant.MIN;
    private long recordsSeen;

    public S5Session(DeviceRef source, S5Options options) {
        this.options = options;
        this.decoder = new S5Decoder(source);
    }

    @Override
    public void connected(Instant now, SessionOutput out) {
        decoder.reset();
        request(now, out);
    }

    @Override
    public void received(byte[] data, int offset, int length, Instant now, SessionOutput out) {
        decoder.decode(data, offset, length, now, out);
        if (decoder.records() > recordsSeen) {
            recordsSeen = decoder.records();
            lastActivity = now;
            levelFound = true;
        }
    }

    @Override
    public void tick(Instant now, SessionOutput out) {
        if (Duration.between(lastActivity, now).compareTo(options.retryAfter()) >= 0) {
            if (!levelFound) {
                levelIndex = (levelIndex + 1) % options.driLevels().size();
            }
            request(now, out);
        }
    }

    /** The DRI level requests are sent at. */
    public int driLevel() {
        return options.driLevels().get(levelIndex);
    }

    public S5Decoder decoder() {
        return decoder;
    }

    private void request(Instant now, SessionOutput out) {
        lastActivity = now;
        out.send(S5Frames.frame(S5Requests.numerics(driLevel(), (int) options.interval().toSeconds())));
        if (!options.waves().isEmpty()) {
            out.send(S5Frames.frame(S5Requests.waves(driLevel(), true, options.waves())));
        }
    }
}
