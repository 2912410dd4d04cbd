package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code <sweep-trace>} (js/sweep-trace.js) alone in headless Chromium, fed chunks as the station pushes them: 256 ms of
 * a continuous sine each, arriving in order a little after their last sample with some jitter, one of them very late (the next ones right behind it). The trace
 * draws every chunk without a gap in the line and without the no-signal state, does not stay behind by the late chunk's
 * lag afterwards (its delay follows the recent lags), and shows the no-signal state once the data truly stops.
 */
class SweepTraceIT {
    // 21 chunks (5.4 s) and the 140 ms the sweep erases ahead of itself stay within its 6 s window
    private static final int CHUNKS = 21;
    private static final int LATE_CHUNK = 10;
    private static final int LATE_MS = 900;
    private static ChromeDriver browser;
    private static Path profile;

    /** Feeds the chunks on the page's clock, and notes what the trace did; the verdict is taken when the last is drawn. */
    private static final String FEED = """
            window.stationBenchmark = {arrivals: [], paints: []};
            const t = document.createElement('sweep-trace');
            t.id = 'feed-test';
            t.style.cssText = 'display:block;width:600px;height:80px';
            document.body.appendChild(t);
            const R = window.feedResult = {gapDuringFeed: false, offsets: [], lateLag: null, done: false};
            new MutationObserver(() => { if (t.hasAttribute('data-gap') && !R.done) R.gapDuringFeed = true; })
                .observe(t, {attributes: true, attributeFilter: ['data-gap']});
            const chunks = arguments[0], late = arguments[1], lateMs = arguments[2];
            const t0 = Date.now();
            // chunks come in order: the ones after a late chunk wait behind it (one MQTT topic, one push connection)
            let at = t0;
            for (let k = 0; k < chunks; k++) {
              const lag = k === late ? lateMs : 60 + (k * 37) % 60;
              at = Math.max(at, t0 + (k + 1) * 256 + lag);
              setTimeout(() => {
                const f = new Float32Array(128);
                for (let i = 0; i < 128; i++) f[i] = Math.sin((k * 128 + i) / 40);
                const b = new Uint8Array(f.buffer); let s = ''; for (const x of b) s += String.fromCharCode(x);
                if (k === late) R.lateLag = Date.now() - (t0 + (k + 1) * 256);
                t.push(btoa(s), 500, t0 + k * 256, Date.now());
                R.offsets.push(t.offset);
              }, Math.max(0, at - Date.now()));
            }
            const check = () => {
              if (window.stationBenchmark.paints.length < chunks) { requestAnimationFrame(check); return; }
              // every column the data spans holds a drawn pixel: no gap in the line
              const c = t.querySelector('canvas');
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              const drawn = x => { for (let y = 0; y < c.height; y++) if (d[(y * c.width + x) * 4 + 3] > 0) return true; return false; };
              const missing = [];
              for (let ms = t0 + 8; ms < t0 + chunks * 256 - 8; ms += 2) {
                const x = Math.floor(((ms / 1000) % 6) / 6 * c.width);
                if (!drawn(x) && !missing.includes(x)) missing.push(x);
              }
              R.missingColumns = missing;
              R.finalOffset = t.offset;
              R.done = true;
            };
            requestAnimationFrame(check);
            """;

    @BeforeAll
    static void start() throws Exception {
        profile = TempFolders.deletedOnExit("sweep-trace-it-");
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        TempFolders.deleteTree(profile);
    }

    @Test
    @SuppressWarnings("unchecked")
    void chunksAreDrawnContinuouslyThroughALateOneAndTheNoSignalStateComesOnlyWhenTheDataStops() throws Exception {
        browser.get("data:text/html,<html><body></body></html>");
        browser.executeScript(Files.readString(Path.of("src/main/resources/META-INF/resources/js/sweep-trace.js")));
        browser.executeScript(FEED, CHUNKS, LATE_CHUNK, LATE_MS);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> (Boolean) browser.executeScript("return window.feedResult.done"));
        Map<String, Object> r = (Map<String, Object>) browser.executeScript("return window.feedResult");
        System.out.println("sweep-trace fed " + CHUNKS + " chunks: " + r);

        assertEquals(CHUNKS, ((Number) browser.executeScript("return window.stationBenchmark.paints.length")).intValue(),
                "every chunk drawn to its last sample");
        assertEquals(List.of(), r.get("missingColumns"), "no column of the line left blank (canvas columns)");
        assertFalse((Boolean) r.get("gapDuringFeed"), "no no-signal state while chunks keep coming, late or not");
        double lateLag = ((Number) r.get("lateLag")).doubleValue();
        double finalOffset = ((Number) r.get("finalOffset")).doubleValue();
        assertTrue(finalOffset < lateLag, "after the late chunk the delay comes back down (" + finalOffset
                + " ms behind at the end, the late chunk's lag " + lateLag + " ms); it does not stay at the worst lag");

        // the data stops: the no-signal state, and the sweep runs on erasing what it drew
        wait.until(d -> (Boolean) browser.executeScript("return document.getElementById('feed-test').hasAttribute('data-gap')"));
    }
}
