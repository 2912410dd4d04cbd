package org.openinfusion.dashboard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (the npm package, MIT/MPL) run in the page: installed once by npm into target/axe-core, injected into the
 * page under test, and its violations of impact "serious" or "critical" returned as readable lines.
 */
final class Axe {
    static final String VERSION = "4.10.3";
    private static String source;

    private Axe() {
    }

    private static synchronized String source() throws IOException, InterruptedException {
        if (source == null) {
            Path dir = Path.of("target", "axe-core");
            Path file = dir.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                // npm shares none of this JVM's standard streams: node makes the streams it inherits non-blocking, and
                // the test JVM's standard input and output are the build tool's channel to it ("std/in stream corrupted").
                Path log = dir.resolve("npm-install.log");
                ProcessBuilder install = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                        "axe-core@" + VERSION).redirectErrorStream(true).redirectOutput(log.toFile());
                Process npm = install.start();
                npm.getOutputStream().close();
                if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    npm.destroyForcibly();
                    throw new IOException("npm could not install axe-core " + VERSION + " (its output: " + log.toAbsolutePath() + "):\n"
                            + Files.readString(log));
                }
            }
            source = Files.readString(file);
        }
        return source;
    }

    /** The serious and critical violations on the page now, one line each (rule, impact, where). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver browser) throws IOException, InterruptedException {
        browser.executeScript(source());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), where: ''}]));");
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("where")).toList();
    }
}
