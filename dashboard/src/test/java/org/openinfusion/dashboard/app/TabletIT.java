package org.openinfusion.dashboard.app;

import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.testing.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient tablet in Debian's Chromium with touch emulation, beside a nurse's browser: the nurse hands a due
 * self-report rating to the patient from the bed view, the patient answers it by touch on a 1024x768 tablet or a
 * 390x844 phone, and the station records it with rater = subject (read back from the audit trail); the tablet page
 * reaches no other page while a rating is handed over (and holds nothing once taken back: staff sign in on that
 * browser), locks itself when idle, and refuses a used code. Screenshots go to docs/images.
 */
class TabletIT {
    private static final String IDLE_LOCK = "6s";
    private static final String NURSE = "nurse1";
    private static StationMain demo;
    private static Path dataDir;
    private static ChromeDriver staff;
    private static ChromeDriver tablet;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("tablet-it-");
        UserStore.at(dataDir.resolve(UserStore.FILE_NAME)).put("nurse1", Role.NURSE, "Nurse One", "nurse-pass".toCharArray());
        StationConfig config = DemoConfig.of(dataDir, Map.of("health.publishInterval", "5s", "tablet.idleLock", IDLE_LOCK));
        demo = StationMain.start(config, StationMain.LaunchOptions.parse(new String[0]));
        staff = Chromium.start(dataDir.resolve("chromium-staff"));
        tablet = Chromium.start(dataDir.resolve("chromium-tablet"));
        BrowserSteps.signIn(staff, demo.dashboardUrl(), NURSE, "nurse-pass");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ChromeDriver b : new ChromeDriver[] {staff, tablet}) {
            if (b != null) {
                b.quit();
            }
        }
        if (demo != null) {
            demo.close();
        }
        TempFolders.deleteTree(dataDir);
    }

    private static WebDriverWait waitFor(ChromeDriver b) {
        return BrowserSteps.waitFor(b);
    }

    /** A touch screen of {@code width} x {@code height} CSS pixels (a tablet, or with {@code mobile} a phone). */
    private static void touchScreen(int width, int height, boolean mobile) {
        tablet.manage().window().setSize(new Dimension(width + 40, height + 200));
        tablet.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        tablet.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        tablet.executeCdpCommand("Emulation.setEmitTouchEventsForMouse", Map.of("enabled", true, "configuration", mobile ? "mobile" : "desktop"));
    }

    /** Taps the element with a finger (touch start and end at a point of it; {@code fraction} across its width). */
    private static void tap(String css, double fraction) {
        waitFor(tablet).until(d -> (Boolean) tablet.executeScript("const e = document.querySelector(arguments[0]);"
                + "return !!e && e.getBoundingClientRect().width > 0 && !e.hasAttribute('disabled');", css));
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) tablet.executeScript("const e = document.querySelector(arguments[0]);"
                + "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + "return {x: r.left + r.width * arguments[1], y: r.top + r.height / 2};", css, fraction);
        Map<String, Object> point = Map.of("x", ((Number) r.get("x")).doubleValue(), "y", ((Number) r.get("y")).doubleValue());
        tablet.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
        tablet.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    private static void tap(String css) {
        tap(css, 0.5);
    }

    private static String text(String id) {
        return BrowserSteps.text(tablet, id);
    }

    private static void shot(ChromeDriver b, String name) throws Exception {
        Path file = Chromium.screenshot(b, name);
        Path docs = Path.of("..", "docs", "images");
        Files.createDirectories(docs);
        Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** On the nurse's bed view: a session under {@code protocol} with its baseline ratings due; the code for {@code form}. */
    private static String handOver(String bed, String subject, String protocol, String form) {
        BrowserSteps.openStartForm(staff, demo.dashboardUrl() + "bed/" + bed);
        BrowserSteps.startSession(staff, subject, 40, 70, "KIT-" + subject, protocol);
        BrowserSteps.click(staff, "step-baseline");
        BrowserSteps.click(staff, "hand-baseline-" + form);
        waitFor(staff).until(d -> BrowserSteps.text(staff, "handover-code").matches("\\d{6}"));
        String code = BrowserSteps.text(staff, "handover-code");
        if (bed.equals("bed-01")) {
            try {
                shot(staff, "bed-handover-code");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        BrowserSteps.click(staff, "handover-close");
        return code;
    }

    private static void unlock(String code) {
        tablet.get(demo.dashboardUrl() + "tablet");
        waitFor(tablet).until(d -> !d.findElements(By.cssSelector("#tablet-code input")).isEmpty());
        tablet.findElement(By.cssSelector("#tablet-code input")).sendKeys(code);
        tap("#tablet-unlock");
    }

    private static List<Recorded> trail() throws Exception {
        return HistoryReader.history(dataDir.resolve("audit").resolve("audit.log")).entries();
    }

    /** Whether the page is wider or taller than the screen (something would have to be scrolled to be seen). */
    private static String overflow() {
        return String.valueOf(tablet.executeScript("const d = document.documentElement;"
                + "return (d.scrollWidth > window.innerWidth ? 'wider ' + d.scrollWidth : '') + (d.scrollHeight > window.innerHeight ? ' taller ' + d.scrollHeight : '');"));
    }

    @Test
    void onA1024By768TabletThePatientAnswersTheVasByTouchAndItIsRecordedWithRaterSubjectInTheNursesName() throws Exception {
        touchScreen(1024, 768, false);
        String code = handOver("bed-01", "KET-201", "midazolam", "vas");
        unlock(code);
        waitFor(tablet).until(d -> !text("tablet-instructions").isBlank());
        shot(tablet, "tablet-1024-instructions");
        tap("#tablet-begin");
        double[] where = {0.12, 0.03, 0.4};
        for (int i = 0; i < 3; i++) {
            int n = i + 1;
            waitFor(tablet).until(d -> text("tablet-progress").equals("Question " + n + " of 3"));
            tap("vas-line", where[i]);
            waitFor(tablet).until(d -> tablet.findElement(By.id("tablet-next")).getAttribute("disabled") == null);
            if (i == 0) {
                assertEquals("", overflow(), "the VAS question at 1024x768");
                shot(tablet, "tablet-1024-vas");
            }
            tap("#tablet-next");
        }
        waitFor(tablet).until(d -> !d.findElements(By.id("tablet-send")).isEmpty());
        tap("#tablet-back"); // undo: the last answer can still be changed
        waitFor(tablet).until(d -> text("tablet-progress").equals("Question 3 of 3"));
        tap("vas-line", 0.55);
        tap("#tablet-next");
        tap("#tablet-send");
        waitFor(tablet).until(d -> text("tablet-message").startsWith("Your answers were sent"));

        Recorded rated = trail().stream().filter(r -> r.as(TrailEvent.RatingEntered.class).isPresent()).reduce((a, b) -> b).orElseThrow();
        TrailEvent.RatingEntered e = rated.as(TrailEvent.RatingEntered.class).orElseThrow();
        assertEquals(Rater.SUBJECT, e.rater());
        assertEquals("vas", e.rating().instrumentId());
        assertEquals(NURSE, rated.actor());
        int high = ((Answer.Scored) e.rating().answers().get("high")).value();
        int craving = ((Answer.Scored) e.rating().answers().get("craving")).value();
        assertTrue(high >= 8 && high <= 16, "high tapped at 12 %: " + high);
        assertTrue(craving >= 50 && craving <= 60, "craving changed to 55 % after going back: " + craving);
        // the code was used: typing it again is refused, and the refusal is in the trail
        unlock(code);
        waitFor(tablet).until(d -> text("tablet-error").contains("code already used"));
        assertTrue(trail().stream().flatMap(r -> r.as(TrailEvent.TabletAccess.class).stream())
                .anyMatch(t -> t.step() == TrailEvent.TabletStep.CODE_REFUSED && t.detail().equals("code already used")));
    }

    @Test
    void onAPhoneSizedScreenEachQuestionFitsAndLargeAnswersAreTapped() throws Exception {
        touchScreen(390, 844, true);
        String code = handOver("bed-02", "KET-202", "buprenorphine", "ocs");
        unlock(code);
        tap("#tablet-begin");
        for (int n = 1; n <= 3; n++) {
            int item = n;
            waitFor(tablet).until(d -> text("tablet-progress").equals("Question " + item + " of 3"));
            if (n == 1) {
                assertEquals("", overflow(), "the question on a 390x844 phone");
                long smallest = (Long) tablet.executeScript("return Math.min(...Array.from(document.querySelectorAll('.tablet-answer'))"
                        + ".map(b => Math.round(b.getBoundingClientRect().height)))");
                assertTrue(smallest >= 44, "answer buttons at least 44 px high, smallest " + smallest);
                shot(tablet, "tablet-phone-question");
            }
            tap("#tablet-answer-" + (n + 2));
        }
        waitFor(tablet).until(d -> !d.findElements(By.id("tablet-send")).isEmpty());
        tap("#tablet-send");
        waitFor(tablet).until(d -> text("tablet-message").startsWith("Your answers were sent"));
        shot(tablet, "tablet-phone-sent");
        TrailEvent.RatingEntered e = trail().stream().flatMap(r -> r.as(TrailEvent.RatingEntered.class).stream())
                .filter(r -> r.rating().instrumentId().equals("ocs")).findFirst().orElseThrow();
        assertEquals(Rater.SUBJECT, e.rater());
        assertEquals(Answer.score(5), e.rating().answers().get("3"));
    }

    @Test
    void whileARatingIsHandedOverTheTabletReachesNoOtherPageAndShowsNoPatientDataThenStaffSignInOnThatBrowser() throws Exception {
        // a browser of its own: it ends signed in as staff, and the shared tablet browser's window resize hung after that
        ChromeDriver shared = tablet;
        tablet = Chromium.start(dataDir.resolve("chromium-tablet-taken-back"));
        try {
            handedOverThenTakenBack();
        } finally {
            tablet.quit();
            tablet = shared;
        }
    }

    private static void handedOverThenTakenBack() {
        touchScreen(1024, 768, false);
        String code = handOver("bed-04", "KET-204", "midazolam", "vas");
        unlock(code);
        tap("#tablet-begin");
        waitFor(tablet).until(d -> text("tablet-progress").equals("Question 1 of 3"));
        for (String page : List.of("", "bed/bed-01", "review", "devices", "users", "login")) {
            tablet.get(demo.dashboardUrl() + page);
            // every address shows the questionnaire handed over, at the question it was on
            waitFor(tablet).until(d -> text("tablet-progress").equals("Question 1 of 3"));
            assertTrue(tablet.findElements(By.cssSelector("vaadin-login-form, #bed-tabs, #review-list, .bed-view")).isEmpty(), page);
            assertEquals(0L, tablet.executeScript("return document.querySelectorAll('a[href], [router-link]').length"), page);
        }
        tablet.navigate().back();
        tablet.navigate().back();
        waitFor(tablet).until(d -> text("tablet-progress").equals("Question 1 of 3"));
        String shown = tablet.findElement(By.tagName("body")).getText();
        assertFalse(shown.contains("KET-") || shown.contains("bed-0") || shown.contains("Nurse One"), shown);

        // staff take the tablet back: the hand-over ends, and the browser is a staff browser again (its sign-in page)
        tap("#tablet-staff");
        waitFor(tablet).until(d -> !d.findElements(By.cssSelector("#tablet-staff-user input")).isEmpty());
        tablet.findElement(By.cssSelector("#tablet-staff-user input")).sendKeys(NURSE);
        tablet.findElement(By.cssSelector("#tablet-staff-password input")).sendKeys("nurse-pass");
        tap("#tablet-staff-go");
        waitFor(tablet).until(d -> text("tablet-message").startsWith("Staff took the tablet back"));
        // a staff member at that browser: a mouse and a screen, no touch emulation (WebDriver's clicks hang under it)
        tablet.executeCdpCommand("Emulation.setEmitTouchEventsForMouse", Map.of("enabled", false));
        tablet.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        tablet.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        tablet.get(demo.dashboardUrl() + "login");
        waitFor(tablet).until(d -> !d.findElements(By.cssSelector("vaadin-login-form")).isEmpty());
        BrowserSteps.signIn(tablet, demo.dashboardUrl(), NURSE, "nurse-pass");
        tablet.get(demo.dashboardUrl() + "bed/bed-04");
        waitFor(tablet).until(d -> BrowserSteps.text(tablet, "session-header").startsWith("KET-204"));
    }

    @Test
    void anUnlockedTabletNobodyTouchesLocksItselfAndTheLockIsAudited() throws Exception {
        touchScreen(1024, 768, false);
        String code = handOver("bed-03", "KET-203", "midazolam", "vas");
        unlock(code);
        tap("#tablet-begin");
        waitFor(tablet).until(d -> text("tablet-progress").equals("Question 1 of 3"));
        // nobody touches it for the idle lock (6 s here)
        waitFor(tablet).until(d -> text("tablet-message").startsWith("This tablet locked itself"));
        shot(tablet, "tablet-1024-locked");
        assertTrue(trail().stream().flatMap(r -> r.as(TrailEvent.TabletAccess.class).stream())
                .anyMatch(t -> t.step() == TrailEvent.TabletStep.LOCKED && t.detail().equals("idle")));
    }

    /** Chooses the item of the vaadin-select {@code id} whose text contains {@code part}. */
    private static void choose(String id, String part) {
        BrowserSteps.click(staff, id);
        waitFor(staff).until(d -> d.findElements(By.tagName("vaadin-select-item")).stream().anyMatch(x -> x.getText().contains(part)));
        staff.findElements(By.tagName("vaadin-select-item")).stream().filter(x -> x.getText().contains(part)).findFirst().orElseThrow().click();
    }

    @Test
    void atARatingVisitThePatientAnswersCadssItems1To19OnTheTabletAtBothSizesAndTheNurseRates20To23() throws Exception {
        // the nurse enrols a subject and starts an unscheduled rating visit on the clinic list
        staff.get(demo.dashboardUrl() + "clinic");
        BrowserSteps.click(staff, "clinic-enrol");
        waitFor(staff).until(d -> !d.findElements(By.cssSelector("#enrol-subject input")).isEmpty());
        BrowserSteps.type(staff.findElement(By.cssSelector("#enrol-subject input")), "KET-211");
        BrowserSteps.click(staff, "enrol-dialog-save");
        waitFor(staff).until(d -> d.findElements(By.id("enrol-dialog")).isEmpty());
        BrowserSteps.click(staff, "clinic-unscheduled");
        choose("unscheduled-subject", "KET-211");
        BrowserSteps.type(staff.findElement(By.cssSelector("#unscheduled-reason input")), "dissociation reported by phone");
        BrowserSteps.click(staff, "unscheduled-dialog-save");
        BrowserSteps.click(staff, "visit-tablet-cadss");
        waitFor(staff).until(d -> BrowserSteps.text(staff, "handover-code").matches("\\d{6}"));
        String code = BrowserSteps.text(staff, "handover-code");
        BrowserSteps.click(staff, "handover-close");

        touchScreen(1024, 768, false);
        unlock(code);
        // no site wording installed: the patient reads a plain sentence, never the site-file key the placeholder names
        waitFor(tablet).until(d -> !text("tablet-instructions").isBlank());
        assertEquals("Please answer each question. Ask the staff if anything is unclear.", text("tablet-instructions"));
        tap("#tablet-begin");
        for (int n = 1; n <= 19; n++) {
            int item = n;
            if (n == 10) {
                touchScreen(390, 844, true); // the same questionnaire on a phone-sized screen
            }
            waitFor(tablet).until(d -> text("tablet-progress").equals("Question " + item + " of 19"));
            if (n == 1 || n == 10) {
                assertEquals("", overflow(), "CADSS item " + n);
                shot(tablet, n == 1 ? "tablet-1024-cadss" : "tablet-phone-cadss");
            }
            tap("#tablet-answer-2");
        }
        waitFor(tablet).until(d -> !d.findElements(By.id("tablet-send")).isEmpty());
        tap("#tablet-send");
        waitFor(tablet).until(d -> text("tablet-message").startsWith("Your answers were sent"));
        assertTrue(trail().stream().anyMatch(r -> r.as(TrailEvent.RatingPartAnswered.class).isPresent() && NURSE.equals(r.actor())));

        // back on the visit page the nurse rates the observer items 20-23 only
        staff.navigate().refresh();
        waitFor(staff).until(d -> BrowserSteps.text(staff, "visit-state-cadss").startsWith("The patient answered 19 questions"));
        BrowserSteps.size(staff, 1280, 800);
        shot(staff, "rating-visit-tablet");
        BrowserSteps.click(staff, "visit-rate-cadss");
        for (int i = 0; i < 4; i++) {
            BrowserSteps.click(staff, "score-1");
        }
        BrowserSteps.click(staff, "rating-submit");
        waitFor(staff).until(d -> BrowserSteps.text(staff, "rating-result").startsWith("Recorded. Total 42"));
        TrailEvent.RatingEntered e = trail().stream().flatMap(r -> r.as(TrailEvent.RatingEntered.class).stream())
                .filter(r -> r.rating().instrumentId().equals("cadss")).findFirst().orElseThrow();
        assertEquals(23, e.itemRaters().size());
        assertEquals(19, e.itemRaters().values().stream().filter(r -> r == Rater.SUBJECT).count());
    }
}
