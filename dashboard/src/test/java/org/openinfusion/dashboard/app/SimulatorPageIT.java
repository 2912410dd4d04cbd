package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.control.SimulatorControl;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An engineer drives the demo's simulated beds from the control page in Chromium at 1280x800: a
 * scenario runs on bed-01, motion goes on its pleth and its line occludes (screenshot
 * target/screenshots/simulator.png).
 */
class SimulatorPageIT {
    @Test
    void anEngineerInjectsAnArtefactAndAnOcclusionFromTheControlPage() throws Exception {
        Path data = TempFolders.deletedOnExit("simulator-it-");
        UserStore.at(data.resolve(UserStore.FILE_NAME)).put("eng1", Role.ENGINEER, "engineer-pass".toCharArray());
        try (StationMain demo = StationMain.start(DemoConfig.of(data, Map.of()),
                StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "2", "--seed", "7"}))) {
            SimulatorControl sim = demo.simulator().orElseThrow();
            sim.startScenario(Scenario.load("uneventful"), List.of("bed-01"));
            ChromeDriver browser = Chromium.start(data.resolve("chromium-profile"));
            try {
                BrowserSteps.signIn(browser, demo.dashboardUrl(), "eng1", "engineer-pass");
                browser.get(demo.dashboardUrl() + "simulator");
                BrowserSteps.waitFor(browser).until(d -> BrowserSteps.gridText(browser, "simulated-beds").contains("infusing 150.0 mL/h"));
                BrowserSteps.click(browser, "simulator-artefact-pleth-motion");
                BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "simulator-outcome").equals("bed-01: motion on pleth on."));
                BrowserSteps.click(browser, "simulator-pump-occlusion");
                BrowserSteps.waitFor(browser).until(d -> BrowserSteps.gridText(browser, "simulated-beds").contains("paused (occlusion)"));
                Chromium.screenshot(browser, "simulator");
                // the page never names the bag's drug
                assertFalse(browser.getPageSource().toLowerCase(Locale.ROOT).contains("ketamine"));
            } finally {
                browser.quit();
            }
        }
    }
}
