package org.openinfusion.station.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.tls.GeneratedTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup MQTT broker (HiveMQ Community Edition, embedded, Apache-2.0) on a loopback port,
 * persisting to its own folder. Used when {@code mqtt.url=embedded}; production sites point the
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
        int port = requestedPort == 0 ? FreePort.find() : requestedPort;
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
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
                </hivemq>
                """.formatted(listener(port, tls), maxPacketBytes));
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
        LOG.info("embedded MQTT broker listening on 127.0.0.1:{} ({}; {})", port, tls.isPresent() ? "TLS" : "plain TCP",
                rules.registry().map(r -> r.size() + " registered devices").orElse("no device registry: any device may publish"));
        return new EmbeddedBroker(hivemq, port, tls.isPresent());
    }

    private static String listener(int port, Optional<GeneratedTls> tls) {
        if (tls.isEmpty()) {
            return "<tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>".formatted(port);
        }
        GeneratedTls t = tls.get();
        return """
                <tls-tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address>
                  <tls>
                    <keystore><path>%s</path><password>%s</password><private-key-password>%s</private-key-password></keystore>
                    <protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>
                    <client-authentication-mode>NONE</client-authentication-mode>
                  </tls>
                </tls-tcp-listener>""".formatted(port, t.keystore().toAbsolutePath(), t.keystorePassword(), t.keystorePassword());
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
