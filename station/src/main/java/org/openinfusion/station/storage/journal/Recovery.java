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

    /** Returns the length of the intact prefix, truncating the file to it. */
    static long truncateTornTail(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long offset = 0;
            byte[] payload;
            while ((payload = Segments.read(ch, offset, size)) != null) {
                offset += Segments.FRAME_HEADER + payload.length;
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
