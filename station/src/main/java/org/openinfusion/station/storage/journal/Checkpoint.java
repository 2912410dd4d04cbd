package org.openinfusion.station.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** The reader's committed position, replaced atomically (write, fsync, rename). */
final class Checkpoint {
    private final Path file;
    private final Path temp;

    Checkpoint(Path dir) {
        this.file = dir.resolve("checkpoint");
        this.temp = dir.resolve("checkpoint.tmp");
    }

    Optional<JournalPosition> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(":");
        try {
            return Optional.of(new JournalPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (RuntimeException e) {
            throw new IOException("unreadable checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    void write(JournalPosition p) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((p.segment() + ":" + p.offset() + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(false);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
