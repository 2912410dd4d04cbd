package org.openinfusion.station.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openinfusion.station.storage.PointWriter.PointsRejectedException;
import org.openinfusion.station.storage.PointWriter.StoreUnavailableException;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.station.storage.journal.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the durable buffer into the store, in order, on its own thread. A batch is committed in
 * the buffer only after the store confirmed it; while the store is away the same batch is retried
 * with back-off. Points the store refuses for good go to a dead-letter file, never silently away.
 */
public final class StorageDrain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageDrain.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final DurableJournal journal;
    private final PointWriter writer;
    private final long batchBytes;
    private final Path deadLetters;
    private final Thread thread;
    private final AtomicLong linesWritten = new AtomicLong();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong writeNanosTotal = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean storeReachable;
    private volatile String lastError = "";

    public StorageDrain(DurableJournal journal, PointWriter writer, long batchBytes, Path deadLetters) {
        this.journal = journal;
        this.writer = writer;
        this.batchBytes = batchBytes;
        this.deadLetters = deadLetters;
        this.thread = Thread.ofPlatform().name("storage-drain").daemon().start(this::run);
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        boolean prepared = false;
        while (running) {
            try {
                if (!prepared) {
                    writer.prepare();
                    prepared = true;
                    reachable(true, "");
                }
                List<JournalEntry> batch = journal.nextBatch(batchBytes, 50);
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
                backoff = MIN_BACKOFF;
            } catch (StoreUnavailableException e) {
                String why = String.valueOf(e.getMessage());
                prepared = prepared && !why.startsWith("database missing");
                reachable(false, why);
                journal.rewindToCommitted();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (IOException e) {
                LOG.error("durable buffer read failed: {}", e.toString());
                journal.rewindToCommitted();
                sleep(MAX_BACKOFF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(List<JournalEntry> batch) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JournalEntry e : batch) {
            text.append(new String(e.payload(), StandardCharsets.UTF_8));
        }
        String lines = text.toString();
        long start = System.nanoTime();
        try {
            writer.write(lines);
            writeNanosTotal.addAndGet(System.nanoTime() - start);
            batchesWritten.incrementAndGet();
            linesWritten.addAndGet(countLines(lines));
            reachable(true, "");
        } catch (PointsRejectedException e) {
            deadLetter(lines, e.getMessage());
        }
        journal.commit(batch.getLast().end());
    }

    private void deadLetter(String lines, String why) throws IOException {
        long n = countLines(lines);
        deadLettered.addAndGet(n);
        // The store's reason may quote a refused line (an audit mirror line holds a subject code): log only its first words.
        LOG.error("store refused a batch of {} points for good ({}); kept with the full reason in {}", n, firstWords(why), deadLetters);
        Files.createDirectories(deadLetters.getParent());
        try (OutputStream out = Files.newOutputStream(deadLetters, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(("# refused: " + why.replace('\n', ' ') + "\n" + lines).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void reachable(boolean now, String error) {
        if (now != storeReachable) {
            if (now) {
                LOG.info("time-series store reachable; draining the durable buffer ({} bytes pending)", journal.pendingBytes());
            } else {
                LOG.warn("time-series store unreachable ({}); data is kept in the durable buffer", error);
            }
        }
        storeReachable = now;
        lastError = error;
    }

    static String firstWords(String reason) {
        String r = String.valueOf(reason);
        int cut = r.indexOf(':');
        return (cut > 0 ? r.substring(0, cut) : r.length() > 40 ? r.substring(0, 40) : r).trim();
    }

    private static long countLines(String lines) {
        long n = 0;
        for (int i = 0; i < lines.length(); i++) {
            if (lines.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean storeReachable() {
        return storeReachable;
    }

    public String lastError() {
        return lastError;
    }

    public long linesWritten() {
        return linesWritten.get();
    }

    public long batchesWritten() {
        return batchesWritten.get();
    }

    public long writeNanosTotal() {
        return writeNanosTotal.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
