package org.openinfusion.sim.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;

/**
 * A real mosquitto for the simulator's tests, on a free loopback port, in a folder of its own
 * that {@link #close} deletes. The simulator module shares no code with the station, so this is
 * its own small launcher (the station's ITs use {@code LocalMosquitto}).
 */
final class LocalBroker implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final int port;

    private LocalBroker(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    static LocalBroker start() throws IOException, InterruptedException {
        Path binary = Stream.of(System.getenv("PATH").split(":"), new String[] {"/usr/sbin", "/usr/local/sbin"})
                .flatMap(Stream::of).map(folder -> Path.of(folder, "mosquitto")).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "mosquitto is not installed: run the tests with bin/run-tests, which installs it"));
        Path dir = Files.createTempDirectory("sim-broker-");
        int port = freePort();
        Path config = Files.writeString(dir.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous true
                max_queued_messages 0
                max_inflight_messages 1000
                log_dest stderr
                """.formatted(port));
        Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        LocalBroker broker = new LocalBroker(dir, process, port);
        try {
            Eventually.waitUntil(Duration.ofSeconds(20), "mosquitto on port " + port, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + log(dir));
                }
                return answers(port);
            });
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            TempFolders.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
