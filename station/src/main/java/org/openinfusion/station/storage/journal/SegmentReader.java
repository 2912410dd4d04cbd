package org.openinfusion.station.storage.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The journal's read cursor. Called only under the journal's lock. */
final class SegmentReader {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentReader.class);

    private final Path dir;
    private JournalPosition position;
    private FileChannel channel;
    private long channelSegment = -1;
    private int channelFormat;

    SegmentReader(Path dir, JournalPosition start) {
        this.dir = dir;
        this.position = start;
    }

    boolean hasMore(TreeMap<Long, Long> sizes) {
        Map.Entry<Long, Long> last = sizes.lastEntry();
        return last != null && position.compareTo(new JournalPosition(last.getKey(), last.getValue())) < 0;
    }

    List<JournalEntry> read(TreeMap<Long, Long> sizes, long maxBytes) throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        long bytes = 0;
        while (bytes < maxBytes && hasMore(sizes)) {
            Long limit = sizes.get(position.segment());
            if (limit == null || position.offset() >= limit) {
                Long next = sizes.higherKey(position.segment());
                if (next == null) {
                    break;
                }
                position = new JournalPosition(next, 0);
                continue;
            }
            FileChannel ch = channel(position.segment());
            int first = Segments.firstFrame(channelFormat);
            if (position.offset() < first) {
                position = new JournalPosition(position.segment(), first);
                continue;
            }
            byte[] payload = Segments.read(ch, position.offset(), limit);
            if (payload == null) {
                long next = Segments.skippableEnd(channel(position.segment()), position.offset(), limit);
                if (next > 0) {
                    LOG.error("durable buffer segment {}: damaged frame at offset {} skipped ({} bytes); the rest is read",
                            position.segment(), position.offset(), next - position.offset());
                    position = new JournalPosition(position.segment(), next);
                } else {
                    skipDamagedSegment(sizes, limit);
                }
                continue;
            }
            position = new JournalPosition(position.segment(), position.offset() + Segments.FRAME_HEADER + payload.length);
            out.add(new JournalEntry(payload, position, channelFormat));
            bytes += payload.length;
        }
        return out;
    }

    private void skipDamagedSegment(TreeMap<Long, Long> sizes, long limit) {
        LOG.error("durable buffer segment {} is damaged at offset {}: {} bytes after it cannot be read and are skipped",
                position.segment(), position.offset(), limit - position.offset());
        position = new JournalPosition(position.segment(), limit);
    }

    void seek(JournalPosition p) {
        position = p;
    }

    void forget(long segment) throws IOException {
        if (segment == channelSegment) {
            close();
        }
    }

    private FileChannel channel(long segment) throws IOException {
        if (segment != channelSegment) {
            close();
            try {
                channel = FileChannel.open(Segments.path(dir, segment), StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw new IOException("durable buffer segment " + segment + " vanished", e);
            }
            channelSegment = segment;
            channelFormat = Segments.format(channel);
            if (channelFormat < 0) {
                throw new IOException("durable buffer segment " + segment + " has a torn version marker");
            }
        }
        return channel;
    }

    void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            channelSegment = -1;
        }
    }
}
