package org.openinfusion.station.storage;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.journal.BufferFullException;
import org.openinfusion.station.storage.journal.DurableJournal;

/**
 * Answers {@code STORE} requests: encodes the observations compactly ({@link CompactEncoder}; a waveform chunk
 * stays a chunk) and appends them to the durable buffer; replies once they are fsynced. Encoding is cheap; the
 * disk work runs on the journal's own thread, so the event loop never waits. The drain turns entries into line
 * protocol ({@link JournalEntries}).
 */
public final class StorageVerticle extends VerticleBase {
    private final DurableJournal journal;

    public StorageVerticle(DurableJournal journal) {
        this.journal = journal;
    }

    @Override
    public Future<?> start() {
        vertx.eventBus().<StoreRequest>consumer(Addresses.STORE, m -> append(m,
                CompactEncoder.observations(m.body().observations(), m.body().revisions()), m.body().observations().size()));
        vertx.eventBus().<StoreLines>consumer(Addresses.STORE_LINES, m -> append(m,
                CompactEncoder.lines(m.body().lineProtocol()), 1));
        return Future.succeededFuture();
    }

    private void append(Message<?> message, byte[] entry, int count) {
        journal.append(entry).whenComplete((position, error) -> {
            if (error == null) {
                message.reply(count);
            } else if (error instanceof BufferFullException) {
                message.fail(StorageReplies.BUFFER_FULL, error.getMessage());
            } else {
                message.fail(StorageReplies.WRITE_FAILED, error.toString());
            }
        });
    }
}
