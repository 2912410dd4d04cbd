package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bed view in Debian's Chromium against the demo launcher (one simulated bed): sign in, waveforms advance,
 * a session starts, a CADSS form is completed when prompted, and an alarm is acknowledged.
 */
@ExtendWith(SharedDemo.class)
class BedViewIT {
    private static StationMain demo;
    private static Path dataDir;

    @BeforeAll
    static void startDemo() throws Exception {
        dataDir = TempFolders.deletedOnExit("bed-view-it-");
        StationConfig config = DemoConfig.of(dataDir, Map.of("health.publishInterval", "5s"));
        demo = StationMain.start(config, StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "1", "--seed", "11"}));
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (demo != null) {
            demo.close();
        }
        TempFolders.deleteTree(dataDir);
    }

    /** The ECG canvas as a data URL, and how many of its pixels are drawn. */
    private static String canvas(ChromeDriver browser, String traceId) {
        return (String) browser.executeScript("const c = document.querySelector('#" + traceId + " canvas'); return c ? c.toDataURL() : '';");
    }

    private static long drawnPixels(ChromeDriver browser, String traceId) {
        return (Long) browser.executeScript("const c = document.querySelector('#" + traceId + " canvas');"
                + "if (!c || c.width < 2) return 0; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;");
    }

    @Test
    void aTraceShowsAGapWhenDataStops(ChromeDriver browser) throws Exception {
        BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        BrowserSteps.waitFor(browser).until(d -> drawnPixels(browser, "trace-ecg") > 200);
        // a detached trace fed one second of a sine wave, then nothing: the sweep erases ahead of itself
        browser.executeScript("const t = document.createElement('sweep-trace'); t.id = 'gap-test';"
                + "t.style.cssText = 'display:block;width:600px;height:80px'; document.body.appendChild(t);"
                + "const f = new Float32Array(500); for (let i = 0; i < 500; i++) f[i] = Math.sin(i / 20);"
                + "const b = new Uint8Array(f.buffer); let s = ''; for (const x of b) s += String.fromCharCode(x);"
                + "t.push(btoa(s), 500, Date.now() - 1000);");
        BrowserSteps.waitFor(browser).until(d -> drawnPixels(browser, "gap-test") > 500);
        long drawn = drawnPixels(browser, "gap-test");
        BrowserSteps.waitFor(browser).until(d -> (Boolean) browser.executeScript("return document.getElementById('gap-test').hasAttribute('data-gap')"));
        BrowserSteps.waitFor(browser).until(d -> drawnPixels(browser, "gap-test") < drawn / 2);
    }

    @Test
    void nurseSeesWaveformsRatesCadssWhenPromptedAndAcknowledgesAnAlarm(ChromeDriver browser) throws Exception {
        try {
            WebDriverWait wait = BrowserSteps.waitFor(browser);
            BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
            browser.get(demo.dashboardUrl() + "bed/bed-01");

            // waveforms: the ECG, pleth and CO2 canvases are drawn and keep changing
            for (String trace : new String[] {"trace-ecg", "trace-pleth", "trace-co2"}) {
                wait.until(d -> drawnPixels(browser, trace) > 200);
            }
            String first = canvas(browser, "trace-ecg");
            wait.until(d -> !first.equals(canvas(browser, "trace-ecg"))); // the ECG sweep advances
            wait.until(d -> BrowserSteps.text(browser, "num-hr-value").matches("\\d+"));
            Object delay = browser.executeScript("return Math.round(document.querySelector('#trace-ecg').offset)");
            System.out.println("ECG sweep cursor runs " + delay + " ms behind the device clock");
            Chromium.screenshot(browser, "bed-view-no-session");

            // start a session: subject code, weight, kit and protocol
            // the midazolam protocol: its baseline (CADSS, BPRS+, VAS) is rated at once, the crossover's waits for the capsule
            BrowserSteps.startSession(browser, "KET-014", 42, 70, "KIT-0042", "midazolam");

            // the baseline prompt becomes due: rate CADSS with the large buttons
            BrowserSteps.click(browser, "step-baseline");
            wait.until(d -> ((Number) browser.executeScript("return window.stationBeepCount || 0")).intValue() > 0);
            BrowserSteps.click(browser, "rate-baseline-cadss");
            for (int i = 1; i <= 23; i++) {
                int item = i;
                wait.until(d -> BrowserSteps.text(browser, "rating-progress").startsWith("Item " + item + " of 23"));
                BrowserSteps.click(browser, item == 7 ? "score-2" : "score-1");
                if (item == 23) {
                    break;
                }
            }
            wait.until(d -> BrowserSteps.text(browser, "rating-progress").contains("(23 answered)"));
            BrowserSteps.click(browser, "rating-submit");
            wait.until(d -> BrowserSteps.text(browser, "rating-result").contains("Total 24 (0-92)"));
            BrowserSteps.click(browser, "rating-done");

            // an alarm: a second monitor on the bed goes offline (high priority) and is acknowledged
            demo.station().vertx().eventBus().publish(Addresses.DEVICE_STATUS,
                    new DeviceStatus(new DeviceRef("bed-01", "spare-monitor"), false, Instant.now()));
            wait.until(d -> BrowserSteps.text(browser, "alarm-banner").contains("Monitor 2 disconnected (bed 1)"));
            Chromium.screenshot(browser, "bed-view-alarm");
            browser.findElement(By.cssSelector("#alarm-banner .alarm-ack")).click();
            wait.until(d -> BrowserSteps.text(browser, "alarm-banner").contains("acknowledged by Demo Nurse (nurse)"));
            assertTrue(BrowserSteps.text(browser, "ratings-recorded").contains("CADSS"));
            Chromium.screenshot(browser, "bed-view-it");
        } finally {
            Chromium.screenshot(browser, "bed-view-last");
            Files.writeString(Path.of("target", "screenshots", "bed-view.html"), browser.getPageSource());
        }
    }
}
