package org.openinfusion.station.clinical.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.Recorded;

/**
 * Follows the audit file for review: each {@link #refresh} reads only what was appended since the last one, complete
 * lines only (a line still being written is left for next time), and accepts an entry only when it continues the
 * chain (sequence, previous hash, hash recomputed from its content). The first refresh verifies the whole file.
 * Entries are kept in memory, read once as typed events ({@link HistoryReader}), grouped by session, station-wide
 * entries (no session) apart.
 *
 * <p>A broken chain, or a file that shrank, stops the tail for good: every later {@link #refresh} throws
 * {@link AuditChainBrokenException} naming the link, so no unverified entry is ever shown. Thread-safe.
 */
public final class AuditTail {
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final ChainCheck chain = new ChainCheck();
    private final Map<String, List<Recorded>> bySession = new LinkedHashMap<>();
    private final List<Recorded> stationWide = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long position;
    private long lines;
    private BrokenLink broken;

    public AuditTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Reads and verifies what was appended since the last call.
     *
     * @return how many new entries were accepted
     * @throws AuditChainBrokenException when the chain is (or was earlier found) broken
     * @throws IOException when the file cannot be read (a missing file counts as empty)
     */
    public synchronized int refresh() throws IOException {
        requireIntact();
        if (!Files.exists(file)) {
            return 0;
        }
        int accepted = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long verifiedEnd = position - partial.size();
            if (size < verifiedEnd) {
                fail(new BrokenLink(lines, chain.entries(), AuditProblem.SEQUENCE_GAP,
                        "the file shrank from " + verifiedEnd + " to " + size + " bytes: entries already read were removed"));
            }
            if (size < position) {
                // Only the unfinished line was cut back (AuditLog undoes a line whose fsync failed): read on from
                // the end of the last whole line.
                partial.reset();
                position = verifiedEnd;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, size - position)));
            while (position < size) {
                buf.clear();
                int n = ch.read(buf, position);
                if (n <= 0) {
                    break;
                }
                position += n;
                accepted += consume(buf.array(), n);
            }
        }
        return accepted;
    }

    /** Splits the bytes at line ends (a UTF-8 newline byte is never part of another character) and checks each line. */
    private int consume(byte[] bytes, int length) throws AuditChainBrokenException {
        int accepted = 0;
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                String line = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                start = i + 1;
                lines++;
                Optional<BrokenLink> link = chain.accept(lines, line);
                if (link.isPresent()) {
                    fail(link.get());
                }
                Recorded e = HistoryReader.read(chain.last());
                if (e.session() != null) {
                    bySession.computeIfAbsent(e.session().value(), k -> new ArrayList<>()).add(e);
                } else {
                    stationWide.add(e);
                }
                accepted++;
            }
        }
        partial.write(bytes, start, length - start);
        return accepted;
    }

    private void fail(BrokenLink link) throws AuditChainBrokenException {
        broken = link;
        bySession.clear();
        stationWide.clear();
        throw new AuditChainBrokenException(file, link);
    }

    private void requireIntact() throws AuditChainBrokenException {
        if (broken != null) {
            throw new AuditChainBrokenException(file, broken);
        }
    }

    /** The verified entries of one session in file order, read as typed events; empty when the session is unknown. */
    public synchronized List<Recorded> session(String sessionId) throws AuditChainBrokenException {
        requireIntact();
        List<Recorded> entries = bySession.get(sessionId);
        return entries == null ? List.of() : List.copyOf(entries);
    }

    /** Every session's verified entries in file order, by session id in order of first appearance (a copy). */
    public synchronized Map<String, List<Recorded>> sessions() throws AuditChainBrokenException {
        requireIntact();
        Map<String, List<Recorded>> copy = new LinkedHashMap<>();
        bySession.forEach((id, entries) -> copy.put(id, List.copyOf(entries)));
        return Collections.unmodifiableMap(copy);
    }

    /** The verified entries that belong to no session (sign-ins, accounts, refusals, exports), in file order (a copy). */
    public synchronized List<Recorded> stationWide() throws AuditChainBrokenException {
        requireIntact();
        return List.copyOf(stationWide);
    }

    /** The number of verified entries so far (station-wide ones included). */
    public synchronized long entries() {
        return chain.entries();
    }

    /** Where the chain broke, if it did. */
    public synchronized Optional<BrokenLink> broken() {
        return Optional.ofNullable(broken);
    }
}
