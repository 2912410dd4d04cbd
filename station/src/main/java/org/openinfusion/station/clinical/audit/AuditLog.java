package org.openinfusion.station.clinical.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit file. {@link #append} returns only after the entry is written
 * and fsynced. Appends are serialised; any thread may call. Format and rules: docs/audit.md.
 * Logs name the file and counts only, never an entry's content.
 *
 * <p>An entry is written as its line without the line end, fsynced, and only then given its line end, so a
 * reader that takes whole lines ({@link AuditTail}) never sees an entry that could still be undone. When a
 * write or fsync fails (disk full, I/O error), the bytes of that entry are cut off again, the log becomes
 * unavailable (its {@link StatusListener} is told) and the caller gets an {@link AuditUnavailableException}.
 * Every later {@link #append}, and {@link #maintain} (called periodically by the station), reopens the file:
 * it checks that the file still ends with the last entry, cuts off anything after it, records an
 * {@value #UNAVAILABLE_PERIOD} entry and accepts entries again; the chain goes on from the last durable entry.
 */
public final class AuditLog implements Closeable {
    /** Written on open when the last line was cut short by a crash; its payload keeps the discarded text. */
    public static final String TORN_TAIL = "audit.torn_tail_discarded";
    /** Written when the log accepts entries again after failing: since when, why, and how many entries it refused. */
    public static final String UNAVAILABLE_PERIOD = "audit.unavailable_period";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final byte[] LINE_END = {'\n'};

    /** How written bytes are made durable; replaced in tests to observe the order of write and sync. */
    interface Fsync {
        void force(FileChannel channel) throws IOException;
    }

    /** Opens the file for reading and writing; replaced in tests by channels that fail like a full disk. */
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    /** Told, under the log's lock, whenever the log stops or starts accepting entries; must not block. */
    public interface StatusListener {
        void changed(boolean available, String reason);
    }

    private record Failure(Instant since, String reason, long refused) {
        Failure refusedOneMore() {
            return new Failure(since, reason, refused + 1);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private final Clock clock;
    private final Fsync fsync;
    private final Opener opener;
    /** Signs checkpoints of the trail outside its file; null for a log without anchoring (tests, tools). */
    private final AuditAnchor anchor;
    /** Set when the file was refused at open (broken or tampered): it is never reopened. */
    private final String refusedAtOpen;
    private FileChannel channel;
    private AuditEntry last;
    /** Bytes of durable entries: the file's valid length (without the last line end while {@link #terminated} is false). */
    private long end;
    /** Where the last entry's line starts. */
    private long lastStart;
    /** Whether the last entry's line end is written (it is written after its fsync and can fail on its own). */
    private boolean terminated = true;
    /** Written under the lock; read without it, so health (on an event loop) never waits for a disk write. */
    private volatile Failure failure;
    private volatile StatusListener listener = (available, reason) -> { };

    private AuditLog(Path file, Clock clock, Fsync fsync, Opener opener, FileChannel channel, AuditEntry last, long end) {
        this(file, clock, fsync, opener, channel, last, end, null, null);
    }

    private AuditLog(Path file, Clock clock, Fsync fsync, Opener opener, FileChannel channel, AuditEntry last, long end,
                     AuditAnchor anchor, String refusedAtOpen) {
        this.file = file;
        this.clock = clock;
        this.fsync = fsync;
        this.opener = opener;
        this.anchor = anchor;
        this.refusedAtOpen = refusedAtOpen;
        this.channel = channel;
        this.last = last;
        this.end = end;
    }

    /** Opens (or creates) the file, verifies the whole chain and continues it. */
    public static AuditLog open(Path file, Clock clock) throws IOException {
        return open(file, clock, channel -> channel.force(true), AuditLog::openChannel);
    }

    /**
     * Opens (or creates) the file, verifies the whole chain, checks it against the anchor's signed checkpoints and
     * continues it; signs a checkpoint of its last entry now, after every {@code every} entries and at close.
     *
     * @throws AuditTamperedException when the file is shorter than, or differs from, what was signed
     */
    public static AuditLog open(Path file, Clock clock, AuditAnchor anchor) throws IOException {
        return open(file, clock, channel -> channel.force(true), AuditLog::openChannel, anchor);
    }

    /**
     * A log that refuses every entry: the file was found broken or tampered with at open. It stays unavailable
     * ({@link #unavailableReason} says why) and never touches the file, which is kept as evidence.
     */
    public static AuditLog refused(Path file, Clock clock, String reason) {
        AuditLog log = new AuditLog(file, clock, c -> { }, f -> {
            throw new IOException("refused at open: " + reason);
        }, null, null, 0, null, reason);
        log.failure = new Failure(clock.instant(), reason, 0);
        return log;
    }

    static AuditLog open(Path file, Clock clock, Fsync fsync) throws IOException {
        return open(file, clock, fsync, AuditLog::openChannel);
    }

    static AuditLog open(Path file, Clock clock, Fsync fsync, Opener opener) throws IOException {
        return open(file, clock, fsync, opener, null);
    }

    static AuditLog open(Path file, Clock clock, Fsync fsync, Opener opener, AuditAnchor anchor) throws IOException {
        boolean existed = Files.exists(file);
        byte[] bytes = existed ? Files.readAllBytes(file) : new byte[0];
        AuditVerifier.Outcome outcome = AuditVerifier.check(new String(bytes, StandardCharsets.UTF_8));
        BrokenLink broken = outcome.broken().orElse(null);
        if (broken != null && broken.problem() != AuditProblem.UNTERMINATED_LINE) {
            throw new AuditChainBrokenException(file, broken);
        }
        int keep = lastLineEnd(bytes);
        // A last line without its line end is a whole entry when it continues the chain: its fsync came first
        // and only the line end was lost. Anything else there is a torn append.
        boolean wholeLastEntry = broken != null && outcome.chain().accept(broken.line(),
                new String(bytes, keep, bytes.length - keep, StandardCharsets.UTF_8)).isEmpty();
        if (wholeLastEntry) {
            keep = bytes.length;
        }
        if (anchor != null) {
            String[] lines = new String(bytes, 0, keep, StandardCharsets.UTF_8).split("\n");
            anchor.check(file, outcome.chain().entries(),
                    seq -> seq == 0 ? AuditJson.GENESIS : AuditEntry.fromLine(lines[(int) seq - 1]).hash());
        }
        FileChannel channel = opener.open(file);
        AuditLog log = new AuditLog(file, clock, fsync, opener, channel, outcome.chain().last(), keep, anchor, null);
        log.lastStart = lastLineEnd(Arrays.copyOf(bytes, Math.max(0, keep - (wholeLastEntry ? 0 : 1))));
        if (!existed) {
            syncDirectory(file.toAbsolutePath().getParent());
        }
        channel.truncate(keep);
        if (wholeLastEntry) {
            log.terminated = false;
            log.terminate();
            LOG.info("audit file {}: the last entry's line end was missing and was added", file.getFileName());
        }
        if (keep < bytes.length) {
            byte[] torn = Arrays.copyOfRange(bytes, keep, bytes.length);
            LOG.warn("audit file {}: discarding a cut-short last line ({} bytes), kept in a {} entry",
                    file.getFileName(), torn.length, TORN_TAIL);
            log.append(new AuditEvent(TORN_TAIL, "station", null,
                    Map.of("line", broken.line(), "discardedBase64", Base64.getEncoder().encodeToString(torn))));
        }
        log.anchorQuietly();
        LOG.info("audit file {} opened: {} entries, chain intact{}", file.getFileName(), log.size(),
                anchor == null ? "" : ", matches its signed checkpoints");
        return log;
    }

    private static FileChannel openChannel(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Who is told when the log stops or starts accepting entries (replaces the previous listener). */
    public void onStatusChange(StatusListener l) {
        listener = l;
    }

    public AuditEntry append(String type, String actor, String sessionId, Map<String, Object> payload)
            throws IOException {
        return append(new AuditEvent(type, actor, sessionId, payload));
    }

    /** Appends a correction entry that references {@code original}; the original stays as written. */
    public AuditEntry appendCorrection(AuditEntry original, String actor, String reason,
                                       Map<String, Object> correctedValues) throws IOException {
        return append(AuditEvent.correctionOf(original, actor, reason, correctedValues));
    }

    /**
     * Seals, writes and fsyncs the event; returns once it is durable.
     *
     * @throws AuditUnavailableException when it could not be made durable now (nothing of it stays in the file)
     */
    public AuditEntry append(AuditEvent event) throws IOException {
        return appendAll(List.of(event)).getFirst();
    }

    /**
     * Seals the events as consecutive entries and writes them with one write and one fsync: either all of them are
     * durable when this returns, or (on a failure) none of them stays in the file. For entries that belong together,
     * such as a rating's correction in review and the amendment that gives its reason.
     *
     * @throws AuditUnavailableException when they could not be made durable now (nothing of them stays in the file)
     */
    public List<AuditEntry> appendAll(List<AuditEvent> events) throws IOException {
        if (events.isEmpty()) {
            return List.of();
        }
        lock.lock();
        try {
            if (failure != null && !reopen()) {
                failure = failure.refusedOneMore();
                throw new AuditUnavailableException("audit file " + file.getFileName() + " unavailable since "
                        + failure.since() + " (" + failure.reason() + "); the entry was not written", null);
            }
            return appendAvailable(events);
        } finally {
            lock.unlock();
        }
    }

    private List<AuditEntry> appendAvailable(List<AuditEvent> events) throws AuditUnavailableException {
        try {
            return writeEntries(events);
        } catch (IOException e) {
            failure = new Failure(clock.instant(), e.toString(), 1);
            LOG.error("audit file {} unavailable: {}; entries are refused until it can be written again",
                    file.getFileName(), e.toString());
            listener.changed(false, e.toString());
            throw new AuditUnavailableException("audit file " + file.getFileName() + " could not be written ("
                    + e.getMessage() + "); the entry was not written", e);
        }
    }

    private List<AuditEntry> writeEntries(List<AuditEvent> events) throws IOException {
        List<AuditEntry> sealed = new ArrayList<>(events.size());
        AuditEntry previous = last;
        for (AuditEvent event : events) {
            long seq = previous == null ? 1 : previous.seq() + 1;
            String prev = previous == null ? AuditJson.GENESIS : previous.hash();
            previous = AuditEntry.seal(seq, timeAfter(previous), event, prev);
            sealed.add(previous);
        }
        write(sealed);
        last = previous;
        if (!terminated) {
            terminate();
        }
        if (anchor != null && sealed.stream().anyMatch(e -> anchor.due(e.seq()))) {
            anchorQuietly();
        }
        return List.copyOf(sealed);
    }

    /**
     * Signs a checkpoint of the last durable entry (of the empty trail when there is none). A failure is logged and
     * does not undo the entry: the next checkpoint covers it.
     */
    private void anchorQuietly() {
        if (anchor == null) {
            return;
        }
        try {
            anchor.checkpoint(last == null ? 0 : last.seq(), last == null ? AuditJson.GENESIS : last.hash());
        } catch (IOException | RuntimeException e) {
            LOG.warn("audit file {}: checkpoint of entry {} not written ({}); the next one covers it", file.getFileName(),
                    last == null ? 0 : last.seq(), e.toString());
        }
    }

    /**
     * Retries what failed: reopens an unavailable log, or writes a missing line end. Returns whether the log
     * accepts entries. Blocks on disk; the station calls it periodically from a worker.
     */
    public boolean maintain() {
        lock.lock();
        try {
            if (refusedAtOpen != null) {
                return false;
            }
            if (failure != null) {
                return reopen();
            }
            if (!terminated) {
                terminate();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the log accepts entries now (false from a failed write until it reopens). Never blocks. */
    public boolean available() {
        return failure == null;
    }

    /** Why the log is unavailable, or empty when it is available. Never blocks. */
    public String unavailableReason() {
        Failure f = failure;
        return f == null ? "" : f.reason();
    }

    /** The number of entries in the file. */
    public long size() {
        lock.lock();
        try {
            return last == null ? 0 : last.seq();
        } finally {
            lock.unlock();
        }
    }

    /** The last entry written, or null for an empty file. */
    public AuditEntry lastEntry() {
        lock.lock();
        try {
            return last;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (channel == null) {
                return;
            }
            if (channel.isOpen() && failure == null) {
                if (!terminated) {
                    terminate();
                }
                channel.force(true);
                anchorQuietly();
            }
            channel.close();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the entries' lines, one after another (after the previous entry's line end if that is still missing), with
     * one write and one fsync. On failure everything written is cut off again (best effort; {@link #reopen} makes sure
     * before the next entry), so entries the caller was told did not happen never reappear in the chain.
     */
    private void write(List<AuditEntry> entries) throws IOException {
        StringBuilder text = new StringBuilder(terminated ? "" : "\n");
        long start = end + (terminated ? 0 : 1);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                text.append('\n');
                start = end + text.toString().getBytes(StandardCharsets.UTF_8).length;
            }
            text.append(entries.get(i).toLine());
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long position = end;
        try {
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            fsync.force(channel);
        } catch (IOException e) {
            try {
                cutBackToEnd(channel);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        end = position;
        lastStart = start;
        terminated = false;
    }

    /**
     * Cuts the file back to the last durable entry. A line end of that entry written since (a reader of whole
     * lines may have seen it) is kept, so the file never shrinks below what such a reader verified.
     */
    private void cutBackToEnd(FileChannel c) throws IOException {
        long keep = end;
        if (!terminated && c.size() > end) {
            ByteBuffer b = ByteBuffer.allocate(1);
            if (c.read(b, end) == 1 && b.get(0) == '\n') {
                keep = end + 1;
            }
        }
        c.truncate(keep);
        c.force(true);
        if (keep > end) {
            end = keep;
            terminated = true;
        }
    }

    /** Writes the last entry's line end, which lets readers of whole lines see it. Its durability rides on the next fsync. */
    private void terminate() {
        try {
            if (channel.write(ByteBuffer.wrap(LINE_END), end) == 1) {
                end++;
                terminated = true;
            }
        } catch (IOException e) {
            LOG.warn("audit file {}: line end of entry {} not written yet ({}); written before the next entry",
                    file.getFileName(), last == null ? 0 : last.seq(), e.toString());
        }
    }

    /**
     * Opens the file again after a failure: it must still hold every durable entry and end with the last one;
     * anything after that (a half-written entry whose undo failed) is cut off. Then records the unavailable
     * period and accepts entries again. Returns false (still unavailable) when any of it fails.
     */
    private boolean reopen() {
        if (refusedAtOpen != null) {
            return false;
        }
        FileChannel fresh = null;
        try {
            fresh = opener.open(file);
            checkEndsWithLastEntry(fresh);
            cutBackToEnd(fresh);
        } catch (IOException e) {
            closeQuietly(fresh);
            LOG.debug("audit file {} still unavailable: {}", file.getFileName(), e.toString());
            return false;
        }
        FileChannel old = channel;
        channel = fresh;
        closeQuietly(old);
        EventCodec.Encoded period = EventCodec.encode(new TrailEvent.UnavailablePeriod(failure.since(), failure.reason(), failure.refused()));
        try {
            writeEntries(List.of(new AuditEvent(period.type(), "station", null, period.payload())));
        } catch (IOException e) {
            LOG.debug("audit file {} still unavailable: {}", file.getFileName(), e.toString());
            return false;
        }
        LOG.info("audit file {} writable again after refusing {} entries since {}; chain continues at entry {}",
                file.getFileName(), failure.refused(), failure.since(), last.seq());
        failure = null;
        listener.changed(true, "");
        return true;
    }

    private void checkEndsWithLastEntry(FileChannel c) throws IOException {
        long size = c.size();
        if (size < end) {
            throw new IOException("the file is shorter (" + size + " bytes) than its durable entries (" + end + ")");
        }
        if (last == null) {
            return;
        }
        ByteBuffer found = ByteBuffer.allocate((int) (end - (terminated ? 1 : 0) - lastStart));
        while (found.hasRemaining() && c.read(found, lastStart + found.position()) > 0) {
            // read on
        }
        String line = new String(found.array(), StandardCharsets.UTF_8);
        try {
            if (!AuditEntry.fromLine(line).hash().equals(last.hash())) {
                throw new IOException("the file no longer ends with entry " + last.seq());
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("the file no longer ends with entry " + last.seq() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("closing a failed audit channel: {}", e.toString());
        }
    }

    /**
     * The clock's time in microseconds, or just after {@code previous} (the entry before the one sealed) when the clock
     * has not passed it: entry times strictly increase, so no two entries share a time.
     */
    private Instant timeAfter(AuditEntry previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (previous != null && !now.isAfter(previous.time())) {
            return previous.time().plus(1, ChronoUnit.MICROS);
        }
        return now;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }
}
