package org.openinfusion.station.storage.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After a crash the last segment may end in a half-written frame: cut it off. */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /**
     * Returns the length up to the last intact frame, truncating the file to it. A damaged frame followed by
     * intact ones is media damage, not a torn write: it is kept (the reader steps over it) and reported.
     */
    static long truncateTornTail(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            int format = Segments.format(ch);
            if (format < 0) {
                LOG.warn("durable buffer segment {} ended inside its version marker ({} bytes); emptied (never acknowledged)",
                        segment.getFileName(), size);
                ch.truncate(0);
                ch.force(true);
                return 0;
            }
            long offset = Segments.firstFrame(format);
            while (offset < size) {
                byte[] payload = Segments.read(ch, offset, size);
                if (payload != null) {
                    offset += Segments.FRAME_HEADER + payload.length;
                    continue;
                }
                long next = Segments.skippableEnd(ch, offset, size);
                if (next < 0) {
                    break;
                }
                LOG.error("durable buffer segment {} has a damaged frame at offset {}; the intact frames after it are kept",
                        segment.getFileName(), offset);
                offset = next;
            }
            if (offset < size) {
                LOG.warn("durable buffer segment {} ended in {} bytes of an incomplete write; cut off (never acknowledged)",
                        segment.getFileName(), size - offset);
                ch.truncate(offset);
                ch.force(true);
            }
            return offset;
        }
    }
}
