package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.sim.control.SimulatorControl;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.PumpState;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An engineer drives the demo's simulated beds from the control page in Chromium at 1280x800: bed-01's
 * idle pump is programmed, started, paused and resumed as a nurse would at a real pump, then motion
 * goes on its pleth and its line occludes (screenshot
 * target/screenshots/simulator.png, copied to docs/images/simulator.png).
 */
@ExtendWith(SharedDemo.class)
class SimulatorPageIT {
    @Test
    void anEngineerInjectsAnArtefactAndAnOcclusionAndProgramsAPumpFromTheControlPage(ChromeDriver browser) throws Exception {
        Path data = TempFolders.deletedOnExit("simulator-it-");
        UserStore.at(data.resolve(UserStore.FILE_NAME)).put("eng1", Role.ENGINEER, "engineer-pass".toCharArray());
        try (StationMain demo = StationMain.start(DemoConfig.of(data, Map.of()),
                StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "2", "--seed", "7"}))) {
            SimulatorControl sim = demo.simulator().orElseThrow();
            sim.startScenario(Scenario.load("uneventful").withoutPumpStart(), List.of("bed-01"));
            BrowserSteps.signIn(browser, demo.dashboardUrl(), "eng1", "engineer-pass");
            browser.get(demo.dashboardUrl() + "simulator");
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.gridText(browser, "simulated-beds").contains("Standby"));
            // when the engineer programs bed-01's idle pump as a nurse would (rate, volume to be infused), starts,
            // pauses and resumes it
            browser.findElement(By.cssSelector("#simulator-rate input")).sendKeys("52.5");
            browser.findElement(By.cssSelector("#simulator-vtbi input")).sendKeys("35", Keys.TAB);
            BrowserSteps.click(browser, "simulator-program");
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "simulator-outcome")
                    .equals("bed-01: pump programmed 52.5 mL/h, 35.0 mL."));
            BrowserSteps.click(browser, "simulator-pump-start");
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "simulator-outcome").equals("bed-01: pump started."));
            BrowserSteps.click(browser, "simulator-pump-pause");
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "simulator-outcome").equals("bed-01: pump paused."));
            assertEquals(PumpState.PAUSED, sim.state("bed-01").pump().state());
            BrowserSteps.click(browser, "simulator-pump-resume");
            // then the simulated pump infuses at the programmed rate, as the page shows
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.gridText(browser, "simulated-beds").contains("Infusing 52.5 mL/h"));
            assertEquals(PumpState.INFUSING, sim.state("bed-01").pump().state());
            assertEquals(35.0, sim.state("bed-01").pump().programmedVtbiMl());
            // when motion goes on its pleth and its line occludes, then the pump halts with the alarm
            BrowserSteps.click(browser, "simulator-artefact-pleth-motion");
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "simulator-outcome").equals("bed-01: motion on pleth on."));
            BrowserSteps.click(browser, "simulator-pump-occlusion");
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.gridText(browser, "simulated-beds").contains("Paused (occlusion)"));
            BrowserSteps.settled(browser);
            Chromium.screenshot(browser, "simulator");
            // the scenarios are offered by their titles, never their file names; nothing scrolls sideways at 1024x768
            String page = browser.findElement(By.tagName("body")).getText();
            assertFalse(page.contains("pump-occlusion") || page.contains("uneventful,"), page);
            assertTrue(BrowserSteps.gridText(browser, "simulated-beds").contains("Uneventful infusion"),
                    BrowserSteps.gridText(browser, "simulated-beds"));
            browser.manage().window().setSize(new Dimension(1024, 768));
            long chromeHeight = (Long) browser.executeScript("return window.outerHeight - window.innerHeight");
            long chromeWidth = (Long) browser.executeScript("return window.outerWidth - window.innerWidth");
            browser.manage().window().setSize(new Dimension(1024 + (int) chromeWidth, 768 + (int) chromeHeight));
            BrowserSteps.waitFor(browser).until(d -> ((Number) browser.executeScript("return window.innerWidth")).intValue() == 1024);
            BrowserSteps.settled(browser);
            Chromium.screenshot(browser, "simulator-1024");
            assertTrue((Boolean) browser.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "no sideways scroll at 1024");
            // the page never names the bag's drug
            assertFalse(browser.getPageSource().toLowerCase(Locale.ROOT).contains("ketamine"));
        }
    }
}
