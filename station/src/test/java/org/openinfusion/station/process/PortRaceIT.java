package org.openinfusion.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.TempFolders;

/**
 * The race in {@link FreePort#find()}: a port found free is taken by another process before the server binds it. Here
 * the test takes it on purpose, either bound and not listening (nothing answers before launch, the server's own bind
 * fails with "address already in use") or listening (it answers before launch). Both private servers then start on
 * fresh ports; when every port drawn is taken they give up after {@value ManagedProcess#PORT_ATTEMPTS} attempts.
 */
class PortRaceIT {
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path root;

    @BeforeEach
    void folder() throws IOException {
        root = Files.createTempDirectory("port-race-");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        TempFolders.deleteTree(root);
    }

    /** A port bound by this test but not listening: connecting is refused, binding it fails. */
    private int boundNotListening() throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        open.add(s);
        assertFalse(FreePort.answers(s.getLocalPort()), "nothing answers on the taken port before launch");
        return s.getLocalPort();
    }

    private int listening() throws IOException {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(s);
        return s.getLocalPort();
    }

    /** The taken port first, then ports {@link FreePort#find()} finds; counts the draws. */
    private static IntSupplier takenFirst(int taken, AtomicInteger draws) {
        return () -> draws.getAndIncrement() == 0 ? taken : FreePort.find();
    }

    private static Path binary(String name) {
        return Binaries.find(name, System.getenv("PATH")).orElseThrow(() -> new IllegalStateException(name + " is not installed"));
    }

    private static String log(ManagedProcess p) throws IOException {
        return Files.readString(p.logFile()).toLowerCase(Locale.ROOT);
    }

    /** An anonymous mosquitto started on the ports {@code ports} draws, closed after the test. */
    private LocalMosquitto mosquitto(IntSupplier ports) throws Exception {
        LocalMosquitto broker = LocalMosquitto.start(binary("mosquitto"), root.resolve("mosquitto"), List.of("allow_anonymous true"), false, ports);
        open.add(broker);
        return broker;
    }

    @Test
    void mosquittoWhoseFreePortWasTakenBeforeItBoundItStartsOnAnotherPort() throws Exception {
        int taken = boundNotListening();
        AtomicInteger draws = new AtomicInteger();
        LocalMosquitto broker = mosquitto(takenFirst(taken, draws));
        assertNotEquals(taken, broker.port());
        assertEquals(2, draws.get(), "one relaunch on a fresh port");
        assertTrue(log(broker).contains("address already in use"), "the first launch failed to bind the taken port");
        MqttClient client = new MqttClient(broker.url(), "probe", new MemoryPersistence());
        client.connect();
        assertTrue(client.isConnected());
        client.disconnect();
        client.close();
    }

    @Test
    void mosquittoWhosePortAnswersBeforeLaunchStartsOnAnotherPort() throws Exception {
        int taken = listening();
        LocalMosquitto broker = mosquitto(takenFirst(taken, new AtomicInteger()));
        assertNotEquals(taken, broker.port());
        assertTrue(FreePort.answers(broker.port()));
    }

    @Test
    void influxdWhoseFreePortWasTakenBeforeItBoundItStartsOnAnotherPort() throws Exception {
        int taken = boundNotListening();
        AtomicInteger draws = new AtomicInteger();
        LocalInfluxd influxd = LocalInfluxd.start(binary("influxd"), root.resolve("influxd"), Duration.ofMinutes(10),
                takenFirst(taken, draws));
        open.add(influxd);
        assertNotEquals(taken, influxd.port());
        assertEquals(4, draws.get(), "two ports (HTTP and RPC) per launch, one relaunch");
        assertTrue(log(influxd).contains("address already in use"), "the first launch failed to bind the taken port");
        try (var client = InfluxDBFactory.connect(influxd.url(), influxd.admin().username(), influxd.admin().password())) {
            assertTrue(client.ping().isGood());
        }
    }

    @Test
    void aServerGivesUpWhenEveryPortDrawnIsTaken() throws Exception {
        int taken = boundNotListening();
        AtomicInteger draws = new AtomicInteger();
        PortTakenException e = assertThrows(PortTakenException.class, () -> mosquitto(() -> {
            draws.incrementAndGet();
            return taken;
        }));
        assertEquals(ManagedProcess.PORT_ATTEMPTS, draws.get());
        assertTrue(e.getMessage().contains("mosquitto :" + taken), e.getMessage());
    }
}
