package org.openinfusion.station.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.openinfusion.station.process.FreePort;
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

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    public static EmbeddedBroker start(Path dir, int requestedPort) throws IOException {
        int port = requestedPort == 0 ? FreePort.find() : requestedPort;
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                  </mqtt>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
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
        LOG.info("embedded MQTT broker listening on 127.0.0.1:{}", port);
        return new EmbeddedBroker(hivemq, port);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
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
