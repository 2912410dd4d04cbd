package org.openinfusion.station.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk of a set capacity for the files opened through it: a write that would take the files past the
 * capacity writes what still fits and then fails like a full disk ("No space left on device"); truncating
 * frees space; {@link #grow} makes room again. The bytes go to real files.
 */
public final class SmallDisk {
    private final AtomicLong capacity;
    private final AtomicLong used = new AtomicLong();

    public SmallDisk(long capacityBytes) {
        this.capacity = new AtomicLong(capacityBytes);
    }

    /** Sets the capacity to what is used now plus {@code freeBytes}. */
    public void leaveFree(long freeBytes) {
        capacity.set(used.get() + freeBytes);
    }

    public void grow(long bytes) {
        capacity.addAndGet(bytes);
    }

    public long free() {
        return capacity.get() - used.get();
    }

    /** Opens {@code file} for reading and writing (created if missing) on this disk. */
    public FileChannel open(Path file) throws IOException {
        FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        used.addAndGet(real.size());
        return new Channel(real);
    }

    private final class Channel extends FileChannel {
        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        private int writeWithin(ByteBuffer src, long position) throws IOException {
            long growth = Math.max(0, position + src.remaining() - real.size());
            long room = capacity.get() - used.get();
            if (growth > room) {
                int fits = (int) Math.max(0, src.remaining() - (growth - Math.max(0, room)));
                if (fits > 0) {
                    ByteBuffer part = src.duplicate();
                    part.limit(part.position() + fits);
                    writeWithin(part, position);
                    src.position(src.position() + fits);
                }
                throw new IOException("No space left on device");
            }
            long before = real.size();
            int n = real.write(src, position);
            used.addAndGet(real.size() - before);
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return writeWithin(src, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long p = real.position();
            int n = writeWithin(src, p);
            real.position(p + n);
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            long before = real.size();
            real.truncate(size);
            used.addAndGet(real.size() - before);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException("not used by the station");
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException("not used by the station");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException("not used by the station");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            used.addAndGet(-real.size());
            real.close();
        }
    }
}
