package org.openinfusion.dashboard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by its own chromedriver: no browser download, a fresh profile each time. */
public final class Chromium {
    private Chromium() {
    }

    public static ChromeDriver start(Path profile) {
        return start(profile, false);
    }

    /** {@code acceptTestCertificate}: accept the dashboard's self-signed test certificate (HTTPS ITs only). */
    public static ChromeDriver start(Path profile, boolean acceptTestCertificate) {
        return start(options(profile, acceptTestCertificate));
    }

    /** The options {@link #start(Path, boolean)} starts Chromium with, for a caller that adds its own. */
    public static ChromeOptions options(Path profile, boolean acceptTestCertificate) {
        ChromeOptions options = new ChromeOptions();
        if (acceptTestCertificate) {
            options.addArguments("--ignore-certificate-errors");
        }
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile.toAbsolutePath());
        return options;
    }

    /** Debian's Chromium with {@code options} (made by {@link #options}), driven by its own chromedriver. */
    public static ChromeDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
