package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screens as a nurse uses them, in Debian's Chromium against the demo launcher (four simulated beds): the bed view
 * during an infusion with an alarm and a rating due fits 1280x800 and 1024x768 with nothing scrolled and everything
 * that matters in view; the overview shows every bed; a reload shows the last NIBP at once; each irreversible step
 * asks first; VAS on its line by keyboard; and axe-core finds no serious or critical violation on any page.
 * Screenshots go to docs/images.
 */
@ExtendWith(SharedDemo.class)
class BedScreenIT {
    private static final String SITE_WORDING = SharedDemo.SITE_WORDING;
    private static StationMain demo;
    private static Path dataDir;
    private static ChromeDriver browser;

    /** The shared demo (see {@link SharedDemo}): its bed-01 infusing with an alarm and its baseline ratings due. */
    @BeforeAll
    static void startDemo(SharedDemo.Beds beds) {
        demo = beds.demo();
        dataDir = beds.dataDir();
        browser = beds.browser();
    }

    private static WebDriverWait waitFor() {
        return BrowserSteps.waitFor(browser);
    }

    private static Path shot(String name) throws Exception {
        Path file = Chromium.screenshot(browser, name);
        Path docs = Path.of("..", "docs", "images");
        Files.createDirectories(docs);
        Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static void publish(String address, Object body) {
        demo.station().vertx().eventBus().publish(address, body);
    }

    /** Whether the element is entirely inside the window (nothing to scroll to see it). */
    /** The demo's second monitor is named as staff name it ("Monitor 2 disconnected (bed 1)"), never by its configured id. */
    private static void noConfiguredDeviceId(String page) {
        String text = (String) browser.executeScript("return document.body.innerText");
        assertTrue(!text.contains("spare-monitor"), "a configured device id on " + page + ": " + text);
    }

    private static boolean inView(String css) {
        return (Boolean) browser.executeScript("const e = document.querySelector(arguments[0]); if (!e) return false;"
                + "const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0"
                + " && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;", css);
    }

    private static String layoutProblems() {
        List<String> problems = new ArrayList<>();
        long docHeight = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        long docWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long height = (Long) browser.executeScript("return window.innerHeight");
        long width = (Long) browser.executeScript("return window.innerWidth");
        if (docHeight > height || docWidth > width) {
            problems.add("document " + docWidth + "x" + docHeight + " in a window " + width + "x" + height);
        }
        for (String css : List.of("#trace-ecg", "#trace-pleth", "#trace-co2", "#num-hr", "#num-spo2", "#num-etco2", "#num-rr", "#num-nibp",
                "#infusion", "#prompt-due", "#rate-baseline-cadss", "#marker-nausea", "#marker-infusion-paused-by-nurse",
                "#alarm-banner .alarm-ack", "#step-end-of-infusion", "#bed-tabs")) {
            if (!inView(css)) {
                problems.add(css + " not entirely in view");
            }
        }
        return String.join("; ", problems);
    }

    @Test
    void theBedViewFitsTheBedsideScreenAndTheTabletWithNothingScrolled() throws Exception {
        for (int[] size : new int[][] {{1280, 800}, {1024, 768}}) {
            BrowserSteps.size(browser, size[0], size[1]);
            browser.get(demo.dashboardUrl() + "bed/bed-01");
            waitFor().until(d -> BrowserSteps.text(browser, "alarm-banner").contains("Monitor 2 disconnected (bed 1)")
                    && !d.findElements(By.id("rate-baseline-cadss")).isEmpty());
            waitFor().until(d -> BrowserSteps.text(browser, "num-hr-value").matches("\\d+") && drawnPixels("trace-ecg") > 1000);
            BrowserSteps.settled(browser);
            String problems = layoutProblems();
            shot(size[0] == 1280 ? "bed-view" : "bed-view-1024");
            noConfiguredDeviceId("the bed view");
            assertEquals("", problems, "at " + size[0] + "x" + size[1]);
        }
        BrowserSteps.size(browser, 1280, 800);
    }

    private static long drawnPixels(String traceId) {
        return (Long) browser.executeScript("const c = document.querySelector('#' + arguments[0] + ' canvas');"
                + "if (!c || c.width < 2) return 0; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", traceId);
    }

    @Test
    void aLayoutChangeRedrawsTheTracesInsteadOfBlankingThem() throws Exception {
        BrowserSteps.size(browser, 1280, 800);
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        // a few seconds of sweep drawn (a full 6 s window is about 7,000 pixels at this size)
        waitFor().until(d -> drawnPixels("trace-pleth") > 4000);
        long before = drawnPixels("trace-pleth");
        long widthBefore = (Long) browser.executeScript("return document.querySelector('#trace-pleth canvas').width");
        BrowserSteps.size(browser, 1024, 768);
        waitFor().until(d -> (Long) browser.executeScript("return document.querySelector('#trace-pleth canvas').width") != widthBefore);
        long after = drawnPixels("trace-pleth");
        long widthAfter = (Long) browser.executeScript("return document.querySelector('#trace-pleth canvas').width");
        System.out.println("pleth drawn pixels: " + before + " at " + widthBefore + " px wide, " + after + " at once after resizing to "
                + widthAfter + " px");
        assertTrue(after > before * widthAfter / widthBefore / 2, before + " before, " + after + " after the resize");
        BrowserSteps.size(browser, 1280, 800);
    }

    @Test
    void aReloadShowsTheLastBloodPressureAtOnceWithItsAge() {
        Instant taken = Instant.now().minusSeconds(90);
        publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-02", "monitor"), Stream.NIBP_SYS, 127, taken, taken, 1));
        publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-02", "monitor"), Stream.NIBP_DIA, 83, taken, taken, 2));
        browser.get(demo.dashboardUrl() + "bed/bed-02");
        waitFor().until(d -> !d.findElements(By.id("num-nibp-value")).isEmpty());
        browser.navigate().refresh();
        waitFor().until(d -> !d.findElements(By.id("num-nibp-value")).isEmpty());
        // read as soon as the page is there: no waiting for a new cuff reading
        String shown = BrowserSteps.text(browser, "num-nibp-value");
        String age = BrowserSteps.text(browser, "num-nibp-age");
        assertTrue(shown.matches("\\d+/\\d+"), shown);
        // ours (1-2 min ago), or the demo's own cuff if it measured since (it reads every 5 min): either way at once, aged
        assertTrue(shown.equals("127/83") ? age.matches("[12] min ago") : age.matches("\\d+ (s|min) ago"), shown + ", " + age);
    }

    @Test
    void theOverviewShowsEveryBedWithItsStateAndOneTapOpensIt() throws Exception {
        browser.get(demo.dashboardUrl());
        waitFor().until(d -> d.findElements(By.cssSelector(".bed-card")).size() == 4);
        waitFor().until(d -> BrowserSteps.text(browser, "bed-01-alarm").contains("Monitor 2 disconnected (bed 1)"));
        waitFor().until(d -> BrowserSteps.text(browser, "bed-02-hr").matches("\\d+"));
        BrowserSteps.settled(browser);
        assertEquals("high", browser.findElement(By.id("bed-01-alarm")).getAttribute("data-priority"));
        assertTrue(BrowserSteps.text(browser, "bed-01-session").contains("KET-014"));
        noConfiguredDeviceId("the overview");
        shot("overview");
        browser.findElement(By.cssSelector("#bed-bed-03 .tiles")).click();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/bed/bed-03"));
    }

    @Test
    void endOfInfusionAsksFirstAndCancelChangesNothing() throws Exception {
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        // the demo's simulated nurse has started the pump: the dialog says it is still infusing and that the step does not stop it
        waitFor().until(d -> BrowserSteps.text(browser, "inf-pump").startsWith("Infusing"));
        BrowserSteps.click(browser, "step-end-of-infusion");
        waitFor().until(d -> BrowserSteps.text(browser, "confirm-consequence").contains("cannot be undone"));
        assertEquals("The pump is still infusing. This step records the end of the infusion; it does not stop the pump: stop the pump first, or tick below.",
                BrowserSteps.text(browser, "confirm-pump"));
        // while it infuses, the end is confirmed only with the tick that staff stop the pump
        assertTrue(browser.findElement(By.id("confirm-step")).getAttribute("disabled") != null, "not without the tick");
        String figures = BrowserSteps.text(browser, "confirm-figures");
        assertTrue(figures.matches("Infused \\d+\\.\\d of \\d+\\.\\d mL in \\d+:\\d\\d min, as the pump reported at \\d\\d:\\d\\d:\\d\\d\\."), figures);
        // the figures follow the pump while the dialog is open: the time they were read moves on
        waitFor().until(d -> !BrowserSteps.text(browser, "confirm-figures").equals(figures));
        browser.findElement(By.cssSelector("#confirm-pump-stopping input")).click();
        waitFor().until(d -> d.findElement(By.id("confirm-step")).getAttribute("disabled") == null);
        shot("confirm-end-of-infusion");
        BrowserSteps.click(browser, "confirm-cancel");
        waitFor().until(d -> d.findElements(By.id("confirm-consequence")).isEmpty());
        assertTrue(BrowserSteps.text(browser, "session-header").contains("Infusing"), BrowserSteps.text(browser, "session-header"));
    }

    @Test
    void aVisualAnalogueScaleIsAnsweredByTouchAndWithTheKeyboard() throws Exception {
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        BrowserSteps.click(browser, "rate-baseline-vas");
        waitFor().until(d -> !d.findElements(By.id("vas-line")).isEmpty());
        var line = browser.findElement(By.id("vas-line"));
        // touch (a pointer) a quarter along the 100 mm line
        int width = line.findElement(By.cssSelector(".vas-track")).getRect().getWidth();
        new Actions(browser).moveToElement(line, -width / 4, 0).click().perform();
        waitFor().until(d -> BrowserSteps.text(browser, "vas-value").matches("2[3-7] mm"));
        System.out.println("VAS line " + width + " px wide; touched a quarter along: " + BrowserSteps.text(browser, "vas-value"));
        line.sendKeys(Keys.HOME);
        for (int i = 0; i < 4; i++) {
            line.sendKeys(Keys.PAGE_UP);
        }
        line.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        waitFor().until(d -> BrowserSteps.text(browser, "vas-value").equals("42 mm"));
        // the line's focus ring (its outline, drawn around the box at its outline-offset) stays below the rater's line
        // above it: with a positive offset it crossed "The subject answers this item"
        Number gap = (Number) browser.executeScript("const l = document.getElementById('vas-line'); const s = getComputedStyle(l);"
                + "const ringTop = l.getBoundingClientRect().top - parseFloat(s.outlineOffset) - parseFloat(s.outlineWidth);"
                + "return ringTop - document.getElementById('rating-rater').getBoundingClientRect().bottom;");
        assertTrue(gap.doubleValue() >= 0, "the VAS focus ring overlaps the rater's line by " + (-gap.doubleValue()) + " px");
        shot("rating-vas");
        line.sendKeys(Keys.ENTER);
        waitFor().until(d -> BrowserSteps.text(browser, "rating-progress").startsWith("Item 2 of 3"));
    }

    @Test
    void theSitesWordingFileGivenToTheLauncherShowsOnTheRatingForm() throws Exception {
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        BrowserSteps.click(browser, "rate-baseline-cadss");
        waitFor().until(d -> BrowserSteps.text(browser, "rating-item").contains(SITE_WORDING));
        assertTrue(browser.findElements(By.id("rating-placeholder-note")).stream().noneMatch(e -> e.isDisplayed()),
                "item 1 has the site's wording: no placeholder note");
        BrowserSteps.click(browser, "score-0"); // item 2 has no site wording: the placeholder and its note
        waitFor().until(d -> BrowserSteps.text(browser, "rating-item").contains("CADSS item 2"));
        waitFor().until(d -> browser.findElement(By.id("rating-placeholder-note")).isDisplayed());
    }

    @Test
    void aRefusedStartIsConfirmedWithAReasonAndReadyForDischargeAndCloseAskFirst() throws Exception {
        BrowserSteps.openStartForm(browser, demo.dashboardUrl() + "bed/bed-03");
        BrowserSteps.startSession(browser, "KET-015", 70, 64, "KIT-0043", "midazolam");
        BrowserSteps.click(browser, "step-baseline");
        waitFor().until(d -> !d.findElements(By.id("step-confirm-infusion-start")).isEmpty());
        // a pre-dose blood pressure above the gate even for a participant over 65 (150/90)
        Instant taken = Instant.now();
        publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-03", "monitor"), Stream.NIBP_SYS, 165, taken, taken, 1));
        publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-03", "monitor"), Stream.NIBP_DIA, 95, taken, taken, 2));
        waitFor().until(d -> BrowserSteps.text(browser, "num-nibp-value").equals("165/95"));
        // the baseline ratings are still open: the start asks first, naming them, with Cancel the default
        BrowserSteps.click(browser, "step-confirm-infusion-start");
        waitFor().withMessage(() -> "the baseline dialog; shown: \"" + BrowserSteps.text(browser, "confirm-consequence") + "\" / start override: \""
                + BrowserSteps.text(browser, "start-override-why") + "\" / session: " + BrowserSteps.text(browser, "session-header"))
                .until(d -> BrowserSteps.text(browser, "confirm-consequence").startsWith("Baseline not finished: CADSS, BPRS+, VAS. "));
        assertTrue(BrowserSteps.text(browser, "confirm-consequence").endsWith("Start the infusion anyway?"), BrowserSteps.text(browser, "confirm-consequence"));
        // Cancel is the default: the primary button, asked to take the focus
        WebElement cancel = browser.findElement(By.id("confirm-cancel"));
        assertTrue(String.valueOf(cancel.getDomAttribute("theme")).contains("primary") && cancel.getDomAttribute("autofocus") != null,
                "Cancel the default: theme " + cancel.getDomAttribute("theme") + ", autofocus " + cancel.getDomAttribute("autofocus"));
        assertTrue(!String.valueOf(browser.findElement(By.id("confirm-step")).getDomAttribute("theme")).contains("primary"));
        BrowserSteps.settled(browser);
        assertTrue(inView("#confirm-cancel") && inView("#confirm-step"), "the dialog fits the window");
        assertEquals(List.of(), Axe.seriousViolations(browser), "axe-core over the baseline-not-finished dialog");
        shot("confirm-start-baseline-open");
        // Cancel changes nothing
        BrowserSteps.click(browser, "confirm-cancel");
        waitFor().until(d -> d.findElements(By.id("confirm-dialog")).isEmpty());
        assertTrue(BrowserSteps.text(browser, "session-header").contains("Baseline"), BrowserSteps.text(browser, "session-header"));
        assertTrue(browser.findElement(By.id("step-confirm-infusion-start")).isDisplayed(), "still to be confirmed");
        // starting anyway goes on to the station, which refuses it over the blood pressure gate
        BrowserSteps.confirmStartOverOpenBaseline(browser);
        waitFor().until(d -> BrowserSteps.text(browser, "start-override-why").contains("165/95, is above the protocol's limit of 150/90"));
        assertTrue(browser.findElement(By.id("start-override-confirm")).getAttribute("disabled") != null, "not without a reason");
        assertEquals(List.of(), Axe.seriousViolations(browser), "axe-core over the start override dialog");
        assertTrue(!BrowserSteps.text(browser, "start-override-why").contains("Sanacora"), "the source is folded away from the message");
        for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
            BrowserSteps.size(browser, size[0], size[1]);
            BrowserSteps.settled(browser);
            assertTrue(inView("#start-override-confirm") && inView("#start-override-reason"), "the dialog fits " + size[0] + "x" + size[1]);
            shot(size[0] == 1280 ? "confirm-start-override" : "confirm-start-override-1024");
        }
        BrowserSteps.type(browser.findElement(By.cssSelector("#start-override-reason input")), "rechecked 148/88 after rest; physician agreed");
        BrowserSteps.click(browser, "start-override-confirm");
        waitFor().until(d -> BrowserSteps.text(browser, "session-header").contains("Infusing"));

        BrowserSteps.endInfusion(browser);
        waitFor().until(d -> !d.findElements(By.id("step-observation")).isEmpty());
        BrowserSteps.click(browser, "step-observation");
        waitFor().until(d -> !d.findElements(By.id("step-ready-for-discharge")).isEmpty());
        BrowserSteps.click(browser, "step-ready-for-discharge");
        waitFor().until(d -> BrowserSteps.text(browser, "confirm-not-met").contains("Time since the end of the infusion"));
        assertTrue(BrowserSteps.text(browser, "confirm-not-met-physician-only").contains("physician"));
        assertTrue(browser.findElement(By.id("confirm-step")).getAttribute("disabled") != null, "a nurse cannot take it while criteria are unmet");
        shot("confirm-ready-for-discharge");
        BrowserSteps.click(browser, "confirm-cancel");
        waitFor().until(d -> d.findElements(By.id("confirm-not-met")).isEmpty());
        assertTrue(BrowserSteps.text(browser, "session-header").contains("Observation"), BrowserSteps.text(browser, "session-header"));

        BrowserSteps.click(browser, "step-close");
        waitFor().until(d -> !d.findElements(By.id("confirm-unfinished")).isEmpty());
        assertTrue(BrowserSteps.text(browser, "confirm-unfinished").contains("CADSS at Baseline"), BrowserSteps.text(browser, "confirm-unfinished"));
        shot("confirm-close");
        BrowserSteps.type(browser.findElement(By.cssSelector("#close-reason input")), "participant withdrew consent");
        BrowserSteps.click(browser, "close-reason-all"); // the same reason for every rating not done, in one tap
        waitFor().until(d -> d.findElement(By.id("confirm-step")).isEnabled());
        BrowserSteps.click(browser, "confirm-step");
        waitFor().until(d -> d.findElement(By.id("start-session")).isDisplayed());
    }

    @Test
    void anAdverseEventIsRecordedInADialogThatFitsTheScreen() throws Exception {
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        waitFor().until(d -> !d.findElements(By.id("tab-safety")).isEmpty());
        BrowserSteps.click(browser, "tab-safety");
        BrowserSteps.click(browser, "ae-record");
        waitFor().until(d -> !d.findElements(By.id("ae-form")).isEmpty());
        for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
            BrowserSteps.size(browser, size[0], size[1]);
            BrowserSteps.settled(browser);
            assertTrue(inView("#ae-save") && inView("#ae-term") && inView("#ae-outcome"), "the dialog fits " + size[0] + "x" + size[1]);
            shot(size[0] == 1280 ? "record-adverse-event" : "record-adverse-event-1024");
        }
        BrowserSteps.click(browser, "ae-save");
        waitFor().until(d -> BrowserSteps.text(browser, "ae-error").startsWith("Still to fill in: Adverse event (term)"));
        BrowserSteps.click(browser, "ae-cancel");
        waitFor().until(d -> d.findElements(By.id("ae-form")).isEmpty());
    }

    @Test
    void aNurseHasNoUnblindingAndAPhysicianUnblindsWithAReasonAndAnESignatureSeenInTheDialogAloneAndRecorded() throws Exception {
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        waitFor().until(d -> !d.findElements(By.id("tab-safety")).isEmpty());
        BrowserSteps.click(browser, "tab-safety");
        waitFor().until(d -> d.findElement(By.id("ae-record")).isDisplayed());
        assertTrue(browser.findElements(By.id("unblind-open")).isEmpty(), "a nurse is not offered unblinding");

        browser.manage().deleteAllCookies();
        BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_PHYSICIAN, StationMain.DEMO_PHYSICIAN);
        browser.get(demo.dashboardUrl() + "bed/bed-01");
        waitFor().until(d -> !d.findElements(By.id("tab-safety")).isEmpty());
        BrowserSteps.click(browser, "tab-safety");
        BrowserSteps.click(browser, "unblind-open");
        waitFor().until(d -> BrowserSteps.text(browser, "unblind-consequence").contains("shown to you alone"));
        List<String> violations = new ArrayList<>();
        axe(null, "unblind-consequence", violations);
        for (int[] size : new int[][] {{1024, 768}, {1280, 800}}) {
            BrowserSteps.size(browser, size[0], size[1]);
            BrowserSteps.settled(browser);
            assertTrue(inView("#unblind-submit") && inView("#unblind-password"), "the dialog fits " + size[0] + "x" + size[1]);
        }
        shot("unblind");
        BrowserSteps.click(browser, "unblind-submit");
        waitFor().until(d -> BrowserSteps.text(browser, "unblind-error").startsWith("Give the reason"));
        BrowserSteps.type(browser.findElement(By.cssSelector("#unblind-reason input")), "respiratory depression: flumazenil?");
        BrowserSteps.type(browser.findElement(By.cssSelector("#unblind-user-id input")), StationMain.DEMO_PHYSICIAN);
        BrowserSteps.type(browser.findElement(By.cssSelector("#unblind-password input")), StationMain.DEMO_PHYSICIAN);
        BrowserSteps.click(browser, "unblind-submit");
        waitFor().until(d -> BrowserSteps.text(browser, "unblind-arm").contains("midazolam 0.025 mg/kg"));
        assertTrue(BrowserSteps.text(browser, "unblind-arm").contains("KIT-0042"));
        BrowserSteps.click(browser, "unblind-close");
        waitFor().until(d -> d.findElements(By.id("unblind-dialog")).isEmpty());
        // (the dialog's overlay leaves the page when its closing animation ends; the protocol's title, which names both
        // arms, may stay in the header: the kit's arm and the arm's own description must not)
        waitFor().withMessage("the arm is gone with the dialog").until(d -> !browser.getPageSource().contains("Kit KIT-0042:")
                && !browser.getPageSource().contains("0.025 mg/kg IV over 52 min"));
        browser.get(demo.dashboardUrl() + "review");
        BrowserSteps.waitForGridRows(browser, "sessions-grid", "KET-014");
        BrowserSteps.clickGridCell(browser, "sessions-grid", "KET-014");
        waitFor().until(d -> !d.findElements(By.id("record-crumb")).isEmpty());
        BrowserSteps.settled(browser);
        // the review names the protocol by its title, which names both arms ("... vs midazolam 0.025 mg/kg ..."); the blind
        // is kept when neither the kit's arm line nor the arm's own description is there
        waitFor().withMessage("the record names the protocol by its title")
                .until(d -> BrowserSteps.text(browser, "record-fields").contains("vs midazolam 0.025 mg/kg (active placebo)"));
        assertTrue(!browser.getPageSource().contains("Kit KIT-0042:") && !browser.getPageSource().contains("0.025 mg/kg IV over 52 min"),
                "the review keeps the blind");

        var unblindings = HistoryReader.history(dataDir.resolve("audit").resolve("audit.log")).sessions().stream()
                .flatMap(h -> h.unblinding().stream()).toList();
        assertEquals(1, unblindings.size());
        assertEquals(List.of("physician", "respiratory depression: flumazenil?", "KIT-0042"),
                List.of(unblindings.getFirst().role(), unblindings.getFirst().reason(), unblindings.getFirst().kitId()));
        assertTrue(!Files.readString(dataDir.resolve("audit").resolve("audit.log")).contains("midazolam 0.025"), "the trail holds no arm");
        browser.manage().deleteAllCookies();
        BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
        assertEquals(List.of(), violations);
    }

    private static void axe(String page, String readyId, List<String> found) throws Exception {
        if (page != null) {
            browser.get(demo.dashboardUrl() + page);
        }
        waitFor().until(d -> !d.findElements(By.id(readyId)).isEmpty());
        BrowserSteps.settled(browser);
        Axe.seriousViolations(browser).forEach(v -> found.add(browser.getCurrentUrl() + ": " + v));
    }

    @Test
    void axeCoreFindsNoSeriousOrCriticalViolationOnAnyPage() throws Exception {
        List<String> found = new ArrayList<>();
        axe("", "beds", found);
        axe("bed/bed-04", "start-session", found);
        axe("bed/bed-01", "trace-ecg", found);
        BrowserSteps.click(browser, "tab-safety");
        BrowserSteps.click(browser, "ae-record");
        axe(null, "ae-form", found);
        BrowserSteps.click(browser, "ae-cancel");
        BrowserSteps.click(browser, "step-end-of-infusion");
        axe(null, "confirm-consequence", found);
        BrowserSteps.click(browser, "confirm-cancel");
        BrowserSteps.click(browser, "rate-baseline-vas");
        axe(null, "vas-line", found);
        BrowserSteps.click(browser, "rating-cancel");
        axe("devices", "not-permitted", found);
        shot("not-permitted");
        browser.manage().deleteAllCookies();
        axe("tablet", "tablet-code", found);
        browser.manage().deleteAllCookies();
        // the engineer's and the administrator's pages, with accounts added as an administrator would (bin/add-user)
        UserStore users = UserStore.at(dataDir.resolve(UserStore.FILE_NAME));
        users.put("engineer1", Role.ENGINEER, "E. Engineer", "engineer-password".toCharArray());
        users.put("admin1", Role.ADMIN, "A. Admin", "admin-password".toCharArray());
        BrowserSteps.signIn(browser, demo.dashboardUrl(), "engineer1", "engineer-password");
        axe("devices", "devices-grid", found);
        axe("simulator", "simulated-beds", found);
        browser.manage().deleteAllCookies();
        BrowserSteps.signIn(browser, demo.dashboardUrl(), "admin1", "admin-password");
        axe("users", "users", found);
        browser.manage().deleteAllCookies();
        axe("login", "login-form", found);
        BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_PHYSICIAN, StationMain.DEMO_PHYSICIAN);
        axe("review", "sessions-grid", found);
        BrowserSteps.waitForGridRows(browser, "sessions-grid", "KET-014");
        BrowserSteps.clickGridCell(browser, "sessions-grid", "KET-014");
        axe(null, "record-crumb", found);
        shot("review-record");
        browser.manage().deleteAllCookies();
        BrowserSteps.signIn(browser, demo.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
        assertEquals(List.of(), found);
    }
}
