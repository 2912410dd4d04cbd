package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openinfusion.sim.SerialSimulators;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.Transport;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An engineer signs in and sees a serial pump's state, line, traffic, errors by kind and its live decoded values. */
@ExtendWith(SharedDemo.class)
class DevicesViewIT {
    @Test
    void theEngineersPageShowsEachDeviceAndItsDecodedValues(ChromeDriver browser) throws Exception {
        Path data = TempFolders.deletedOnExit("devices-it-");
        UserStore.at(data.resolve(UserStore.FILE_NAME)).put("eng1", Role.ENGINEER, "engineer-pass".toCharArray());
        try (SerialSimulator pump = SerialSimulators.asena(Transport.tcp(0), 9)) {
            StationConfig config = DemoConfig.of(data, Map.of("devices", "pump9", "device.pump9.protocol", "asena",
                    "device.pump9.bed", "bed-09", "device.pump9.tcp", "127.0.0.1:" + pump.tcpPort().getAsInt()));
            try (StationMain station = StationMain.start(config, StationMain.LaunchOptions.parse(new String[0]))) {
                BrowserSteps.signIn(browser, station.dashboardUrl() + "devices", "eng1", "engineer-pass");
                browser.get(station.dashboardUrl() + "devices");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(d -> grid(d).contains("pump9") && grid(d).contains("connected") && grid(d).contains("serial over TCP"));
                wait.until(d -> d.findElement(By.id("devices-live")).getText().contains("bed-09/pump9 (")
                        && d.findElement(By.id("devices-live")).getText().contains("pump_rate "));
                // a fault on the line shows up as an error kind
                pump.faults().enable(Fault.CORRUPT_CHECKSUM);
                wait.until(d -> grid(d).contains("BAD_CHECKSUM"));
                pump.faults().disable(Fault.CORRUPT_CHECKSUM);
                Chromium.screenshot(browser, "devices");
                assertTrue(grid(browser).contains("asena"));
                // every cell whole at the bedside screen's and the tablet's size: a broker address or a topic breaks, never cut
                for (int[] size : new int[][] {{1280, 800}, {1024, 768}}) {
                    BrowserSteps.size(browser, size[0], size[1]);
                    wait.until(d -> grid(d).contains("pump9"));
                    List<String> cut = new ArrayList<>(BrowserSteps.cutCells(browser, "devices-grid"));
                    if ((Boolean) browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth")) {
                        cut.add("the page scrolls sideways");
                    }
                    Chromium.screenshot(browser, "devices-" + size[0]);
                    assertEquals(List.of(), cut, "devices page at " + size[0] + "x" + size[1]);
                }
            }
        }
    }

    private static String grid(WebDriver d) {
        Object text = ((JavascriptExecutor) d).executeScript(
                "const g = document.getElementById('devices-grid'); if (!g) return '';"
                        + "return Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c => c.textContent).join(' | ');");
        return String.valueOf(text);
    }
}
