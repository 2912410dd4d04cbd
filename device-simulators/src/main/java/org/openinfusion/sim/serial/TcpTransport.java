package org.openinfusion.sim.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A serial device server on the loopback interface: one TCP client at a time, the next waits in the backlog. */
public final class TcpTransport implements Transport {

    private final ServerSocket server;

    TcpTransport(int port) throws IOException {
        this.server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    }

    /** The port listened on (useful after asking for port 0). */
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public Connection open() throws IOException {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new Connection() {
            @Override
            public int read(byte[] buffer) throws IOException {
                return in.read(buffer);
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                out.write(bytes);
                out.flush();
            }

            @Override
            public String describe() {
                return "tcp client " + socket.getRemoteSocketAddress();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }

    @Override
    public String describe() {
        return "tcp 127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
