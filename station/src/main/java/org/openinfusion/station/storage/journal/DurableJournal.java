package org.openinfusion.station.storage.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, bounded, on-disk buffer. {@link #append} completes only once the entry is
 * fsynced (group commit: one fsync serves every entry queued meanwhile). One reader drains entries
 * in order with {@link #nextBatch} and {@link #commit}s what it has delivered; after a crash,
 * reading restarts at the last commit, so delivery is at least once and in order.
 * Format and recovery rules: docs/storage.md ("Durable buffer").
 */
public final class DurableJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableJournal.class);
    /** The payload format of segments without a version marker: those of earlier versions (line protocol text). */
    public static final int HEADERLESS = 0;
    private static final int MAX_FORMAT = 0xFFFF;

    private record Pending(byte[] payload, CompletableFuture<JournalPosition> done) {
    }

    private final Path dir;
    private final long capacityBytes;
    private final long segmentBytes;
    private final int format;
    private final Checkpoint checkpoint;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    /** Durable size of every segment not yet deleted, by id. Guarded by {@link #lock}. */
    private final TreeMap<Long, Long> durableSizes = new TreeMap<>();
    /** Where the first frame of every segment in {@link #durableSizes} starts (after its version marker, if any). */
    private final Map<Long, Long> frameStarts = new HashMap<>();
    private final Thread appender;
    private volatile boolean open = true;

    private FileChannel writeChannel;
    private long writeSegment;
    private long writeOffset;
    private final SegmentReader reader;
    private JournalPosition committed;

    private DurableJournal(Path dir, long capacityBytes, long segmentBytes, int format) throws IOException {
        if (format < 0 || format > MAX_FORMAT) {
            throw new IllegalArgumentException("payload format " + format + " is outside 0 - " + MAX_FORMAT);
        }
        this.format = format;
        this.dir = dir;
        this.capacityBytes = capacityBytes;
        this.segmentBytes = segmentBytes;
        this.checkpoint = new Checkpoint(dir);
        Files.createDirectories(dir);
        List<Long> ids = Segments.list(dir);
        committed = checkpoint.read().orElse(new JournalPosition(ids.isEmpty() ? 0 : ids.getFirst(), 0));
        for (long id : ids) {
            if (id < committed.segment()) {
                Files.deleteIfExists(Segments.path(dir, id));
            } else {
                durableSizes.put(id, Files.size(Segments.path(dir, id)));
            }
        }
        if (!durableSizes.isEmpty()) {
            long last = durableSizes.lastKey();
            durableSizes.put(last, Recovery.truncateTornTail(Segments.path(dir, last)));
        }
        for (long id : durableSizes.keySet()) {
            frameStarts.put(id, (long) Segments.firstFrame(Segments.path(dir, id)));
        }
        pendingBytes.set(sizesFrom(committed));
        writeSegment = Math.max(committed.segment(), durableSizes.isEmpty() ? 0 : durableSizes.lastKey()) + 1;
        openWriteSegment();
        reader = new SegmentReader(dir, committed);
        appender = Thread.ofPlatform().name("journal-appender").daemon().start(this::appendLoop);
        LOG.info("durable buffer {} opened: {} bytes pending from {}", dir, pendingBytes.get(), committed);
    }

    /**
     * Opens the journal; new segments start with a version marker naming {@code payloadFormat} (what the caller's
     * payloads are), except for {@link #HEADERLESS}, which writes segments as earlier versions did. Entries read back
     * carry the format of the segment they were read from, so segments of an earlier version are still drained.
     */
    public static DurableJournal open(Path dir, long capacityBytes, long segmentBytes, int payloadFormat) throws IOException {
        return new DurableJournal(dir, capacityBytes, segmentBytes, payloadFormat);
    }

    /** Opens the journal writing {@link #HEADERLESS} segments (opaque payloads, framed as earlier versions did). */
    public static DurableJournal open(Path dir, long capacityBytes, long segmentBytes) throws IOException {
        return open(dir, capacityBytes, segmentBytes, HEADERLESS);
    }

    /** Queues an entry; the future completes when it is on disk, or fails with {@link BufferFullException}. */
    public CompletableFuture<JournalPosition> append(byte[] payload) {
        long size = (long) payload.length + Segments.FRAME_HEADER;
        if (!open) {
            return CompletableFuture.failedFuture(new IllegalStateException("durable buffer is closed"));
        }
        if (payload.length == 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("empty entry"));
        }
        if (payload.length > Segments.MAX_PAYLOAD) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("entry of " + payload.length + " bytes is too large"));
        }
        long after = pendingBytes.addAndGet(size);
        if (after > capacityBytes) {
            pendingBytes.addAndGet(-size);
            return CompletableFuture.failedFuture(new BufferFullException(after - size, capacityBytes));
        }
        CompletableFuture<JournalPosition> done = new CompletableFuture<>();
        queue.add(new Pending(payload, done));
        return done;
    }

    /**
     * Entries after the last read, in order, up to about {@code maxBytes} of payload; waits up to {@code waitMillis}
     * for one (not at all when it is 0 or less).
     */
    public List<JournalEntry> nextBatch(long maxBytes, long waitMillis) throws IOException, InterruptedException {
        synchronized (lock) {
            if (!reader.hasMore(durableSizes) && waitMillis > 0) {
                lock.wait(waitMillis);
            }
            return reader.read(durableSizes, maxBytes);
        }
    }

    /** Everything up to {@code upTo} is delivered: persist that and free its space. */
    public void commit(JournalPosition upTo) throws IOException {
        long freed;
        synchronized (lock) {
            if (upTo.compareTo(committed) <= 0) {
                return;
            }
            freed = sizesFrom(committed) - sizesFrom(upTo);
            committed = upTo;
            checkpoint.write(upTo);
            for (Long id : List.copyOf(durableSizes.headMap(upTo.segment()).keySet())) {
                durableSizes.remove(id);
                frameStarts.remove(id);
                reader.forget(id);
                Files.deleteIfExists(Segments.path(dir, id));
            }
        }
        pendingBytes.addAndGet(-freed);
    }

    /** Rewinds reading to the last commit (after a delivery that must be retried from disk). */
    public void rewindToCommitted() {
        synchronized (lock) {
            reader.seek(committed);
        }
    }

    public long pendingBytes() {
        return pendingBytes.get();
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    /** Frame bytes (version markers excluded) from {@code from} to the end of the journal. */
    private long sizesFrom(JournalPosition from) {
        long total = 0;
        for (Map.Entry<Long, Long> e : durableSizes.tailMap(from.segment()).entrySet()) {
            total += e.getValue() - frameStarts.getOrDefault(e.getKey(), 0L);
        }
        if (durableSizes.containsKey(from.segment())) {
            total -= Math.max(0, from.offset() - frameStarts.getOrDefault(from.segment(), 0L));
        }
        return total;
    }

    private void appendLoop() {
        List<Pending> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 4096);
                writeDurably(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("durable buffer appender: unexpected {}; {} entries refused", e.toString(), batch.size());
                batch.forEach(p -> refuse(p, e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Writes one batch into ONE segment (segments roll only between batches, so a failed batch is
     * undone by truncating that segment back to where the batch began), then fsyncs it.
     */
    private void writeDurably(List<Pending> batch) {
        try {
            if (writeChannel == null || !writeChannel.isOpen() || writeOffset >= segmentBytes) {
                rollSegment();
            }
        } catch (IOException e) {
            LOG.error("durable buffer cannot open a segment ({}); {} entries refused", e.toString(), batch.size());
            batch.forEach(p -> refuse(p, e));
            return;
        }
        long durableOffset = writeOffset;
        try {
            List<JournalPosition> ends = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                var frame = Segments.frame(p.payload());
                while (frame.hasRemaining()) {
                    writeOffset += writeChannel.write(frame, writeOffset);
                }
                ends.add(new JournalPosition(writeSegment, writeOffset));
            }
            writeChannel.force(false);
            synchronized (lock) {
                durableSizes.put(writeSegment, writeOffset);
                lock.notifyAll();
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(ends.get(i));
            }
        } catch (IOException e) {
            LOG.error("durable buffer write failed; {} entries refused: {}", batch.size(), e.toString());
            undo(batch, durableOffset, e);
        }
    }

    private void undo(List<Pending> batch, long durableOffset, IOException cause) {
        try {
            writeChannel.truncate(durableOffset);
            writeOffset = durableOffset;
        } catch (IOException e) {
            LOG.error("durable buffer could not truncate a failed write: {}", e.toString());
        }
        batch.forEach(p -> refuse(p, cause));
    }

    private void refuse(Pending p, Throwable cause) {
        pendingBytes.addAndGet(-(p.payload().length + (long) Segments.FRAME_HEADER));
        p.done().completeExceptionally(cause);
    }

    private void rollSegment() throws IOException {
        if (writeChannel != null && writeChannel.isOpen()) {
            writeChannel.force(false);
            writeChannel.close();
            synchronized (lock) {
                durableSizes.put(writeSegment, writeOffset);
            }
        }
        writeSegment++;
        openWriteSegment();
    }

    private void openWriteSegment() throws IOException {
        writeChannel = FileChannel.open(Segments.path(dir, writeSegment),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writeOffset = 0;
        if (format != HEADERLESS) {
            try {
                var header = Segments.header(format);
                while (header.hasRemaining()) {
                    writeOffset += writeChannel.write(header, writeOffset);
                }
                writeChannel.force(false);
            } catch (IOException e) {
                writeChannel.close();
                Files.deleteIfExists(Segments.path(dir, writeSegment));
                throw e;
            }
        }
        Segments.syncDirectory(dir);
        synchronized (lock) {
            frameStarts.put(writeSegment, writeOffset);
            durableSizes.put(writeSegment, writeOffset);
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        try {
            appender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (writeChannel != null) {
                writeChannel.close();
            }
            reader.close();
            lock.notifyAll();
        }
    }
}
