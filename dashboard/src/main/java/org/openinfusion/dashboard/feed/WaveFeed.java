package org.openinfusion.dashboard.feed;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.WaveformChunk;

/** Collects the waveform chunks a page shows between two pushes to the browser. Thread-safe. */
public final class WaveFeed implements AutoCloseable {
    static final int MAX_PENDING = 256;
    private final Predicate<WaveformChunk> wanted;
    private final MessageConsumer<WaveformChunk> consumer;
    private List<WaveformChunk> pending = new ArrayList<>();

    /** Chunks of one bed. */
    public WaveFeed(Vertx vertx, String bed) {
        this(vertx, c -> c.source().bedId().equals(bed));
    }

    public WaveFeed(Vertx vertx, Predicate<WaveformChunk> wanted) {
        this.wanted = wanted;
        consumer = ClosedPages.quietWhenClosed(vertx.eventBus().localConsumer(Addresses.WAVEFORM, m -> add(m.body())));
    }

    synchronized void add(WaveformChunk c) {
        if (wanted.test(c) && pending.size() < MAX_PENDING) {
            pending.add(c);
        }
    }

    public synchronized List<WaveformChunk> drain() {
        List<WaveformChunk> out = pending;
        pending = new ArrayList<>();
        return out;
    }

    @Override
    public void close() {
        consumer.unregister();
    }
}
