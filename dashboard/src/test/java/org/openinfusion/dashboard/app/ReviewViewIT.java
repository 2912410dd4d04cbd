package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.rating.Answers;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.station.testing.Futures;
import org.openinfusion.station.clinical.session.StartGates;
import org.openinfusion.testing.Eventually;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A physician's review in Debian's Chromium against the real station (the shared demo, see {@link SharedDemo}): a nurse
 * runs a short session over the bus on bed-02 (create, baseline with an Opioid Craving Scale rating, pretreatment,
 * infusion start, a marker, close with a reason); the physician finds it needing a signature, opens it, sees the
 * timeline and the summary, the ECG around the marker, and signs it as Approved with the password: LOCKED, with the
 * printed name. The session is closed whatever happens, so bed-02 is left as it was found.
 */
@ExtendWith(SharedDemo.class)
class ReviewViewIT {
    private static final String BED = "bed-02";
    private static final String SUBJECT = "KET-101";
    /** Bus requests' time-out: a sign-in's password check took more than 10 s at a load average of 30 on 2 cores. */
    private static final long BUS_TIMEOUT = 60_000;
    private static StationMain demo;

    /** The shared demo, with the physician's and the nurse's accounts added as an administrator would (bin/add-user). */
    @BeforeAll
    static void accounts(SharedDemo.Beds beds) throws Exception {
        demo = beds.demo();
        UserStore users = UserStore.at(beds.dataDir().resolve(UserStore.FILE_NAME));
        users.put("dr.ng", Role.PHYSICIAN, "Dr A Ng", "doctor-pass".toCharArray());
        users.put("nurse1", Role.NURSE, "Nurse One", "nurse-pass".toCharArray());
    }
    /** A note (at most 500 characters) long enough to wrap to many lines in the events table, ending in words that show only when it is whole. */
    private static final String LONG_NOTE = "Participant asked about the study schedule; ".repeat(9) + "END OF THE LONG NOTE";

    @Test
    void aPhysicianOpensAClosedSessionSeesTheEcgAroundAMarkerAndApprovesIt(ChromeDriver browser) throws Exception {
        Vertx vertx = demo.station().vertx();
        String sessionId = runShortSession(vertx);
        try {
            review(browser, demo.dashboardUrl(), sessionId);
        } finally {
            Chromium.screenshot(browser, "review-last");
            Files.writeString(Path.of("target", "screenshots", "review.html"), browser.getPageSource());
        }
    }

    /** The nurse's session through the bus; returns its id once the ECG after the marker is stored. */
    private static String runShortSession(Vertx vertx) throws Exception {
        DeliveryOptions nurse = BusGuard.options(signIn(vertx, "nurse1", "nurse-pass"), BUS_TIMEOUT);
        command(vertx, nurse, new SessionCommand.CreateSession("nurse1", BED, "ketamine-buprenorphine-double-dummy", SUBJECT, 70, "KIT-0101"));
        try {
            return sessionToClose(vertx, nurse);
        } catch (Exception | AssertionError e) {
            try {
                // the shared demo's bed is left closed for the classes after this one
                command(vertx, nurse, new SessionCommand.SessionStep("nurse1", BED, Step.CLOSE, "IT: failed before its end"));
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The session's steps after its creation, through its close; returns its id. */
    private static String sessionToClose(Vertx vertx, DeliveryOptions nurse) throws Exception {
        command(vertx, nurse, new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        Instant now = Instant.now();
        command(vertx, nurse, new SessionCommand.RecordRating(BED, new Rating("it-ocs-1", "ocs", null, "baseline", "nurse", "nurse1",
                now.minusSeconds(60), now, Answers.builder().score("1", 1).score("2", 2).notAssessed("3", "asleep").build(), null)));
        command(vertx, nurse, new SessionCommand.SessionStep("nurse1", BED, Step.PRETREATMENT, null));
        command(vertx, nurse, new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, "no cuff on this test bed",
                Set.of(StartGates.Kind.NO_PRE_DOSE_NIBP)));
        command(vertx, nurse, new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NAUSEA, "mild"));
        command(vertx, nurse, new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NOTE, LONG_NOTE));

        DeliveryOptions doctor = BusGuard.options(signIn(vertx, "dr.ng", "doctor-pass"), BUS_TIMEOUT);
        String sessionId = sessionOf(vertx, doctor);
        SessionRecord open = Futures.await(vertx.eventBus().<SessionRecord>request(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(sessionId), doctor)
                .map(m -> m.body()));
        Instant marker = open.events().stream().filter(e -> e.category() == SessionRecord.Category.MARKER).findFirst().orElseThrow().at();
        // the ECG from 10 s before to 10 s after the marker is in the store before the session closes
        long wantedMicros = (marker.toEpochMilli() + 9_500) * 1000;
        Eventually.waitUntilHolds(Duration.ofSeconds(60), "the waveform window", () -> {
            WaveformWindow w = Futures.await(vertx.eventBus().<WaveformWindow>request(Addresses.REVIEW_WAVEFORM,
                    new ReviewRequest.Waveform(sessionId, Stream.ECG_II, marker, Duration.ofSeconds(10), Duration.ofSeconds(10)), doctor)
                    .map(m -> m.body()));
            return w.times().length > 0 && w.times()[w.times().length - 1] >= wantedMicros;
        });
        command(vertx, nurse, new SessionCommand.SessionStep("nurse1", BED, Step.CLOSE, "IT: study visit ended early"));
        return sessionId;
    }

    private static String sessionOf(Vertx vertx, DeliveryOptions doctor) throws Exception {
        ReviewFilter mine = new ReviewFilter(null, null, null, SUBJECT, null, false);
        SessionListing.SessionListings found = Futures.await(vertx.eventBus().<SessionListing.SessionListings>request(Addresses.REVIEW_LIST,
                new ReviewRequest.ListSessions(mine), doctor).map(m -> m.body()));
        return found.sessions().getFirst().sessionId();
    }

    private static void review(ChromeDriver browser, String url, String sessionId) throws Exception {
        WebDriverWait wait = BrowserSteps.waitFor(browser);
        BrowserSteps.signIn(browser, url, "dr.ng", "doctor-pass");
        wait.until(d -> d.getCurrentUrl().endsWith("/review"));
        // the demo's other sessions are listed too: the list narrowed to this subject, one session needing a signature
        wait.until(d -> !d.findElements(By.cssSelector("#filter-subject input")).isEmpty());
        BrowserSteps.type(browser.findElement(By.cssSelector("#filter-subject input")), SUBJECT);
        wait.until(d -> BrowserSteps.text(browser, "sessions-count").equals("1 session, 1 needing a signature")
                && BrowserSteps.gridText(browser, "sessions-grid").contains(SUBJECT)
                && BrowserSteps.gridText(browser, "sessions-grid").contains("needs signature"));
        Chromium.screenshot(browser, "review-list");

        BrowserSteps.clickGridCell(browser, "sessions-grid", SUBJECT);
        // the record's address is the subject's code and the day, never the session's internal id
        String shortAddress = "/review/" + SUBJECT + "-" + LocalDate.now(Text.zone());
        wait.until(d -> d.getCurrentUrl().endsWith(shortAddress));
        wait.until(d -> BrowserSteps.text(browser, "record-subject").equals(SUBJECT));
        // the timeline: five uPlot panels (heart rate and SpO2, respiration, NIBP, infusion, ratings), drawn
        wait.until(d -> ((Number) browser.executeScript("return document.querySelectorAll('#timeline .uplot').length")).intValue() == 5);
        wait.until(d -> drawnPixels(browser) > 2000);
        assertTrue(BrowserSteps.text(browser, "summary").contains("BP pre-dose"), BrowserSteps.text(browser, "summary"));
        // the legends without a pointer name the lines, with no empty fields ("min: --"); pointing shows the time and values
        String legends = (String) browser.executeScript("return [...document.querySelectorAll('#timeline .u-legend')].map(l => l.innerText).join(' | ')");
        assertFalse(legends.contains("--") || legends.contains("min:"), legends);
        assertTrue(legends.contains("HR /min"), legends);
        assertEquals("none", browser.executeScript("return getComputedStyle(document.querySelector('#timeline .u-legend .u-series:nth-child(2) th'),"
                + " '::after').content"), "no colon after a line's name without a value");
        browser.executeScript("const p = document.getElementById('timeline').plots[0]; p.setCursor({left: p.over.clientWidth / 2, top: 20});");
        String pointed = (String) browser.executeScript("return document.querySelector('#timeline .u-legend').innerText");
        // the legend's cells carry no whitespace between them in innerText ("AtT+0.1 minHR /min68")
        assertTrue(pointed.matches("(?s).*At\\s*T[+-]\\d+\\.\\d min.*HR /min\\s*\\d+.*"), pointed);
        // zooming one panel zooms all; reset shows everything again
        System.out.println("timeline series: " + browser.executeScript("const t = document.getElementById('timeline');"
                + "return JSON.stringify(t.data.panels.map(p => p.series.map(s => s.key + ':' + s.t.length)))"));
        browser.executeScript("const t = document.getElementById('timeline'); const a = t.data.from, b = t.data.to;"
                + "t.zoom(a + (b - a) / 4, b - (b - a) / 4);");
        wait.until(d -> (Boolean) browser.executeScript("const t = document.getElementById('timeline'); const x = t.plots[0].scales.x;"
                + "return x.max - x.min < (t.data.to - t.data.from) * 0.6 && t.plots.every(p =>"
                + " Math.abs(p.scales.x.min - x.min) < 1e-9 && Math.abs(p.scales.x.max - x.max) < 1e-9);"));
        BrowserSteps.click(browser, "timeline-reset");

        // the events table fits the window at both sizes: no cut cell (the "By" column whole), no sideways scroll, and a
        // long event takes two lines (its whole text is in the cell's tooltip: ReviewFormatTest)
        for (int[] size : new int[][] {{1280, 800}, {1024, 768}}) {
            BrowserSteps.size(browser, size[0], size[1]);
            new WebDriverWait(browser, Duration.ofSeconds(45)).withMessage(() -> "events table at " + size[0] + ": " + eventsFit(browser))
                    .until(d -> eventsFit(browser).isEmpty());
            System.out.println("events table at " + size[0] + "x" + size[1] + ": " + eventsFit(browser) + ", tallest event "
                    + browser.executeScript("return Math.max(...Array.from(document.querySelectorAll('#events-grid > vaadin-grid-cell-content'))"
                    + ".map(c => c.getBoundingClientRect().height))") + " px");
            Chromium.screenshot(browser, "review-events-" + size[0]);
        }
        eventTooltipOnKeyboardFocus(browser);

        // the marker's ECG and pleth
        BrowserSteps.clickGridCell(browser, "events-grid", "Marker: Nausea");
        wait.until(d -> intAttribute(browser, "waveform-ecg", "data-drawn") > 8 * 500 && intAttribute(browser, "waveform-pleth", "data-drawn") > 0);
        Chromium.screenshot(browser, "review-waveform");
        BrowserSteps.click(browser, "waveform-close");

        // the export list: a plain list of download links, no serious or critical axe finding with it open; a click on a
        // row beside its words still downloads (the row is the link) and says it is preparing
        browser.findElement(By.cssSelector("#record-export > summary")).click();
        wait.until(d -> d.findElement(By.id("export-sdtm-suppcm")).isDisplayed());
        // the whole list inside the window (anchored to the Export button's right edge it once ran off the left side)
        assertTrue((Boolean) browser.executeScript("const r = document.querySelector('#record-export .export-panel').getBoundingClientRect();"
                + "return r.left >= 0 && r.right <= window.innerWidth;"), "the export list fits the window");
        List<String> found = Axe.seriousViolations(browser);
        Chromium.screenshot(browser, "review-export-list");
        assertEquals(List.of(), found, "axe-core on the record page with the export list open");
        WebElement row = browser.findElement(By.id("export-vitals-csv"));
        int textWidth = ((Number) browser.executeScript("const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                + "return r.getBoundingClientRect().width;", row)).intValue();
        assertTrue(row.getSize().getWidth() > textWidth + 20, "the row is wider than its words: " + row.getSize() + " vs " + textWidth);
        new Actions(browser).moveToElement(row, row.getSize().getWidth() / 2 - 5, 0).click().perform();
        wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream().anyMatch(c -> c.getText().startsWith("Preparing Vital signs")));
        // like a menu: a click elsewhere on the page closes the list, and so does Escape
        browser.executeScript("document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }))"); // outside the list
        wait.until(d -> !exportListOpen(browser));
        browser.findElement(By.cssSelector("#record-export > summary")).click();
        wait.until(d -> exportListOpen(browser));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> !exportListOpen(browser));

        // sign as Approved with the password
        BrowserSteps.click(browser, "sign-open");
        wait.until(d -> !d.findElements(By.cssSelector("#sign-meaning vaadin-radio-button")).isEmpty());
        browser.findElements(By.cssSelector("#sign-meaning vaadin-radio-button")).stream().filter(r -> r.getText().contains("Approved"))
                .findFirst().orElseThrow().click();
        wait.until(d -> BrowserSteps.text(browser, "sign-statement").contains("approve"));
        BrowserSteps.type(browser.findElement(By.cssSelector("#sign-user-id input")), "dr.ng");
        BrowserSteps.type(browser.findElement(By.cssSelector("#sign-password input")), "doctor-pass");
        BrowserSteps.click(browser, "sign-submit");
        wait.until(d -> d.findElement(By.id("record-locked")).isDisplayed());
        wait.until(d -> BrowserSteps.text(browser, "record-signatures").contains("Dr A Ng (physician)")
                && BrowserSteps.text(browser, "record-signatures").contains("meaning: Approved"));
        browser.executeScript("window.scrollTo(0, 0)");
        BrowserSteps.size(browser, 1280, 800);
        Path shot = Chromium.screenshot(browser, "review");
        Path docs = Path.of("..", "docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("review.png"), StandardCopyOption.REPLACE_EXISTING);

        // an address made before (the session's id) still opens the record, which is then shown at its short address
        browser.get(url + "review/" + sessionId);
        wait.until(d -> BrowserSteps.text(browser, "record-subject").equals(SUBJECT) && d.getCurrentUrl().endsWith(shortAddress));
    }

    /**
     * A keyboard user gets an event's tooltip: focus a cell of the events table (a click on the first event, which has
     * no waveform), then move down with the arrow keys to the long note; its tooltip opens with the whole note, which
     * its cell cuts to two lines.
     */
    private static void eventTooltipOnKeyboardFocus(ChromeDriver browser) throws Exception {
        WebDriverWait wait = BrowserSteps.waitFor(browser);
        browser.executeScript("document.getElementById('events-grid').scrollToIndex(0)");
        WebElement first = wait.until(d -> d.findElements(By.cssSelector("#events-grid > vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().startsWith("Session: Session created")).findFirst().orElse(null));
        new Actions(browser).scrollToElement(first).click(first).perform();
        String focused = "const a = document.getElementById('events-grid').shadowRoot.activeElement; const s = a && a.querySelector('slot');"
                + "return s && s.assignedNodes().length ? s.assignedNodes()[0].textContent : '';";
        wait.until(d -> String.valueOf(browser.executeScript(focused)).startsWith("Session: Session created"));
        for (int i = 0; i < 40 && !String.valueOf(browser.executeScript(focused)).contains("END OF THE LONG NOTE"); i++) {
            String before = String.valueOf(browser.executeScript(focused));
            new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
            // each key press moves the focus one row down
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !String.valueOf(browser.executeScript(focused)).equals(before));
        }
        assertTrue(String.valueOf(browser.executeScript(focused)).contains("END OF THE LONG NOTE"), "the arrow keys reach the long note");
        String tooltip = "const t = document.querySelector('#events-grid vaadin-tooltip'); const o = t && t.shadowRoot.querySelector('vaadin-tooltip-overlay');"
                + "if (!o || o.hasAttribute('hidden') || getComputedStyle(o).display === 'none') return '';"
                + "const c = t.querySelector('[slot=overlay]'); return c ? c.textContent : '';";
        // a late update of the grid (the record's page refreshes its rows) closes a tooltip that was open: as staff
        // would, focus the row again (up and back down) when none shows after a few seconds
        long[] lastFocus = {System.nanoTime()};
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "the note's tooltip on keyboard focus, shown: '"
                + browser.executeScript(tooltip) + "'").until(d -> {
                    if (String.valueOf(browser.executeScript(tooltip)).contains("END OF THE LONG NOTE")) {
                        return true;
                    }
                    if (System.nanoTime() - lastFocus[0] > Duration.ofSeconds(5).toNanos()) {
                        new Actions(browser).sendKeys(Keys.ARROW_UP).sendKeys(Keys.ARROW_DOWN).perform();
                        lastFocus[0] = System.nanoTime();
                    }
                    return false;
                });
        assertTrue(String.valueOf(browser.executeScript(focused)).contains("END OF THE LONG NOTE"), "still on the long note");
        // the focused note and its tooltip in the window for the screenshot (the page does not follow the grid's focus)
        browser.executeScript("window.scrollBy(0, document.getElementById('events-grid').shadowRoot.activeElement.getBoundingClientRect().top"
                + " - window.innerHeight / 2)");
        Path shot = Chromium.screenshot(browser, "review-event-tooltip-keyboard");
        Files.copy(shot, Files.createDirectories(Path.of("..", "docs", "images")).resolve("review-event-tooltip-keyboard.png"),
                StandardCopyOption.REPLACE_EXISTING);
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    }

    /**
     * What does not fit in the events table: a cell whose words run past its edge (cut), an event taller than two lines,
     * or the table scrolling sideways. Empty when all fits.
     */
    private static List<String> eventsFit(ChromeDriver browser) {
        List<String> out = new ArrayList<>(BrowserSteps.cutCells(browser, "events-grid"));
        // one line: the lowest cell (a header's or a clock time's); an event may take two
        Object tall = browser.executeScript("const cs = Array.from(document.querySelectorAll('#events-grid > vaadin-grid-cell-content'))"
                + ".filter(c => c.assignedSlot && c.textContent.trim() !== '');"
                + "const line = Math.min(...cs.map(c => c.getBoundingClientRect().height));"
                + "return cs.filter(c => c.getBoundingClientRect().height > 2 * line + 4)"
                + ".map(c => 'taller than two lines (' + line + ' px a line): ' + c.textContent.slice(0, 40));");
        ((List<?>) tall).forEach(t -> out.add(String.valueOf(t)));
        // an event of up to 100 characters is shown whole: its two lines hold it (at 1280 px a side column once cut
        // "Session: Device clock checked" to "Session: Device clo...")
        Object clipped = browser.executeScript("return Array.from(document.querySelectorAll('#events-grid > vaadin-grid-cell-content'))"
                + ".filter(c => c.assignedSlot && c.textContent.length <= 100 && c.scrollHeight > c.clientHeight + 1)"
                + ".map(c => 'clipped: ' + c.textContent);");
        ((List<?>) clipped).forEach(t -> out.add(String.valueOf(t)));
        return out;
    }

    private static long drawnPixels(ChromeDriver browser) {
        return (Long) browser.executeScript("let n = 0; for (const c of document.querySelectorAll('#timeline canvas')) {"
                + "if (c.width < 2) continue; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; } return n;");
    }

    private static int intAttribute(ChromeDriver browser, String id, String attribute) {
        Object v = browser.executeScript("const e = document.getElementById(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", id, attribute);
        return v == null ? 0 : Integer.parseInt(v.toString());
    }

    private static String signIn(Vertx vertx, String user, String password) throws Exception {
        return Futures.await(vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                new AuthMessages.SignInRequest(user, password.toCharArray()), new DeliveryOptions().setSendTimeout(BUS_TIMEOUT)).map(m -> m.body().token()));
    }

    private static void command(Vertx vertx, DeliveryOptions as, SessionCommand c) throws Exception {
        Futures.await(vertx.eventBus().request(Addresses.SESSION_COMMAND, c, as));
    }

    private static boolean exportListOpen(ChromeDriver browser) {
        return (Boolean) browser.executeScript("return document.getElementById('record-export').open");
    }
}
