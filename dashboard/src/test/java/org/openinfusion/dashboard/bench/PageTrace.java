package org.openinfusion.dashboard.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openinfusion.dashboard.app.Chromium;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A Chromium performance trace of page loads, recorded by chromedriver ({@code perfLoggingPrefs.traceCategories}: the
 * trace events come in its "performance" log, no DevTools module needed) and summed where the page's main thread spent
 * its time: each trace event's self time (its duration less that of the events inside it) by name, scripts by their
 * file. For {@code bin/benchmark review} with {@code -Dreview.trace=DIR}: the trace changes the timings it measures. chromedriver
 * hands over at most 100,000 events at a time: the categories are kept few so that one open fits.
 */
final class PageTrace {
    static final String CATEGORIES = "devtools.timeline,v8.execute,blink.user_timing,loading";

    private PageTrace() {
    }

    /** A headless Chromium (as {@link Chromium#start}) whose chromedriver records a trace from its start. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = Chromium.options(profile, false);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", false, "enablePage", false,
                "traceCategories", CATEGORIES, "bufferUsageReportingInterval", 1000));
        return Chromium.start(options);
    }

    /** The trace events recorded since the last call (chromedriver hands them over when its log is read). */
    static JsonArray take(ChromeDriver driver) {
        JsonArray events = new JsonArray();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject m = new JsonObject(e.getMessage()).getJsonObject("message");
            if (m != null && "Tracing.dataCollected".equals(m.getString("method"))) {
                events.add(m.getJsonObject("params"));
            }
        }
        return events;
    }

    /** Writes {@code events} as a trace file (DevTools' Performance panel and Perfetto open it). */
    static void write(Path file, JsonArray events) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, new JsonObject().put("traceEvents", events).encode());
    }

    /**
     * Where the renderer's main thread spent its time between the user-timing marks {@code from} and {@code to} (or the
     * whole trace when one is missing): self time by event name, and by script file for script events, largest first.
     */
    static String summary(JsonArray events, String from, String to) {
        // the renderer's main thread: the one named CrRendererMain with the most events
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Object o : events) {
            JsonObject e = (JsonObject) o;
            String key = e.getValue("pid") + "/" + e.getValue("tid");
            if ("M".equals(e.getString("ph")) && "thread_name".equals(e.getString("name"))) {
                names.put(key, e.getJsonObject("args", new JsonObject()).getString("name"));
            }
            counts.merge(key, 1, Integer::sum);
        }
        String main = counts.keySet().stream().filter(k -> "CrRendererMain".equals(names.get(k)))
                .max(Comparator.comparingInt(counts::get)).orElse(null);
        if (main == null) {
            return "no renderer main thread in the trace";
        }
        double start = Double.NEGATIVE_INFINITY;
        double end = Double.POSITIVE_INFINITY;
        for (Object o : events) {
            JsonObject e = (JsonObject) o;
            if (from.equals(e.getString("name")) && e.getValue("ts") != null) {
                start = e.getDouble("ts");
            }
            if (to.equals(e.getString("name")) && e.getValue("ts") != null) {
                end = e.getDouble("ts");
            }
        }
        List<JsonObject> xs = new ArrayList<>();
        for (Object o : events) {
            JsonObject e = (JsonObject) o;
            if ("X".equals(e.getString("ph")) && main.equals(e.getValue("pid") + "/" + e.getValue("tid")) && e.getValue("dur") != null
                    && e.getDouble("ts") >= start && e.getDouble("ts") < end) {
                xs.add(e);
            }
        }
        xs.sort(Comparator.comparingDouble((JsonObject e) -> e.getDouble("ts")).thenComparing(e -> -e.getDouble("dur")));
        Map<String, Double> self = new LinkedHashMap<>();
        Map<String, Double> scripts = new LinkedHashMap<>();
        double busy = 0;
        Deque<double[]> stack = new ArrayDeque<>(); // {end, index}
        double[] selfOf = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            JsonObject e = xs.get(i);
            double ts = e.getDouble("ts");
            double dur = e.getDouble("dur");
            while (!stack.isEmpty() && stack.peek()[0] <= ts) {
                stack.pop();
            }
            selfOf[i] = dur;
            if (stack.isEmpty()) {
                busy += dur;
            } else {
                int parent = (int) stack.peek()[1];
                selfOf[parent] -= Math.min(dur, stack.peek()[0] - ts);
            }
            stack.push(new double[] {ts + dur, i});
        }
        for (int i = 0; i < xs.size(); i++) {
            JsonObject e = xs.get(i);
            String name = e.getString("name");
            self.merge(name, selfOf[i], Double::sum);
            JsonObject data = e.getJsonObject("args", new JsonObject()).getJsonObject("data");
            String url = data == null ? null : data.getString("url", data.getString("fileName", data.getString("scriptName")));
            if (url != null && !url.isEmpty()) {
                scripts.merge(shortUrl(url), selfOf[i], Double::sum);
            }
        }
        String byName = self.entrySet().stream().filter(en -> en.getValue() >= 5_000).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(14).map(en -> String.format(Locale.ROOT, "%s %,.0f", en.getKey(), en.getValue() / 1000)).collect(Collectors.joining(", "));
        String byScript = scripts.entrySet().stream().filter(en -> en.getValue() >= 5_000).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8).map(en -> String.format(Locale.ROOT, "%s %,.0f", en.getKey(), en.getValue() / 1000)).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "main thread busy %,.0f ms of %,.0f ms; self time by event (ms): %s; by file (ms): %s", busy / 1000,
                (end == Double.POSITIVE_INFINITY || start == Double.NEGATIVE_INFINITY) ? 0 : (end - start) / 1000, byName, byScript);
    }

    private static String shortUrl(String url) {
        int q = url.indexOf('?');
        String u = q < 0 ? url : url.substring(0, q);
        int slash = u.lastIndexOf('/');
        return slash < 0 ? u : u.substring(slash + 1);
    }
}
