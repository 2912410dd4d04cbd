package org.openinfusion.sim.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port in front of a broker that is slow to accept: nothing listens on it until
 * {@link #open} (connections are refused), and then each connection's bytes are held for
 * {@code holdMillis} before they are forwarded both ways (a CONNECT that waits for its CONNACK).
 */
final class LatePort implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile ServerSocket server;

    LatePort(int target) throws IOException {
        this.port = LocalBroker.freePort();
        this.target = target;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts listening; every connection then waits {@code holdMillis} before any byte is forwarded. */
    void open(long holdMillis) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("late-port-accept").start(() -> {
            try {
                while (true) {
                    Socket client = server.accept();
                    Thread.ofPlatform().daemon().start(() -> forward(client, holdMillis));
                }
            } catch (IOException e) {
                // closed
            }
        });
    }

    private void forward(Socket client, long holdMillis) {
        try {
            Thread.sleep(holdMillis); // pacing: the slow broker this port stands for
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
            synchronized (sockets) {
                sockets.add(client);
                sockets.add(broker);
            }
            Thread.ofPlatform().daemon().start(() -> pump(client, broker));
            pump(broker, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        synchronized (sockets) {
            sockets.forEach(LatePort::closeQuietly);
        }
    }
}
