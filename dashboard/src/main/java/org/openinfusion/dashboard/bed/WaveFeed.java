package org.openinfusion.dashboard.bed;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.WaveformChunk;

/** Collects one bed's waveform chunks from the bus between two pushes to the browser. Thread-safe. */
final class WaveFeed implements AutoCloseable {
    static final int MAX_PENDING = 256;
    private final String bed;
    private final MessageConsumer<WaveformChunk> consumer;
    private List<WaveformChunk> pending = new ArrayList<>();

    WaveFeed(Vertx vertx, String bed) {
        this.bed = bed;
        consumer = vertx.eventBus().localConsumer(Addresses.WAVEFORM, m -> add(m.body()));
    }

    synchronized void add(WaveformChunk c) {
        if (c.source().bedId().equals(bed) && pending.size() < MAX_PENDING) {
            pending.add(c);
        }
    }

    synchronized List<WaveformChunk> drain() {
        List<WaveformChunk> out = pending;
        pending = new ArrayList<>();
        return out;
    }

    @Override
    public void close() {
        consumer.unregister();
    }
}
