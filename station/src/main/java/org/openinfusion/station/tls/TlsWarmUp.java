package org.openinfusion.station.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * One TLS handshake in memory (two JDK {@link SSLEngine}s, no socket) between a server with the key and certificate of
 * {@code tls} and a client that trusts its authority only, as the station's own MQTT client does ({@link PemTrust}). In a
 * fresh JVM the first handshake loads and initialises a few hundred classes of the JDK's TLS code (on both sides: the
 * embedded broker's listener uses the same JDK engine) and its key exchange and signatures; done on a spare thread while
 * the broker starts, the station's first real connection to it finds them ready (docs/performance.md, "Start-up, session
 * 13"). Nothing of it is kept or sent anywhere.
 */
public final class TlsWarmUp {
    /** More than a TLS 1.3 or 1.2 handshake takes between two engines; a loop that gets there has gone wrong. */
    private static final int MAX_STEPS = 200;

    private TlsWarmUp() {
    }

    /**
     * Runs the handshake; returns normally when both engines finished it.
     *
     * @throws IOException when the key store or authority cannot be read, or the engines do not finish
     */
    public static void handshake(GeneratedTls tls) throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keystore())) {
                keys.load(in, tls.keystorePassword().toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, tls.keystorePassword().toCharArray());
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(kmf.getKeyManagers(), null, null);
            SSLEngine server = serverContext.createSSLEngine();
            server.setUseClientMode(false);
            SSLEngine client = PemTrust.context(tls.caPem()).createSSLEngine(GeneratedTls.LOOPBACK.getFirst(), 0);
            client.setUseClientMode(true);
            run(client, server);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS warm-up: " + e.getMessage(), e);
        }
    }

    /** Passes the engines' records to each other until neither is handshaking. */
    private static void run(SSLEngine client, SSLEngine server) throws SSLException {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(4 * packet);
        ByteBuffer toClient = ByteBuffer.allocate(4 * packet);
        ByteBuffer clientApp = ByteBuffer.allocate(app);
        ByteBuffer serverApp = ByteBuffer.allocate(app);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < MAX_STEPS; step++) {
            if (handshaking(client) || handshaking(server)) {
                step(client, empty, toServer, toClient, clientApp);
                step(server, empty, toClient, toServer, serverApp);
            } else {
                return;
            }
        }
        throw new SSLException("TLS warm-up: the handshake did not finish in " + MAX_STEPS + " steps");
    }

    private static boolean handshaking(SSLEngine e) {
        SSLEngineResult.HandshakeStatus s = e.getHandshakeStatus();
        return s != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && s != SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /** One turn of {@code engine}: runs its tasks, writes what it has to say into {@code out}, reads what waits in {@code in}. */
    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws SSLException {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
        if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            engine.wrap(empty, out);
        }
        in.flip();
        while (in.hasRemaining()) {
            SSLEngineResult r = engine.unwrap(in, app);
            app.clear();
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                break; // a record not yet whole, or one the engine takes after its tasks: the next turn
            }
        }
        in.compact();
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }
}
