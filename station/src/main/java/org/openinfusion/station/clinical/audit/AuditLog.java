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
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit file. {@link #append} returns only after the entry is written
 * and fsynced. Appends are serialised; any thread may call. Format and rules: docs/audit.md.
 * Logs name the file and counts only, never an entry's content.
 */
public final class AuditLog implements Closeable {
    /** Written on open when the last line was cut short by a crash; its payload keeps the discarded text. */
    public static final String TORN_TAIL = "audit.torn_tail_discarded";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** How written bytes are made durable; replaced in tests to observe the order of write and sync. */
    interface Fsync {
        void force(FileChannel channel) throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private final Clock clock;
    private final Fsync fsync;
    private final FileChannel channel;
    private AuditEntry last;
    private boolean failed;

    private AuditLog(Path file, Clock clock, Fsync fsync, FileChannel channel, AuditEntry last) {
        this.file = file;
        this.clock = clock;
        this.fsync = fsync;
        this.channel = channel;
        this.last = last;
    }

    /** Opens (or creates) the file, verifies the whole chain and continues it. */
    public static AuditLog open(Path file, Clock clock) throws IOException {
        return open(file, clock, channel -> channel.force(true));
    }

    static AuditLog open(Path file, Clock clock, Fsync fsync) throws IOException {
        boolean existed = Files.exists(file);
        byte[] bytes = existed ? Files.readAllBytes(file) : new byte[0];
        AuditVerifier.Outcome outcome = AuditVerifier.check(new String(bytes, StandardCharsets.UTF_8));
        BrokenLink broken = outcome.broken().orElse(null);
        if (broken != null && broken.problem() != AuditProblem.UNTERMINATED_LINE) {
            throw new AuditChainBrokenException(file, broken);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        AuditLog log = new AuditLog(file, clock, fsync, channel, outcome.chain().last());
        if (!existed) {
            syncDirectory(file.toAbsolutePath().getParent());
        }
        int keep = lastLineEnd(bytes);
        channel.truncate(keep).position(keep);
        if (keep < bytes.length) {
            byte[] torn = Arrays.copyOfRange(bytes, keep, bytes.length);
            LOG.warn("audit file {}: discarding a cut-short last line ({} bytes), kept in a {} entry",
                    file.getFileName(), torn.length, TORN_TAIL);
            log.append(new AuditEvent(TORN_TAIL, "station", null,
                    Map.of("line", broken.line(), "discardedBase64", Base64.getEncoder().encodeToString(torn))));
        }
        LOG.info("audit file {} opened: {} entries, chain intact", file.getFileName(), log.size());
        return log;
    }

    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
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

    /** Seals, writes and fsyncs the event; returns once it is durable. */
    public AuditEntry append(AuditEvent event) throws IOException {
        lock.lock();
        try {
            if (failed) {
                throw new IOException("audit file " + file + " failed earlier; reopen it to recover");
            }
            long seq = last == null ? 1 : last.seq() + 1;
            String prev = last == null ? AuditJson.GENESIS : last.hash();
            AuditEntry entry = AuditEntry.seal(seq, nextTime(), event, prev);
            write(entry);
            last = entry;
            return entry;
        } finally {
            lock.unlock();
        }
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
            channel.close();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends one line and fsyncs it. On failure the line is cut off again (best effort), so an entry the
     * caller was told did not happen does not reappear in the chain on the next open; the log then refuses
     * further appends.
     */
    private void write(AuditEntry entry) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((entry.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        long before = channel.size();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            fsync.force(channel);
        } catch (IOException e) {
            failed = true;
            try {
                channel.truncate(before);
                channel.force(true);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** The clock's time in microseconds, kept strictly increasing so no two entries share a time. */
    private Instant nextTime() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (last != null && !now.isAfter(last.time())) {
            return last.time().plus(1, ChronoUnit.MICROS);
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
