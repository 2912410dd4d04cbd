package org.openinfusion.station.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openinfusion.station.storage.PointWriter.PointsRejectedException;
import org.openinfusion.station.storage.PointWriter.StoreUnavailableException;
import org.openinfusion.station.storage.compact.MalformedEntryException;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.station.storage.journal.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the durable buffer into the store, in order, on its own thread. A batch is committed in
 * the buffer only after the store confirmed it; while the store is away the same batch is retried
 * with back-off (250 ms doubling to 10 s), and during the back-off the store is pinged every 250 ms
 * so that a store seen down and then answering is written to at once. Points the store refuses for
 * good go to a dead-letter file, fsynced before the commit, never silently away.
 */
public final class StorageDrain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageDrain.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration PROBE_INTERVAL = Duration.ofMillis(250);
    /** About how many bytes of line protocol one byte of a compact entry becomes (a waveform sample: ~4 -> ~110). */
    static final int COMPACT_RATIO = 16;

    /** How the drain waits; replaced in tests so back-off is counted, not slept. */
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final DurableJournal journal;
    private final PointWriter writer;
    private final long batchBytes;
    private final DeadLetterFile deadLetters;
    private final Pause pause;
    private final Thread thread;
    private final AtomicLong linesWritten = new AtomicLong();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong writeNanosTotal = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean storeReachable;
    private volatile String lastError = "";
    private volatile Runnable onChange = () -> { };

    public StorageDrain(DurableJournal journal, PointWriter writer, long batchBytes, Path deadLetters) {
        this(journal, writer, batchBytes, new DeadLetterFile(deadLetters), Thread::sleep);
    }

    StorageDrain(DurableJournal journal, PointWriter writer, long batchBytes, DeadLetterFile deadLetters, Pause pause) {
        this.journal = journal;
        this.writer = writer;
        this.batchBytes = batchBytes;
        this.deadLetters = deadLetters;
        this.pause = pause;
        this.thread = Thread.ofPlatform().name("storage-drain").daemon().start(this::run);
    }

    private void run() {
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() throws InterruptedException {
        Duration backoff = MIN_BACKOFF;
        boolean prepared = false;
        while (running) {
            try {
                if (!prepared) {
                    writer.prepare();
                    prepared = true;
                    reachable(true, "");
                }
                List<JournalEntry> batch = nextBatch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
                backoff = MIN_BACKOFF;
            } catch (StoreUnavailableException e) {
                String why = String.valueOf(e.getMessage());
                prepared = prepared && !why.startsWith("database missing");
                reachable(false, why);
                journal.rewindToCommitted();
                waitForStore(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (IOException e) {
                LOG.error("durable buffer read or dead-letter write failed: {}; retrying the batch in {} s", e.toString(),
                        MAX_BACKOFF.toSeconds());
                journal.rewindToCommitted();
                pause.sleep(MAX_BACKOFF);
            }
        }
    }

    /**
     * Waits out the back-off, pinging the store every probe interval; returns early once a ping that failed is
     * followed by one that succeeds (the store came back). A store that answers pings but fails writes gets the
     * whole back-off.
     */
    private void waitForStore(Duration backoff) throws InterruptedException {
        boolean seenDown = false;
        for (Duration waited = Duration.ZERO; waited.compareTo(backoff) < 0 && running; waited = waited.plus(PROBE_INTERVAL)) {
            pause.sleep(PROBE_INTERVAL);
            boolean up = writer.ping();
            if (up && seenDown) {
                LOG.info("time-series store answers again; retrying now");
                return;
            }
            seenDown |= !up;
        }
    }

    /**
     * Entries whose line protocol comes to about {@code batchBytes}: compact entries are far smaller than their
     * lines, so they are read in steps of {@code batchBytes / COMPACT_RATIO} until the lines fill a batch.
     */
    private List<JournalEntry> nextBatch() throws IOException, InterruptedException {
        List<JournalEntry> batch = new ArrayList<>(journal.nextBatch(Math.max(1, batchBytes / COMPACT_RATIO), 50));
        long textBytes = textBytes(batch);
        while (!batch.isEmpty() && textBytes < batchBytes) {
            List<JournalEntry> more = journal.nextBatch(Math.max(1, (batchBytes - textBytes) / COMPACT_RATIO), 0);
            if (more.isEmpty()) {
                break;
            }
            batch.addAll(more);
            textBytes += textBytes(more);
        }
        return batch;
    }

    private static long textBytes(List<JournalEntry> entries) {
        long n = 0;
        for (JournalEntry e : entries) {
            n += e.format() == DurableJournal.HEADERLESS ? e.payload().length : (long) e.payload().length * COMPACT_RATIO;
        }
        return n;
    }

    private void deliver(List<JournalEntry> batch) throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> undecodable = new ArrayList<>();
        for (JournalEntry e : batch) {
            try {
                JournalEntries.appendLines(e, text);
            } catch (MalformedEntryException bad) {
                undecodable.add("# " + e.end() + " format " + e.format() + " " + bad.getMessage().replace('\n', ' ') + ": "
                        + Base64.getEncoder().encodeToString(e.payload()) + "\n");
            }
        }
        String lines = text.toString();
        if (!lines.isEmpty()) {
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
        }
        if (!undecodable.isEmpty()) {
            deadLetters.append("durable buffer entries that do not decode (base64 of each)", String.join("", undecodable));
            deadLettered.addAndGet(undecodable.size());
            LOG.error("{} durable buffer entries do not decode; kept in {}", undecodable.size(), deadLetters.file());
        }
        journal.commit(batch.getLast().end());
    }

    private void deadLetter(String lines, String why) throws IOException {
        long n = countLines(lines);
        deadLetters.append(why, lines);
        deadLettered.addAndGet(n);
        // The store's reason may quote a refused line (an audit mirror line holds a subject code): log only its first words.
        LOG.error("store refused a batch of {} points for good ({}); kept with the full reason in {}", n, firstWords(why),
                deadLetters.file());
    }

    private void reachable(boolean now, String error) {
        if (now != storeReachable) {
            if (now) {
                LOG.info("time-series store reachable; draining the durable buffer ({} bytes pending)", journal.pendingBytes());
            } else {
                LOG.warn("time-series store unreachable ({}); data is kept in the durable buffer", error);
            }
        }
        boolean changed = now != storeReachable;
        storeReachable = now;
        lastError = error;
        if (changed) {
            onChange.run();
        }
    }

    /** Run (on the drain thread; must not block) whenever the store becomes reachable or unreachable. */
    public void onReachabilityChange(Runnable r) {
        onChange = r;
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
