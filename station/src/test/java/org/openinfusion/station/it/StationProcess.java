package org.openinfusion.station.it;

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

/** The station as a separate JVM, so a test can kill it with SIGKILL as a power cut would. */
final class StationProcess {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int statusPort;

    private StationProcess(Process process, int statusPort) {
        this.process = process;
        this.statusPort = statusPort;
    }

    static StationProcess start(Map<String, String> settings, Path log) throws IOException, InterruptedException {
        int statusPort = FreePort.find();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        settings.forEach((k, v) -> {
            if (!k.equals("http.statusPort")) {
                cmd.add("-Dstation." + k + "=" + v);
            }
        });
        cmd.add("-Dstation.http.statusPort=" + statusPort);
        cmd.add("org.openinfusion.station.cli.Main");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        StationProcess station = new StationProcess(p, statusPort);
        // up, and subscribed (a new persistent session cannot have messages queued before its first subscription)
        StationFixture.waitUntil(Duration.ofSeconds(60), "station process up and subscribed",
                () -> p.isAlive() && station.health().map(h -> h.getBoolean("brokerConnected")).orElse(false));
        return station;
    }

    /** The station's /health document, if it answers. */
    Optional<JsonObject> health() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new JsonObject(r.body()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
