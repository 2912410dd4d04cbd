package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.it.InfluxQueries;
import org.openinfusion.testing.Eventually;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo launcher headless (embedded broker, private influxd, simulated beds, station and dashboard in one process:
 * the shared demo, see {@link SharedDemo}): data reaches InfluxDB and a real Chromium shows live values. It looks at
 * bed-03 and changes nothing there but its last blood pressure: a reading dated now, as the simulated cuff sends one
 * every 5 minutes (not bed-02, where {@code BedScreenIT} reads back a reading it dates 90 s ago as the latest).
 */
@ExtendWith(SharedDemo.class)
class DemoLauncherIT {
    private static final String BED = "bed-03";
    private static StationMain demo;

    @BeforeAll
    static void startDemo(SharedDemo.Beds beds) {
        demo = beds.demo();
    }

    @Test
    void simulatedBedReachesInfluxDb() throws Exception {
        try (InfluxQueries influx = new InfluxQueries(demo.station().config().influx())) {
            Eventually.waitUntil(Duration.ofSeconds(60), BED + " heart rates and ECG stored", () -> influx.count("numeric", BED, "hr") >= 3
                    && influx.count("waveform", BED, "ecg_ii") >= 1000);
            // one query, so that both counts are of the same rows (the bed keeps sending between two queries)
            List<Object> counts = influx.rows("SELECT count(seq), count(distinct(seq)) FROM waveform WHERE bed = '" + BED
                    + "' AND stream = 'ecg_ii'").getFirst();
            assertEquals(counts.get(1), counts.get(2), "each ECG sample stored once, by its sequence number: " + counts);
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
            wait.until(d -> d.findElements(By.id(BED + "-hr")).size() == 1
                    && d.findElement(By.id(BED + "-hr")).getText().matches("\\d+"));
            // a blood pressure taken now (the demo may have run for minutes: the cuff's last reading may be "N min ago")
            Instant taken = Instant.now();
            for (NumericSample nibp : List.of(new NumericSample(new DeviceRef(BED, "monitor"), Stream.NIBP_SYS, 121, taken, taken, 1),
                    new NumericSample(new DeviceRef(BED, "monitor"), Stream.NIBP_DIA, 79, taken, taken, 2))) {
                demo.station().vertx().eventBus().publish(Addresses.NUMERIC, nibp);
            }
            wait.until(d -> d.findElement(By.id(BED + "-nibp_sys-age")).getText().endsWith(" s ago"));
            String first = browser.findElement(By.id(BED + "-nibp_sys-age")).getText();
            // then the page keeps updating by itself (server push): the NIBP reading's age advances
            wait.until(d -> !d.findElement(By.id(BED + "-nibp_sys-age")).getText().equals(first));
            wait.until(d -> d.findElement(By.id("station-status")).getText().startsWith("Devices link connected"));
        } finally {
            Chromium.screenshot(browser, "live-values");
            Files.writeString(Path.of("target", "screenshots", "live-values.html"), browser.getPageSource());
        }
    }
}
