package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.it.InfluxQueries;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs the demo launcher headless (embedded broker, private influxd, one simulated bed, station
 * and dashboard in one process) and checks that data reaches InfluxDB and that a real Chromium
 * shows live values.
 */
@ExtendWith(SharedDemo.class)
class DemoLauncherIT {
    private static StationMain demo;
    private static Path dataDir;

    @BeforeAll
    static void startDemo() throws Exception {
        dataDir = TempFolders.deletedOnExit("demo-it-");
        StationConfig config = DemoConfig.of(dataDir, Map.of());
        demo = StationMain.start(config, StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "1", "--seed", "7"}));
    }

    @AfterAll
    static void stopDemo() throws IOException {
        if (demo != null) {
            demo.close();
        }
        TempFolders.deleteTree(dataDir);
    }

    @Test
    void simulatedBedReachesInfluxDb() throws Exception {
        try (InfluxQueries influx = new InfluxQueries(demo.station().config().influx())) {
            Eventually.waitUntil(Duration.ofSeconds(60), "bed-01 heart rates and ECG stored", () -> influx.count("numeric", "bed-01", "hr") >= 3
                    && influx.count("waveform", "bed-01", "ecg_ii") >= 1000);
            assertEquals(influx.count("waveform", "bed-01", "ecg_ii"), influx.distinctSeq("waveform", "bed-01", "ecg_ii"));
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.station().statusPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\" : \"UP\""), health.body());
    }

    @Test
    void dashboardShowsLiveValuesInChromium(ChromeDriver browser) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(demo.dashboardUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45));
            BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
            wait.until(d -> d.findElements(By.id("bed-01-hr")).size() == 1
                    && d.findElement(By.id("bed-01-hr")).getText().matches("\\d+"));
            wait.until(d -> d.findElement(By.id("bed-01-nibp_sys-age")).getText().endsWith("s ago"));
            String first = browser.findElement(By.id("bed-01-nibp_sys-age")).getText();
            // then the page keeps updating by itself (server push): the NIBP reading's age advances
            wait.until(d -> !d.findElement(By.id("bed-01-nibp_sys-age")).getText().equals(first));
            wait.until(d -> d.findElement(By.id("station-status")).getText().startsWith("Devices link connected"));
        } finally {
            Chromium.screenshot(browser, "live-values");
            Files.writeString(Path.of("target", "screenshots", "live-values.html"), browser.getPageSource());
        }
    }
}
