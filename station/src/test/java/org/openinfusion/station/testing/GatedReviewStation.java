package org.openinfusion.station.testing;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link ReviewFixture} on the bus whose store holds every waveform read (a window, an EDF+ export) at a latch until
 * {@link #release}, as a long read in InfluxDB does: the review worker's lanes are tested while one is held. Ten
 * seconds of ECG lead II are stored from {@link #WAVE}. Close after each test (it releases the latch first).
 */
public final class GatedReviewStation implements AutoCloseable {
    /** Where the stored ECG starts: two minutes into the closed session. */
    public static final Instant WAVE = ReviewFixture.START.plusSeconds(120);

    public final ReviewFixture fixture;
    public final ReviewFixture.ReviewBus bus;
    private final CountDownLatch gate = new CountDownLatch(1);

    /** Everything in {@code dir} (a test's temporary folder), the review worker deployed. */
    public GatedReviewStation(Path dir) throws Exception {
        fixture = new ReviewFixture(dir);
        fixture.ecg(WAVE, 10);
        fixture.scenario.series.waveformGate = gate;
        bus = fixture.onBus();
    }

    /** How many waveform reads are held in the store now. */
    public int held() {
        return fixture.scenario.series.heldWaveformReads.get();
    }

    /** Lets every held read, and every later one, go on. */
    public void release() {
        gate.countDown();
    }

    /** {@code body} to {@code address} as the physician, failing after a minute without an answer. */
    public <T> Future<Message<T>> request(String address, Object body) {
        return bus.request(address, body, 60_000);
    }

    @Override
    public void close() throws Exception {
        release();
        fixture.close();
    }
}
