package org.openinfusion.station.device.asena;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.DeviceRef;

/**
 * Polls the pump, strictly one request at a time: every poll interval {@code INF} then {@code ALARM};
 * each waits for its answer up to the timeout, is sent once more, then counted as
 * {@code NO_RESPONSE} and skipped. Everything sent goes through {@link AsenaEncoder}, which only
 * knows read-only queries. Pure: times come from the caller.
 */
public final class AsenaSession implements DeviceSession {
    private static final List<AsenaQuery> CYCLE = List.of(AsenaQuery.INF, AsenaQuery.ALARM);

    private final AsenaOptions options;
    private final AsenaDecoder decoder;
    private Instant nextPoll = Instant.MIN;
    private int step = -1;
    private Instant sentAt;
    private int attempts;

    public AsenaSession(DeviceRef source, AsenaOptions options) {
        this.options = options;
        this.decoder = new AsenaDecoder(source);
    }

    @Override
    public void connected(Instant now, SessionOutput out) {
        decoder.reset();
        step = -1;
        nextPoll = now;
        tick(now, out);
    }

    @Override
    public void received(byte[] data, int offset, int length, Instant now, SessionOutput out) {
        Optional<AsenaQuery> answered = decoder.decode(data, offset, length, now, out);
        if (step >= 0 && answered.isPresent() && answered.get() == CYCLE.get(step)) {
            advance(now, out);
        }
    }

    @Override
    public void tick(Instant now, SessionOutput out) {
        if (step < 0) {
            if (!now.isBefore(nextPoll)) {
                nextPoll = nextPoll.plus(options.pollInterval());
                if (nextPoll.isBefore(now)) {
                    nextPoll = now.plus(options.pollInterval());
                }
                advance(now, out);
            }
        } else if (!now.isBefore(sentAt.plus(options.timeout()))) {
            if (attempts <= options.retries()) {
                send(now, out);
            } else {
                out.problem(Problem.NO_RESPONSE, CYCLE.get(step) + " unanswered after " + attempts + " attempts");
                advance(now, out);
            }
        }
    }

    private void advance(Instant now, SessionOutput out) {
        step++;
        attempts = 0;
        if (step >= CYCLE.size()) {
            step = -1;
            return;
        }
        send(now, out);
    }

    private void send(Instant now, SessionOutput out) {
        attempts++;
        sentAt = now;
        out.send(AsenaEncoder.encode(CYCLE.get(step)));
    }
}
