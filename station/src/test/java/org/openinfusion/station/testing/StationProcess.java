package org.openinfusion.station.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.testing.Eventually;

/**
 * The station ({@code cli.Main}) as a separate JVM on this JVM's class path, so that a test or the fault drill can
 * kill it with SIGKILL as a power cut would. {@link #start} returns once the station is up and subscribed to its
 * broker, and fails at once when the process exits before that. It uses this JVM's temp directory, and Vert.x's file
 * cache goes beside the log (a killed JVM cannot remove it), so nothing is left in the system temp directory.
 */
public final class StationProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String STATUS_PORT = "http.statusPort";

    /** How the JVM is started: its options (besides the class path and settings) and how long it may take to subscribe. */
    public record Options(List<String> jvmOptions, Duration startDeadline) {
        public Options {
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** What the integration tests use: native access for jSerialComm, the JVM's default heap, 60 s to start. */
        public static Options defaults() {
            return new Options(List.of("--enable-native-access=ALL-UNNAMED"), Duration.ofSeconds(60));
        }

        public Options withJvmOptions(String... more) {
            List<String> all = new ArrayList<>(jvmOptions);
            all.addAll(List.of(more));
            return new Options(all, startDeadline);
        }

        public Options withStartDeadline(Duration deadline) {
            return new Options(jvmOptions, deadline);
        }
    }

    private final Process process;
    private final int statusPort;

    private StationProcess(Process process, int statusPort) {
        this.process = process;
        this.statusPort = statusPort;
    }

    public static StationProcess start(Map<String, String> settings, Path log) throws IOException, InterruptedException {
        return start(settings, log, Options.defaults());
    }

    /**
     * Starts the station with {@code settings} (station settings without the {@code station.} prefix), its output
     * appended to {@code log}. Its status port is {@code http.statusPort} when that is set and not 0, else a free one.
     */
    public static StationProcess start(Map<String, String> settings, Path log, Options options) throws IOException, InterruptedException {
        StationProcess station = launch(settings, log, options);
        Process p = station.process;
        try {
            // up, and subscribed (a new persistent session cannot have messages queued before its first subscription)
            Eventually.waitUntil(options.startDeadline(), "the station process up and subscribed (log: " + log + ")", () -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the station process exited with " + p.exitValue() + " (log: " + log + ")");
                }
                return station.health().map(h -> h.getBoolean("brokerConnected")).orElse(false);
            });
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        return station;
    }

    /** As {@link #start}, but returns as soon as the JVM is launched (a test of what happens while it starts). */
    public static StationProcess launch(Map<String, String> settings, Path log, Options options) throws IOException {
        int statusPort = Integer.parseInt(settings.getOrDefault(STATUS_PORT, "0"));
        int port = statusPort > 0 ? statusPort : FreePort.find();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options.jvmOptions());
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-Dvertx.cacheDirBase=" + log.toAbsolutePath().resolveSibling("vertx-cache"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        settings.forEach((k, v) -> {
            if (!k.equals(STATUS_PORT)) {
                cmd.add("-Dstation." + k + "=" + v);
            }
        });
        cmd.add("-Dstation." + STATUS_PORT + "=" + port);
        cmd.add("org.openinfusion.station.cli.Main");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new StationProcess(p, port);
    }

    public int statusPort() {
        return statusPort;
    }

    /** The station's /health document, if it answers. */
    public Optional<JsonObject> health() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new JsonObject(r.body()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The processes the station started (a managed influxd, ...), as they run now. */
    public List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /** Whether the station's JVM has ended within {@code limit}. */
    public boolean ended(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM only, at once (the JVM's shutdown hooks run). */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (the shutdown hook stops the station in order); SIGKILL when it has not ended after 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
