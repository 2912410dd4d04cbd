package org.openinfusion.station.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file of points the store refused for good: each batch is appended after a {@code # refused: reason} line
 * and fsynced (a new file's folder too) before {@link #append} returns, so the drain commits the durable buffer,
 * which frees the batch's source, only once the batch is safe here.
 */
final class DeadLetterFile {
    /** How written bytes are made durable; replaced in tests to fail or to observe the order. */
    interface Fsync {
        void force(FileChannel channel) throws IOException;
    }

    private final Path file;
    private final Fsync fsync;

    DeadLetterFile(Path file, Fsync fsync) {
        this.file = file;
        this.fsync = fsync;
    }

    DeadLetterFile(Path file) {
        this(file, channel -> channel.force(true));
    }

    Path file() {
        return file;
    }

    void append(String why, String lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean created = !Files.exists(file);
        ByteBuffer bytes = ByteBuffer.wrap(("# refused: " + why.replace('\n', ' ') + "\n" + lines).getBytes(StandardCharsets.UTF_8));
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long before = out.size();
            try {
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                fsync.force(out);
            } catch (IOException e) {
                // Cut a partial batch off again: the batch stays in the buffer and is written here whole on the retry.
                try {
                    out.truncate(before);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
        }
        if (created) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
    }
}
