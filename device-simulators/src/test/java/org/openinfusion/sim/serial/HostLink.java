package org.openinfusion.sim.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Predicate;
import org.openinfusion.testing.Eventually;

/** The test's side of the line: writes requests and collects what the device sends on a reader thread. */
public final class HostLink implements AutoCloseable {

    private final AutoCloseable resource;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean ended;

    private HostLink(AutoCloseable resource, InputStream in, OutputStream out) {
        this.resource = resource;
        this.out = out;
        this.reader = Thread.ofPlatform().daemon().start(() -> readAll(in));
    }

    public static HostLink tcp(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        return new HostLink(socket, socket.getInputStream(), socket.getOutputStream());
    }

    public static HostLink pty(Path path) throws IOException {
        FileChannel reading = FileChannel.open(path, StandardOpenOption.READ);
        FileChannel writing = FileChannel.open(path, StandardOpenOption.WRITE);
        AutoCloseable both = () -> {
            writing.close();
            reading.close();
        };
        return new HostLink(both, Channels.newInputStream(reading), Channels.newOutputStream(writing));
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** True when the device closed the connection (end of stream). */
    public boolean ended() {
        return ended;
    }

    /** Waits until what was received satisfies {@code condition}; the bytes, or what there is at timeout. */
    public byte[] await(Predicate<byte[]> condition, Duration timeout) throws InterruptedException {
        Eventually.poll(timeout, this::received, bytes -> condition.test(bytes) || ended);
        return received();
    }

    public void clear() {
        synchronized (received) {
            received.reset();
        }
    }

    private void readAll(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // closed by the test or the device
        }
        ended = true;
    }

    @Override
    public void close() throws Exception {
        resource.close();
        reader.join(2000);
    }
}
