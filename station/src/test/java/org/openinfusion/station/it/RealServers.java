package org.openinfusion.station.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openinfusion.station.process.Binaries;
import org.openinfusion.station.process.LocalInfluxd;
import org.openinfusion.station.process.LocalMosquitto;
import org.openinfusion.testing.TempFolders;

/**
 * JUnit extension: a real mosquitto and a real influxd, each on a free loopback port with its own
 * folder, started once per test class and stopped afterwards. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class RealServers implements BeforeAllCallback, AfterAllCallback {
    private Path root;
    private LocalMosquitto mosquitto;
    private LocalInfluxd influxd;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        root = Files.createTempDirectory("station-it-");
        mosquitto = LocalMosquitto.start(binary("mosquitto"), root.resolve("mosquitto"));
        influxd = LocalInfluxd.start(binary("influxd"), root.resolve("influxd"));
    }

    private static Path binary(String name) {
        return Binaries.find(name, System.getenv("PATH")).orElseThrow(() -> new IllegalStateException(
                name + " is not installed: run the test command from README.md (bin/run-tests), which installs it"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (mosquitto != null) {
            mosquitto.stop();
        }
        if (influxd != null) {
            influxd.stop();
        }
        TempFolders.deleteTree(root);
    }

    public LocalMosquitto mosquitto() {
        return mosquitto;
    }

    public LocalInfluxd influxd() {
        return influxd;
    }

    /** The station settings that reach this influxd (it requires authentication): URL and its administrator. */
    public Map<String, String> influxSettings() {
        return Map.of("influx.url", influxd.url(), "influx.username", influxd.admin().username(),
                "influx.password", influxd.admin().password());
    }

    /** A fresh folder for one test's station data. */
    public Path newFolder(String name) throws IOException {
        return Files.createDirectories(root.resolve(name + "-" + System.nanoTime()));
    }
}
