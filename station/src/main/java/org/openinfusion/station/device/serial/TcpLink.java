package org.openinfusion.station.device.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Serial over TCP: a raw TCP connection to a serial device server (line settings are set on the server). */
final class TcpLink implements ByteLink {
    static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpLink(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TcpLink open(String host, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            s.setSoTimeout(LinkOpener.READ_TIMEOUT_MILLIS);
            s.setKeepAlive(true);
            s.setTcpNoDelay(true);
            return new TcpLink(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
