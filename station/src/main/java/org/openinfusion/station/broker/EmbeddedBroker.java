package org.openinfusion.station.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.nio.file.attribute.PosixFilePermissions;
import org.openinfusion.station.tls.PemTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.tls.GeneratedTls;
import org.openinfusion.station.tls.TlsWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup MQTT broker (HiveMQ Community Edition, embedded, Apache-2.0) on a loopback port,
 * persisting to its own folder, or with {@code inMemory} keeping its sessions, queues and retained messages in memory
 * only (HiveMQ's {@code <persistence><mode>in-memory</mode>}: no RocksDB or Xodus stores to open, about half the CPU of
 * its start; what it holds is lost with the process). Used when {@code mqtt.url=embedded}; production sites point the
 * station at their own broker instead.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private final boolean tls;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port, boolean tls) {
        this.hivemq = hivemq;
        this.port = port;
        this.tls = tls;
    }

    /**
     * Starts on {@code requestedPort} (0 = any free port) with {@code rules} deciding every CONNECT and topic; with
     * {@code tls}, its one listener speaks TLS only (key and certificate from {@code tls}). A client sending a packet
     * larger than {@code maxPacketBytes} is disconnected ({@link BrokerRules#maxPacketBytes}).
     */
    public static EmbeddedBroker start(Path dir, int requestedPort, BrokerRules rules, Optional<GeneratedTls> tls,
                                       int maxPacketBytes) throws IOException {
        return start(dir, requestedPort, rules, tls, maxPacketBytes, Optional.empty(), false);
    }

    /**
     * The same, and with {@code clientCa} (PEM) the TLS listener asks clients for a certificate (optional: devices with
     * passwords still connect); one that chains to {@code clientCa} identifies its device by its common name
     * ({@link BrokerRules#connect(Optional, Optional, String, Optional)}); one that does not fails the TLS handshake.
     */
    public static EmbeddedBroker start(Path dir, int requestedPort, BrokerRules rules, Optional<GeneratedTls> tls,
                                       int maxPacketBytes, Optional<Path> clientCa, boolean inMemory) throws IOException {
        if (clientCa.isPresent() && tls.isEmpty()) {
            throw new IOException("client certificates (mqtt.embeddedClientCa) need the TLS listener (mqtt.embeddedTls=true)");
        }
        int port = requestedPort == 0 ? FreePort.find() : requestedPort;
        Path conf = Files.createDirectories(dir.resolve("conf"));
        // owner-only: it names the key store's password (kept across restarts with the key store, GeneratedTls)
        Path configFile = conf.resolve("config.xml");
        Files.deleteIfExists(configFile);
        Files.createFile(configFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(configFile, """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    %s
                  </listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                    <packets><max-packet-size>%d</max-packet-size></packets>
                  </mqtt>
                  <persistence><mode>%s</mode></persistence>
                </hivemq>
                """.formatted(listener(port, tls, clientCa.isPresent() ? Optional.of(clientTrust(dir, clientCa.get())) : Optional.empty()),
                maxPacketBytes, inMemory ? "in-memory" : "file"));
        if (tls.isPresent()) {
            warmTlsListener(tls.get());
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withEmbeddedExtension(AccessExtension.of(rules))
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException e) {
            throw new IOException("embedded broker failed to start on port " + port + ": " + e.getCause(), e);
        }
        LOG.info("embedded MQTT broker listening on 127.0.0.1:{} ({}; {}; {})", port, tls.isPresent() ? "TLS" : "plain TCP",
                inMemory ? "sessions and queues in memory only" : "sessions and queues on disk",
                rules.registry().map(r -> r.size() + " registered devices").orElse("no device registry: any device may publish"));
        return new EmbeddedBroker(hivemq, port, tls.isPresent());
    }

    /**
     * Netty's server TLS context class, which HiveMQ's TLS listener needs at the end of its start, checks once per JVM
     * (in its static initialiser) whether Bouncy Castle can read a PEM key, and so loads Bouncy Castle's provider and PKIX
     * classes from their signed jars: the JDK verifies those jars' signatures and every class it loads from them, and
     * class data sharing keeps no class of a signed jar (docs/performance.md, "Start-up, session 11": about 0.5 s of CPU
     * and, under load, seconds of the broker's start). That initialiser runs here on its own thread while HiveMQ builds
     * its services (seconds), so the listener finds the class ready; if HiveMQ gets there first it waits for this
     * initialisation instead of doing it again (the JVM initialises a class once). Netty's initialiser catches its own
     * failures, so nothing here can change how the listener is set up. Then the same thread makes one TLS handshake in
     * memory with the broker's own key and authority ({@link TlsWarmUp}): the first real one, the station's own connection
     * right after the listener opens, then finds the JDK's TLS code of both sides loaded (docs/performance.md, "Start-up,
     * session 13").
     */
    private static void warmTlsListener(GeneratedTls tls) {
        Thread.ofPlatform().name("broker-tls-warm-up").daemon().start(() -> {
            try {
                Class.forName("io.netty.handler.ssl.JdkSslServerContext", true, EmbeddedBroker.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("TLS listener warm-up skipped: {}", e.toString());
            }
            try {
                TlsWarmUp.handshake(tls);
            } catch (IOException | RuntimeException e) {
                LOG.debug("TLS handshake warm-up skipped: {}", e.toString());
            }
        });
    }

    /** The client authority as a PKCS#12 trust store HiveMQ reads (in the owner-only {@code tls} folder, random password). */
    private static TrustStore clientTrust(Path dir, Path clientCa) throws IOException {
        Path file = Files.createDirectories(dir.resolve("tls")).resolve("clients.p12");
        String password = MqttPasswords.randomPassword();
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            PemTrust.trustStore(clientCa).store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the client trust store " + file + ": " + e.getMessage(), e);
        }
        return new TrustStore(file, password);
    }

    private record TrustStore(Path file, String password) {
    }

    private static String listener(int port, Optional<GeneratedTls> tls, Optional<TrustStore> clients) {
        if (tls.isEmpty()) {
            return "<tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>".formatted(port);
        }
        GeneratedTls t = tls.get();
        return """
                <tls-tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address>
                  <tls>
                    <keystore><path>%s</path><password>%s</password><private-key-password>%s</private-key-password></keystore>
                    <protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>
                    <client-authentication-mode>%s</client-authentication-mode>%s
                  </tls>
                </tls-tcp-listener>""".formatted(port, t.keystore().toAbsolutePath(), t.keystorePassword(), t.keystorePassword(),
                clients.isPresent() ? "OPTIONAL" : "NONE", clients.map(c -> "<truststore><path>%s</path><password>%s</password></truststore>"
                        .formatted(c.file().toAbsolutePath(), c.password())).orElse(""));
    }

    public String url() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get();
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("embedded broker stop: {}", e.getCause().toString());
        }
    }
}
