package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.station.testing.Sessions;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clinic list, a rating visit and a subject's timeline in Debian's Chromium at 1280x800 and 1024x768. The station
 * runs on a clock set to {@link #TODAY} over a trail written beforehand through the real session and visit services:
 * a Williams crossover subject through both periods (day 5 of period 1 missed, day 7 done out of window), and subjects
 * due, overdue and coming. Screenshots go to docs/images; axe-core finds no serious or critical violation.
 */
@ExtendWith(SharedDemo.class)
class VisitPagesIT {
    private static final Instant TODAY = Instant.parse("2026-03-20T09:00:00Z");
    private static final String WILLIAMS = "ketamine-naltrexone-crossover";
    private static StationMain demo;
    private static Path dataDir;
    private static ChromeDriver browser;

    /** Its own station (its clock, its trail written before the start) and the shared browser (see {@link SharedDemo}). */
    @BeforeAll
    static void start(ChromeDriver sharedBrowser) throws Exception {
        dataDir = Files.createTempDirectory("visit-pages-it-");
        UserStore.at(dataDir.resolve(UserStore.FILE_NAME)).put("nurse1", Role.NURSE, "Nurse One", "nurse-pass".toCharArray());
        UserStore.at(dataDir.resolve(UserStore.FILE_NAME)).put("dr1", Role.PHYSICIAN, "Dr. Ada Example", "dr-pass".toCharArray());
        seed(dataDir.resolve("audit").resolve("audit.log"));
        StationConfig config = DemoConfig.of(dataDir, Map.of("health.publishInterval", "5s"));
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TODAY));
        demo = StationMain.start(config, StationMain.LaunchOptions.parse(new String[0]), clock);
        browser = sharedBrowser;
        BrowserSteps.signIn(browser, demo.dashboardUrl(), "nurse1", "nurse-pass");
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        TempFolders.deleteTree(dataDir);
    }

    /** A complete HAM-D17 with item 1 {@code first} and every other item {@code each} (capped at its maximum). */
    private static Rating hamd17(String id, String timePoint, String rater, Instant at, int first, int each) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(i.number() == 1 ? first : Math.min(each, i.max()))));
        return new Rating(id, "hamd17", null, timePoint, "research_rater", rater, at.minusSeconds(600), at, answers, null);
    }

    /** The trail before the station starts, written by the real services on a clock that walks the days up to today. */
    private static void seed(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        MutableClock clock = new MutableClock(TODAY.minus(Duration.ofDays(45)));
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService sessions = Sessions.service(AuditFileTrail.of(log), clock);
            VisitService visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log),
                    AuditFileTrail.reader(file), clock, ZoneOffset.UTC);
            LocalDate today = LocalDate.ofInstant(TODAY, ZoneOffset.UTC);
            visits.handle("rater1", new VisitCommand.Enrol("KET-014", WILLIAMS, today.minusDays(45)));
            hold(visits, clock, "screening", 1, 3, 2);
            int[][] period1 = {{1, 1}, {3, 1}, {5, -1}, {9, 0}, {14, 0}};
            int[][] period2 = {{1, 3, 1}, {3, 2, 1}, {5, 2, 0}, {7, 0, 0}};
            clock.set(TODAY.minus(Duration.ofDays(38)));
            infuse(sessions, clock, "KIT-1", 3, 2);
            Instant p1 = clock.instant();
            for (int[] d : period1) {
                clock.set(p1.plus(Duration.ofDays(d[0])));
                String visit = d[0] == 9 ? "day7" : "day" + d[0];
                if (d[1] < 0) {
                    clock.set(p1.plus(Duration.ofDays(d[0] + 1))); // a visit is marked missed from the last day of its window
                    visits.handle("rater1", new VisitCommand.MarkMissed("KET-014", WILLIAMS, visit, 1, "subject unwell, phoned to cancel"));
                } else {
                    hold(visits, clock, visit, 1, d[1], d[1]);
                }
            }
            clock.set(TODAY.minus(Duration.ofDays(10)));
            infuse(sessions, clock, "KIT-2", 3, 1);
            Instant p2 = clock.instant();
            for (int[] d : period2) {
                clock.set(p2.plus(Duration.ofDays(d[0])));
                hold(visits, clock, "day" + d[0], 2, d[1], d[2]);
            }
            clock.set(TODAY.minus(Duration.ofDays(1)));
            visits.handle("rater1", new VisitCommand.Enrol("KET-052", WILLIAMS, today.minusDays(3)));
            visits.handle("rater1", new VisitCommand.Enrol("KET-061", "ketamine-buprenorphine-double-dummy", today.minusDays(2)));
            visits.handle("rater1", new VisitCommand.Enrol("KET-051", WILLIAMS, today));
        }
    }

    private static void hold(VisitService visits, MutableClock clock, String visit, int period, int first, int each) {
        String id = visits.handle("rater1", new VisitCommand.StartVisit("KET-014", WILLIAMS, visit, period)).visitSessionId();
        clock.advance(Duration.ofMinutes(20));
        visits.handle("rater1", new VisitCommand.RecordRating(id, hamd17("r-" + visit + "-" + period, visit, "rater1", clock.instant(), first, each)));
        if (visit.equals("day1") && period == 1) { // a headache reported at day 1, amended by a physician in the test
            visits.handle("rater1", new VisitCommand.RecordAdverseEvent(id, new AdverseEvent("AE-1", "Headache", clock.instant().minus(Duration.ofHours(2)),
                    Optional.empty(), AdverseEvent.Severity.MILD, false, AdverseEvent.Relationship.POSSIBLY_RELATED, AdverseEvent.Action.NOT_APPLICABLE,
                    AdverseEvent.Outcome.RECOVERING_RESOLVING, Optional.empty())));
        }
        visits.handle("rater1", new VisitCommand.Complete(id));
    }

    /** Chooses the item of the vaadin-select {@code id} whose text contains {@code part}. */
    private static void choose(String id, String part) {
        BrowserSteps.click(browser, id);
        waitFor().until(d -> d.findElements(By.tagName("vaadin-select-item")).stream().anyMatch(x -> x.getText().contains(part)));
        browser.findElements(By.tagName("vaadin-select-item")).stream().filter(x -> x.getText().contains(part)).findFirst().orElseThrow().click();
    }

    private static void infuse(SessionService sessions, MutableClock clock, String kit, int first, int each) {
        sessions.create("nurse1", "bed-03", WILLIAMS, "KET-014", SubjectMeasures.weight(70), kit);
        sessions.command("bed-03", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        sessions.command("bed-03", new SessionEvent.PretreatmentGiven(clock.instant(), "nurse1"));
        clock.advance(Duration.ofMinutes(45));
        sessions.record("bed-03", hamd17("base-" + kit, "baseline", "rater1", clock.instant(), first, each));
        sessions.command("bed-03", new SessionEvent.InfusionStarted(clock.instant(), "nurse1", "nurse"));
        clock.advance(Duration.ofMinutes(40));
        sessions.command("bed-03", new SessionEvent.InfusionCompleted(clock.instant(), "nurse1", 35));
        sessions.command("bed-03", new SessionEvent.Closed(clock.instant(), "nurse1", "discharged"));
    }

    private static WebDriverWait waitFor() {
        return BrowserSteps.waitFor(browser);
    }

    private static void shot(String name) throws Exception {
        BrowserSteps.settled(browser);
        Path file = Chromium.screenshot(browser, name);
        Path docs = Path.of("..", "docs", "images");
        Files.createDirectories(docs);
        Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void axe(List<String> found) throws Exception {
        BrowserSteps.settled(browser);
        Axe.seriousViolations(browser).forEach(v -> found.add(browser.getCurrentUrl() + ": " + v));
    }

    /** Clicks the button of class {@code buttonClass} in the clinic-list row that names {@code subject}. */
    private static void rowButton(String subject, String visit, String buttonClass) {
        waitFor().until(d -> (Boolean) browser.executeScript(
                "const g = document.getElementById('clinic-grid'); if (!g) return false;"
                        + "const b = Array.from(g.querySelectorAll('vaadin-button.' + arguments[2])).find(b => {"
                        + "  const row = b.closest('vaadin-grid-cell-content').assignedSlot.parentElement.parentElement;"
                        + "  const cells = Array.from(row.querySelectorAll('slot')).map(s => s.assignedNodes()[0] && s.assignedNodes()[0].textContent).join(' ');"
                        + "  return cells.includes(arguments[0]) && cells.includes(arguments[1]); });"
                        + "if (!b) return false; b.click(); return true;", subject, visit, buttonClass));
    }

    /** Whether the clinic-list row that names {@code subject} and {@code visit} has a button of class {@code buttonClass}. */
    private static boolean rowHas(String subject, String visit, String buttonClass) {
        return (Boolean) browser.executeScript(
                "const g = document.getElementById('clinic-grid');"
                        + "return Array.from(g.querySelectorAll('vaadin-grid-cell-content')).some(c => {"
                        + "  const row = c.assignedSlot && c.assignedSlot.parentElement.parentElement; if (!row) return false;"
                        + "  const cells = Array.from(row.querySelectorAll('slot')).map(s => s.assignedNodes()[0] && s.assignedNodes()[0].textContent).join(' ');"
                        + "  return cells.includes(arguments[0]) && cells.includes(arguments[1]) && c.querySelector('vaadin-button.' + arguments[2]) != null; });",
                subject, visit, buttonClass);
    }

    private static void openClinic() {
        browser.get(demo.dashboardUrl() + "clinic");
        waitFor().until(d -> BrowserSteps.gridText(browser, "clinic-grid").contains("KET-051"));
    }

    @Test
    void aNurseSeesWhoIsDueHoldsARatingVisitWithTheBedsideFormAndFollowsTheSubjectsTimeline() throws Exception {
        List<String> found = new ArrayList<>();
        for (int[] s : new int[][] {{1280, 800}, {1024, 768}}) {
            BrowserSteps.size(browser, s[0], s[1]);
            openClinic();
            String grid = BrowserSteps.gridText(browser, "clinic-grid");
            assertTrue(grid.contains("KET-052 | Screening | 17 Mar | Overdue 3 days (out of window)"), grid);
            assertTrue(grid.contains("KET-061 | Infusion day | 18 Mar-15 Apr | Due today"), grid);
            assertTrue(grid.contains("KET-014 | Day 14 (period 2) | 22-26 Mar | Due in 2 days"), grid);
            assertTrue(grid.contains("KET-051 | Infusion day (period 1) | 20 Mar-17 Apr | Due today"), grid);
            assertTrue(rowHas("KET-052", "Screening", "clinic-missed"), "overdue: can be marked missed");
            assertFalse(rowHas("KET-014", "Day 14 (period 2)", "clinic-missed"), "2 days ahead: cannot be missed yet");
            assertEquals("20 Mar 2026", browser.findElement(By.cssSelector("#clinic-day input")).getAttribute("value"),
                    "the day as the list writes its days");
            shot(s[0] == 1280 ? "clinic-list" : "clinic-list-1024");
        }
        axe(found);

        // KET-051's screening: started from the list, HAM-D17 with the bedside form, vital signs and a note, completed
        BrowserSteps.size(browser, 1280, 800);
        rowButton("KET-051", "Screening", "clinic-start");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-title").equals("Screening - KET-051"));
        BrowserSteps.click(browser, "visit-rate-hamd17");
        waitFor().until(d -> !d.findElements(By.id("rating-item")).isEmpty());
        for (int i = 1; i <= 17; i++) {
            if (i == 17) {
                shot("rating-visit-form");
            }
            BrowserSteps.click(browser, "score-1");
            String answered = "(" + i + " answered)";
            waitFor().until(d -> BrowserSteps.text(browser, "rating-progress").endsWith(answered)); // one answer per item, however slow the page
        }
        BrowserSteps.click(browser, "rating-submit");
        waitFor().until(d -> !d.findElements(By.id("rating-result")).isEmpty());
        BrowserSteps.click(browser, "rating-done");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-state-hamd17").equals("Rated: total 17"));
        BrowserSteps.type(browser.findElement(By.cssSelector("#vital-nibp_sys input")), "132");
        BrowserSteps.type(browser.findElement(By.cssSelector("#vital-nibp_dia input")), "84");
        BrowserSteps.type(browser.findElement(By.cssSelector("#vital-hr input")), "76");
        BrowserSteps.click(browser, "visit-record-vitals");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-vitals-done").contains("NIBP systolic 132 mmHg, NIBP diastolic 84 mmHg, HR 76 /min"));
        // a value outside the protocol's alarm limits is recorded and flagged as the bedside alarm words it
        BrowserSteps.type(browser.findElement(By.cssSelector("#vital-spo2 input")), "93");
        BrowserSteps.click(browser, "visit-record-vitals");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-vitals-done").contains("Outside the alarm limits (SpO2 93 %: below the limit 95 %)"));
        assertFalse(browser.findElements(By.id("visit-correct-hamd17")).isEmpty(), "a rated instrument can be corrected");
        assertFalse(BrowserSteps.text(browser, "visit-monitor-note").isEmpty(), "the monitor's values, or why they cannot be taken");
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-note textarea")), "Came with a relative; consent copy given.");
        BrowserSteps.click(browser, "visit-add-note");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-notes").contains("consent copy given"));
        for (int[] s : new int[][] {{1024, 768}, {1280, 800}}) {
            BrowserSteps.size(browser, s[0], s[1]);
            shot(s[0] == 1280 ? "rating-visit" : "rating-visit-1024");
        }
        axe(found);
        BrowserSteps.click(browser, "visit-complete");
        waitFor().until(d -> BrowserSteps.gridText(browser, "clinic-grid").contains("KET-051 | Screening | 20 Mar | Done"));

        // KET-014's timeline: both periods, the missed and the late visit, each period's baseline
        for (int[] s : new int[][] {{1280, 800}, {1024, 768}}) {
            BrowserSteps.size(browser, s[0], s[1]);
            browser.get(demo.dashboardUrl() + "subject/" + WILLIAMS + "/KET-014");
            waitFor().until(d -> !d.findElements(By.cssSelector("#subject-chart svg circle")).isEmpty());
            String rows = BrowserSteps.gridText(browser, "subject-grid");
            assertTrue(rows.contains("Day 5 (period 1) | 15-16 Feb"), rows);
            assertTrue(rows.contains("Missed: subject unwell, phoned to cancel"), rows);
            assertTrue(rows.contains("Done out of window"), rows);
            List<String> ticks = browser.findElements(By.cssSelector("#subject-chart svg text.day-label")).stream().map(e -> e.getText()).toList();
            assertTrue(ticks.size() >= 6 && ticks.getFirst().equals("2 Feb"), "day ticks across the subject's span: " + ticks);
            shot(s[0] == 1280 ? "subject-timeline" : "subject-timeline-1024");
        }
        axe(found);

        var rating = HistoryReader.history(dataDir.resolve("audit").resolve("audit.log")).entries().stream()
                .flatMap(r -> r.as(TrailEvent.RatingEntered.class).stream()).reduce((a, b) -> b).orElseThrow().rating();
        assertEquals("nurse1", rating.raterUserId());
        assertEquals("screening", rating.timePointId());

        // a physician signs KET-051's screening, then amends it: a note and a corrected HAM-D17, each with its reason
        String visit = HistoryReader.history(dataDir.resolve("audit").resolve("audit.log")).entries().stream()
                .filter(r -> r.as(TrailEvent.VisitStarted.class).filter(v -> v.subject().equals("KET-051")).isPresent())
                .findFirst().orElseThrow().session().value();
        BrowserSteps.size(browser, 1280, 800);
        browser.manage().deleteAllCookies();
        BrowserSteps.signIn(browser, demo.dashboardUrl(), "dr1", "dr-pass");
        browser.get(demo.dashboardUrl() + "visit/" + visit);
        BrowserSteps.click(browser, "visit-sign");
        waitFor().until(d -> !d.findElements(By.cssSelector("#visit-sign-user-id input")).isEmpty());
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-sign-user-id input")), "dr1");
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-sign-password input")), "dr-pass");
        BrowserSteps.click(browser, "visit-sign-submit");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-signatures").startsWith("Reviewed by Dr. Ada Example"));
        BrowserSteps.click(browser, "visit-amend-note");
        waitFor().until(d -> !d.findElements(By.cssSelector("#visit-amend-reason input")).isEmpty());
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-amend-reason input")), "phoned the next day");
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-amend-text textarea")), "Headache in the evening, settled with rest.");
        BrowserSteps.click(browser, "visit-amend-submit");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-signatures").contains("(signed before amendment)"));
        BrowserSteps.click(browser, "visit-correct-hamd17");
        BrowserSteps.click(browser, "score-2"); // item 1: 1 -> 2
        waitFor().until(d -> BrowserSteps.text(browser, "rating-progress").startsWith("Item 2"));
        BrowserSteps.type(browser.findElement(By.cssSelector("#rating-correction-reason input")), "source document says 2");
        BrowserSteps.click(browser, "rating-submit");
        waitFor().until(d -> !d.findElements(By.id("rating-result")).isEmpty());
        BrowserSteps.click(browser, "rating-done");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-state-hamd17").equals("Rated: total 18 (corrected: source document says 2)"));
        assertTrue(BrowserSteps.text(browser, "visit-amendments").contains("Note added: Headache in the evening, settled with rest. (reason: phoned the next day)"),
                BrowserSteps.text(browser, "visit-amendments"));
        // the SpO2 93 the nurse keyed is corrected from the source sheet: the line shows the value in effect and its reason
        BrowserSteps.click(browser, "visit-correct-vitals-2");
        waitFor().until(d -> !d.findElements(By.cssSelector("#visit-correct-vital-spo2 input")).isEmpty());
        WebElement spo2 = browser.findElement(By.cssSelector("#visit-correct-vital-spo2 input"));
        spo2.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        spo2.sendKeys("96");
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-correct-vitals-reason input")), "source sheet reads 96");
        BrowserSteps.size(browser, 1024, 768);
        shot("rating-visit-correct-vitals-1024");
        BrowserSteps.click(browser, "visit-correct-vitals-submit");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-vitals-done").contains("SpO2 96 % (amended: source sheet reads 96)"));
        assertFalse(BrowserSteps.text(browser, "visit-vitals-done").contains("Outside the alarm limits"), "96 % is within the limits: no flag in effect");
        assertTrue(BrowserSteps.text(browser, "visit-amendments").contains("Vital signs corrected: SpO2 96 % (reason: source sheet reads 96)"),
                BrowserSteps.text(browser, "visit-amendments"));
        for (int[] s : new int[][] {{1024, 768}, {1280, 800}}) {
            BrowserSteps.size(browser, s[0], s[1]);
            shot(s[0] == 1280 ? "rating-visit-amended" : "rating-visit-amended-1024");
        }
        axe(found);
        browser.get(demo.dashboardUrl() + "review");
        waitFor().until(d -> !d.findElements(By.id("visits-grid")).isEmpty() && BrowserSteps.gridText(browser, "visits-grid").contains("KET-051"));
        String reviewRows = BrowserSteps.gridText(browser, "visits-grid");
        assertTrue(reviewRows.contains("Signed before amendment: sign again"), reviewRows);
        axe(found);

        // KET-014's day 1 (period 1): the physician amends its headache, reported as resolving, to moderate
        String day1 = HistoryReader.history(dataDir.resolve("audit").resolve("audit.log")).entries().stream()
                .filter(r -> r.as(TrailEvent.VisitStarted.class).filter(v -> v.subject().equals("KET-014") && "day1".equals(v.visitId())
                        && v.period() == 1).isPresent()).findFirst().orElseThrow().session().value();
        browser.get(demo.dashboardUrl() + "visit/" + day1);
        BrowserSteps.click(browser, "visit-amend-ae-AE-1");
        waitFor().until(d -> !d.findElements(By.id("ae-form")).isEmpty());
        choose("ae-severity", "Moderate");
        BrowserSteps.type(browser.findElement(By.cssSelector("#visit-amend-ae-reason input")), "phoned: worse that evening");
        BrowserSteps.click(browser, "ae-save");
        waitFor().until(d -> BrowserSteps.text(browser, "visit-aes").contains("Headache (Moderate) (amended: phoned: worse that evening)"));
        assertTrue(BrowserSteps.text(browser, "visit-amendments").contains("Adverse event amended: Headache (reason: phoned: worse that evening)"),
                BrowserSteps.text(browser, "visit-amendments"));
        for (int[] s : new int[][] {{1024, 768}, {1280, 800}}) {
            BrowserSteps.size(browser, s[0], s[1]);
            shot(s[0] == 1280 ? "rating-visit-ae-amended" : "rating-visit-ae-amended-1024");
        }
        axe(found);
        assertEquals(List.of(AdverseEvent.Severity.MILD, AdverseEvent.Severity.MODERATE), HistoryReader.history(dataDir.resolve("audit")
                .resolve("audit.log")).entries().stream().flatMap(r -> r.as(TrailEvent.AdverseEventRecorded.class).stream())
                .map(a -> a.event().severity()).toList(), "the original kept, the amendment appended");
        assertEquals(List.of(), found);
    }
}
