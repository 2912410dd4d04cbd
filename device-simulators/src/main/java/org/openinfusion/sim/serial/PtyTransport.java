package org.openinfusion.sim.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A pty end opened with plain {@link FileChannel}s: works on Linux for raw ptys such as the ends
 * socat makes. One channel reads and another writes (a FileChannel serialises its reads and writes
 * on one lock); closing the reading channel wakes a blocked read.
 */
final class PtyTransport implements Transport {

    private final Path path;

    PtyTransport(Path path) {
        this.path = path;
    }

    @Override
    public Connection open() throws IOException {
        FileChannel reading = FileChannel.open(path, StandardOpenOption.READ);
        FileChannel writing = FileChannel.open(path, StandardOpenOption.WRITE);
        return new Connection() {
            @Override
            public int read(byte[] buffer) throws IOException {
                return reading.read(ByteBuffer.wrap(buffer));
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    writing.write(buffer);
                }
            }

            @Override
            public String describe() {
                return "pty " + path;
            }

            @Override
            public void close() throws IOException {
                try (reading) {
                    writing.close();
                }
            }
        };
    }

    @Override
    public String describe() {
        return "pty " + path;
    }

    @Override
    public void close() {
        // nothing held between connections
    }
}
