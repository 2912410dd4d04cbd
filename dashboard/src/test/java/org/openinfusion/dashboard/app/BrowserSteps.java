package org.openinfusion.dashboard.app;

import java.util.List;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a nurse does in the browser, as steps shared by the Chromium tests. */
public final class BrowserSteps {
    private BrowserSteps() {
    }

    public static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(45));
    }

    /**
     * Waits until the page has settled: its fonts loaded, no request of the Vaadin client in flight, and its size and
     * number of elements the same in two looks in a row (what a screenshot, a layout or an accessibility check needs).
     */
    static void settled(ChromeDriver browser) {
        String[] previous = {""};
        waitFor(browser).until(d -> {
            Object now = browser.executeScript("if (document.fonts.status !== 'loaded') return null;"
                    + "const f = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                    + "if (!f || Object.values(f).some(c => c.isActive && c.isActive())) return null;"
                    + "const e = document.documentElement;"
                    + "return e.scrollWidth + 'x' + e.scrollHeight + ' ' + document.getElementsByTagName('*').length;");
            boolean same = now != null && now.equals(previous[0]);
            previous[0] = String.valueOf(now);
            return same;
        });
    }

    /**
     * Resizes the window until the page itself has {@code width} x {@code height} CSS pixels, correcting the window by
     * what the page still lacks at each look. Measuring the window's frame once instead goes wrong when that measure is
     * taken before the page has followed a resize (a window already at the size asked for, on a loaded machine: the
     * frame read as 0 and the page left short by it; seen in ScreenFitIT).
     */
    static void size(ChromeDriver browser, int width, int height) {
        waitFor(browser).until(d -> {
            List<?> inner = innerSize(browser);
            int w = ((Number) inner.get(0)).intValue();
            int h = ((Number) inner.get(1)).intValue();
            if (w == width && h == height) {
                return true;
            }
            Dimension outer = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(outer.getWidth() + width - w, outer.getHeight() + height - h));
            // looked at again at once (the page mostly follows before setSize returns): a resize that took needs no
            // second look half a second later; one that did not is corrected at the next look, as before
            return innerSize(browser).equals(List.of((long) width, (long) height));
        });
    }

    private static List<?> innerSize(ChromeDriver browser) {
        return (List<?>) browser.executeScript("return [window.innerWidth, window.innerHeight]");
    }

    /**
     * What does not fit in the grid {@code gridId}: each cell whose words run past its edge ("cut: ..."), and the grid
     * scrolling sideways. Empty when every visible cell shows its words whole.
     */
    @SuppressWarnings("unchecked")
    static List<String> cutCells(ChromeDriver browser, String gridId) {
        return (List<String>) browser.executeScript("const g = document.getElementById(arguments[0]); const out = [];"
                + "if (!g) return ['no grid ' + arguments[0]];"
                + "const table = g.shadowRoot.querySelector('#table');"
                + "if (table.scrollWidth > table.clientWidth + 1) out.push('scrolls sideways: ' + table.scrollWidth + ' > ' + table.clientWidth);"
                + "for (const c of g.querySelectorAll(':scope > vaadin-grid-cell-content')) {"
                + "  const cell = c.assignedSlot && c.assignedSlot.parentElement; if (!cell || cell.offsetParent === null) continue;"
                + "  if (c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > cell.getBoundingClientRect().right + 1)"
                + "    out.push('cut: ' + c.textContent.slice(0, 40));"
                + "}"
                + "return out;", gridId);
    }

    /** Opens the dashboard (which sends to the sign-in page) and signs in. */
    public static void signIn(ChromeDriver browser, String dashboardUrl, String user, String password) {
        signIn(browser, dashboardUrl, user, password, waitFor(browser));
    }

    /** The same, waiting as long as {@code wait} does (a benchmark on a loaded machine). */
    public static void signIn(ChromeDriver browser, String dashboardUrl, String user, String password, WebDriverWait wait) {
        browser.get(dashboardUrl);
        wait.until(d -> d.getCurrentUrl().endsWith("/login") && !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        type(browser.findElement(By.cssSelector("vaadin-login-form input[name='username']")), user);
        type(browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")), password + "\n");
        wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    public static void type(WebElement input, String text) {
        input.click();
        input.sendKeys(text);
    }

    static void click(ChromeDriver browser, String id) {
        // a click that lands on something else (the button disabled, or covered, between the look and the click) or on
        // a button not yet interactable (a dialog's, while the dialog opens) did not happen: look again
        waitFor(browser).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class).until(d -> {
            WebElement e = d.findElement(By.id(id));
            if (!e.isDisplayed() || e.getAttribute("disabled") != null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    /** Every cell of a grid (light-DOM cell contents), joined with " | ". */
    static String gridText(ChromeDriver browser, String gridId) {
        Object text = browser.executeScript("const g = document.getElementById(arguments[0]); if (!g) return '';"
                + "return Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent).join(' | ');", gridId);
        return String.valueOf(text);
    }

    /**
     * Clicks the first grid cell whose text contains {@code cellText} (the row's click opens what it shows). The grid
     * renders only the rows in view, so while the cell is not found it scrolls on a few rows per try (wrapping round).
     */
    static void clickGridCell(ChromeDriver browser, String gridId, String cellText) {
        waitFor(browser).ignoring(StaleElementReferenceException.class).until(d -> probeGrid(browser, gridId, cellText, true));
    }

    /**
     * Waits until the grid {@code gridId} has a row with each of {@code cellTexts}, scrolling on as
     * {@link #clickGridCell} does: a grid renders only the rows in view, so a row further down is found only by scrolling.
     */
    static void waitForGridRows(ChromeDriver browser, String gridId, String... cellTexts) {
        waitFor(browser).ignoring(StaleElementReferenceException.class).until(d -> {
            for (String text : cellTexts) {
                if (!probeGrid(browser, gridId, text, false)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean probeGrid(ChromeDriver browser, String gridId, String cellText, boolean click) {
        return (Boolean) browser.executeScript(
                "const g = document.getElementById(arguments[0]); if (!g) return false;"
                        + "const c = Array.from(g.querySelectorAll('vaadin-grid-cell-content')).find(c => c.textContent.includes(arguments[1]));"
                        + "if (!c) { if (g.size > 0 && g.scrollToIndex) {"
                        + " g.__probe = ((g.__probe || 0) + 4) % g.size; g.scrollToIndex(g.__probe); } return false; }"
                        + "if (arguments[2]) c.click(); return true;", gridId, cellText, click);
    }

    /** Opens a bed without a session at {@code bedUrl} and waits until its start-session form can be filled in. */
    static void openStartForm(ChromeDriver browser, String bedUrl) {
        browser.get(bedUrl);
        waitFor(browser).until(d -> !d.findElements(By.cssSelector("#start-subject input")).isEmpty()
                && !text(browser, "start-protocol").isBlank());
    }

    /**
     * Ends the infusion and confirms it; while the pump still reports infusing (the demo's simulated pump), ticks that
     * staff stop it at the pump, without which the step cannot be confirmed.
     */
    static void endInfusion(ChromeDriver browser) {
        click(browser, "step-end-of-infusion");
        waitFor(browser).until(d -> !d.findElements(By.id("confirm-pump")).isEmpty());
        // The dialog follows the pump live (the bed view refreshes it every second), so "still infusing" and with it
        // the tick may be asked for at any moment until the step is confirmed: each look acts on what the dialog shows
        // then, until it has closed. The tick is read from the checkbox element itself, so a look never clicks it twice.
        waitFor(browser).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .ignoring(ElementClickInterceptedException.class).until(d -> {
                    List<WebElement> pump = d.findElements(By.id("confirm-pump"));
                    if (pump.isEmpty()) {
                        return true;
                    }
                    boolean infusing = "true".equals(pump.getFirst().getDomAttribute("data-infusing"));
                    WebElement tick = d.findElement(By.id("confirm-pump-stopping"));
                    boolean ticked = "true".equals(tick.getDomProperty("checked"));
                    if (infusing && !ticked) {
                        tick.click();
                        return false;
                    }
                    WebElement confirm = d.findElement(By.id("confirm-step"));
                    if (confirm.getDomAttribute("disabled") == null) {
                        confirm.click();
                    }
                    return false;
                });
    }

    /**
     * Confirms the infusion start while baseline ratings are still open: the bed view asks first, listing them (Cancel
     * its default), and this starts anyway. Returns once that dialog has closed (the start may then be refused over the
     * pre-dose checks, which opens the start-override dialog).
     */
    static void confirmStartOverOpenBaseline(ChromeDriver browser) {
        click(browser, "step-confirm-infusion-start");
        waitFor(browser).until(d -> text(browser, "confirm-consequence").startsWith("Baseline not finished: "));
        click(browser, "confirm-step");
        waitFor(browser).until(d -> d.findElements(By.id("confirm-dialog")).isEmpty());
    }

    /**
     * Fills the start-session form (subject code, age in years, weight in kg, kit, the protocol whose title contains
     * {@code protocolPart}) and starts the session, once the bed view shows it.
     */
    static void startSession(ChromeDriver browser, String subject, int age, int weightKg, String kit, String protocolPart) {
        type(browser.findElement(By.cssSelector("#start-subject input")), subject);
        type(browser.findElement(By.cssSelector("#start-age input")), String.valueOf(age));
        type(browser.findElement(By.cssSelector("#start-weight input")), String.valueOf(weightKg));
        type(browser.findElement(By.cssSelector("#start-kit input")), kit);
        chooseProtocol(browser, protocolPart);
        click(browser, "start-button");
        waitFor(browser).until(d -> text(browser, "session-header").startsWith(subject));
    }

    /**
     * Chooses the protocol whose title contains {@code titlePart} in the start-session form. A click on an item while
     * the list still opens, or on the select before the page has wired it, is lost (the list then stays open, or never
     * opens): each look acts on what the page shows then, until the select shows the protocol: its item listed, it is
     * clicked; the list closed, it is opened; the list opening, nothing.
     */
    static void chooseProtocol(ChromeDriver browser, String titlePart) {
        waitFor(browser).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class).until(d -> {
                    WebElement select = d.findElement(By.id("start-protocol"));
                    if (chosen(browser, titlePart)) {
                        return true;
                    }
                    // the list's items (not the chosen one's copy in the select's button); an item's text reads empty
                    // unless the open list shows it
                    List<WebElement> items = d.findElements(By.cssSelector("vaadin-select-item:not(vaadin-select-value-button *)")).stream()
                            .filter(i -> i.getText().contains(titlePart)).toList();
                    if (!items.isEmpty()) {
                        items.getFirst().click();
                    } else if (select.getDomAttribute("opened") == null && select.getDomAttribute("disabled") == null) {
                        select.click();
                        return false;
                    }
                    return chosen(browser, titlePart);
                });
    }

    /** Whether the start-session form's select shows a protocol whose title contains {@code titlePart}. */
    private static boolean chosen(ChromeDriver browser, String titlePart) {
        return browser.findElements(By.cssSelector("#start-protocol vaadin-select-value-button")).stream()
                .anyMatch(b -> b.getText().contains(titlePart));
    }

    static String text(ChromeDriver browser, String id) {
        try {
            return browser.findElements(By.id(id)).stream().findFirst().map(WebElement::getText).orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
