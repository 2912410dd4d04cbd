package org.openinfusion.dashboard.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.openinfusion.dashboard.app.BrowserSteps;
import org.openinfusion.dashboard.app.Chromium;
import org.openinfusion.dashboard.app.StationMain;
import org.openinfusion.sim.signal.Conditions;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.device.DeviceAlarms;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.testing.Eventually;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a nurse sees, measured in headless Chromium against the whole station (performance.md, targets 2, 3 and 5): a
 * private mosquitto and influxd, the station with its dashboard in this JVM, N simulated beds of the full profile in their
 * own JVM in real time, and one Chromium per open dashboard (the dashboards benchmark: up to 16 pages to a Chromium, each in
 * a window of its own, signed in under a host name of its own). All of them read the same wall clock, so the page's paint
 * times can be set against the simulator's sample times. The page records them only because this benchmark installs
 * {@code window.stationBenchmark} before the page loads (js/sweep-trace.js, and a MutationObserver defined here).
 * Prints figures and a verdict; asserts nothing.
 * <ul>
 *   <li>{@code latency [beds=32] [seconds=120]}: two bed views and two overviews; from a chunk's emit (the device time
 *   just after its last sample, which the simulator cannot send earlier) to its last sample drawn, split into emit to
 *   station receive, receive to in the page (the station's share), and in the page to drawn (the sweep's own
 *   delay); numerics from device time to the value shown.</li>
 *   <li>{@code dashboards [beds=32] [seconds=60] [pages=4,16] [pages-per-browser=16]}: for each page count, station
 *   CPU and RSS, frame rate and push messages per page, the pages' Chromium CPU.</li>
 *   <li>{@code alarms [beds=32] [crossings=200] [silences=20]}: a session on every bed, heart-rate crossings above the
 *   protocol's high limit injected into the simulated patients; from the first crossing value's arrival at the station to
 *   the alarm drawn on the overview and on the bed view. Then technical alarms: the monitors of the two beds in bed views
 *   unplugged (they send nothing); from the monitor's last value at the station to the "device silent" banner drawn,
 *   minus the configured silence time ({@code mqtt.silentAfter}).</li>
 * </ul>
 */
public final class LiveBenchmark {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final String USER = "bench-nurse";
    private static final String PASSWORD = "bench-nurse-pass";
    /** The protocol every alarm session runs, and its high heart-rate limit (its YAML). */
    static final String PROTOCOL = "ketamine-buprenorphine-double-dummy";
    static final double HR_HIGH = 120;

    /** Installed before any page script: counters, and observers that note when values and alarms are drawn. */
    static final String PAGE_HOOK = """
            window.stationBenchmark = {arrivals: [], paints: [], numerics: [], alarms: [], frames: 0, ws: 0, wsBytes: 0, since: performance.now()};
            (function () {
              const B = window.stationBenchmark;
              const Native = window.WebSocket;
              const Counted = function (url, protocols) {
                const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
                ws.addEventListener('message', e => { B.ws++; B.wsBytes += typeof e.data === 'string' ? e.data.length : (e.data.byteLength || e.data.size || 0); });
                return ws;
              };
              Counted.prototype = Native.prototype;
              Object.assign(Counted, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
              window.WebSocket = Counted;
              const frame = () => { B.frames++; requestAnimationFrame(frame); };
              requestAnimationFrame(frame);
              const painted = record => requestAnimationFrame(() => { record.push(Date.now()); });
              new MutationObserver(list => {
                for (const m of list) {
                  const e = m.target;
                  if (m.type === 'attributes' && m.attributeName === 'data-device-time') {
                    const r = [e.id, +e.getAttribute('data-device-time')]; B.numerics.push(r); painted(r);
                  } else if (m.type === 'attributes' && m.attributeName === 'data-priority' && e.classList.contains('card-alarm')
                      && e.getAttribute('data-priority') !== 'none') {
                    const r = ['card', e.id.replace(/-alarm$/, ''), e.getAttribute('data-priority') + '|' + e.textContent]; B.alarms.push(r); painted(r);
                  } else if (m.type === 'childList' && e.nodeType === 1 && e.classList.contains('card-alarm')) {
                    const r = ['card', e.id.replace(/-alarm$/, ''), e.getAttribute('data-priority') + '|' + e.textContent]; B.alarms.push(r); painted(r);
                  } else if (m.type === 'childList') {
                    for (const n of m.addedNodes) {
                      if (n.nodeType === 1 && n.classList.contains('alarm') && n.parentElement && n.parentElement.id === 'alarm-banner') {
                        const r = ['banner', location.pathname.split('/').pop(), n.getAttribute('data-alarm-id')]; B.alarms.push(r); painted(r);
                      }
                    }
                  }
                }
              }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-device-time', 'data-priority']});
            })();
            """;

    /** Takes what a page recorded since the last call, and resets it. */
    private static final String COLLECT = """
            const B = window.stationBenchmark;
            if (!B) return '{}';
            const r = JSON.stringify({arrivals: B.arrivals, paints: B.paints, numerics: B.numerics.filter(x => x.length === 3),
                alarms: B.alarms.filter(x => x.length === 4), frames: B.frames, ws: B.ws, wsBytes: B.wsBytes, elapsed: performance.now() - B.since,
                visibility: document.visibilityState, path: location.pathname});
            B.arrivals = []; B.paints = []; B.numerics = B.numerics.filter(x => x.length < 3); B.alarms = B.alarms.filter(x => x.length < 4);
            B.frames = 0; B.ws = 0; B.wsBytes = 0; B.since = performance.now();
            return r;
            """;

    /** How long a page's counter read may take before the page is named not read. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);

    private LiveBenchmark() {
    }

    /**
     * One open dashboard: a page signed in, in a Chromium of its own ({@code window} null) or in its own window
     * ({@code window}: its WebDriver handle) of a Chromium shared with other pages.
     */
    record Page(String name, String route, ChromeDriver browser, String window) {
        JsonObject collect() {
            if (window != null) {
                browser.switchTo().window(window);
            }
            try {
                return new JsonObject((String) browser.executeScript(COLLECT));
            } catch (ScriptTimeoutException e) {
                // a page too starved to answer the read within READ_TIMEOUT (16 pages drawing on the
                // station's own 2 cores): named as not read, never a figure, and the run goes on
                return new JsonObject().put("unread", true);
            }
        }
    }

    /**
     * What a Chromium that holds several pages adds to {@link Chromium#options}: each page has a window of its own (a
     * tab behind another would be hidden, and a hidden page draws no frames), and no window is treated as in the
     * background (timers, renderer priority, occlusion), so that each page's frame rate is its own drawing's. Every page
     * is opened under a host name of its own ({@code page-NN.localhost}, mapped to the station's loopback address), so
     * that it has its own cookies, hence its own HTTP session and sign-in, as a page on a nurse's own computer has.
     */
    static final List<String> SHARED_BROWSER_FLAGS = List.of("--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows", "--host-resolver-rules=MAP *.localhost 127.0.0.1");

    /** Everything started: broker, database, station with dashboard, simulators, browsers; closed in reverse. */
    static final class Rig implements AutoCloseable {
        final BenchServers servers;
        final Path root;
        final PrintStream out;
        StationMain station;
        SimulatorProcess sim;
        final List<Page> pages = new CopyOnWriteArrayList<>();
        /** Every Chromium started (quit at close), and how many pages one Chromium holds (1: each page its own Chromium). */
        private final List<ChromeDriver> browsers = new CopyOnWriteArrayList<>();
        private int pagesPerBrowser = 1;
        /** The Chromium that takes the next pages while it holds fewer than {@link #pagesPerBrowser}, and how many it holds. */
        private ChromeDriver shared;
        private int sharedPages;
        /** The system property's value before the rig set it (restored at close). */
        private String productionMode;

        private Rig(BenchServers servers, PrintStream out) {
            this.servers = servers;
            this.root = servers.root();
            this.out = out;
        }

        /** Starts the servers and {@code beds} simulated beds publishing until {@code end}. */
        static Rig start(int beds, Instant end, PrintStream out) throws Exception {
            Rig rig = new Rig(BenchServers.create("live-bench"), out);
            try {
                rig.servers.startMosquitto();
                rig.servers.startInfluxd();
                Map<String, String> s = rig.servers.stationSettings("live-bench-station");
                s.put("http.dashboardPort", "0");
                s.put("health.publishInterval", "1s");
                // the benchmark's pages are watched, never used: the 15-minute idle sign-out (security.sessionTimeout) closed
                // the first of 16 pages while the last ones were still opening on a loaded machine (session 12)
                s.put("security.sessionTimeout", "12h");
                // the browser bundle built by the package phase, as the launcher's jar serves it (not the dev-mode frontend)
                rig.productionMode = System.setProperty("vaadin.productionMode", "true");
                rig.station = rig.servers.closeLater(StationMain.start(StationConfig.from(Settings.defaultsWith(s)),
                        StationMain.LaunchOptions.parse(new String[0])), StationMain::close);
                rig.station.station().users().put(USER, Role.NURSE, "Benchmark Nurse", PASSWORD.toCharArray());
                rig.sim = rig.servers.startSimulators();
                // pumps idle, as before an infusion starts: no "infusing before baseline" alarm outranks the injected ones
                rig.sim.addBedsWithIdlePumps("bed", beds, 7, end);
                out.printf("  %s  station, dashboard %s, %d simulated beds running%n", CLOCK.format(Instant.now()), rig.station.dashboardUrl(), beds);
                return rig;
            } catch (Exception e) {
                rig.close();
                throw e;
            }
        }

        /**
         * The pages opened from now on share one Chromium, up to {@code n} pages each, each in a window of its own (1, the
         * default: each page in a Chromium of its own, as the latency and alarms benchmarks open theirs).
         */
        void pagesPerBrowser(int n) {
            pagesPerBrowser = Math.max(1, n);
            shared = null;
        }

        /**
         * Opens {@code route} (a bed view "bed/bed-01" or the overview "") signed in: in a Chromium of its own, or in a new
         * window of the shared one under its own host name ({@link #pagesPerBrowser(int)}).
         */
        Page open(String name, String route) {
            if (pagesPerBrowser == 1) {
                ChromeDriver browser = Chromium.start(root.resolve("chromium-" + pages.size()));
                browsers.add(browser);
                Page p = load(new Page(name, route, browser, null), station.dashboardUrl());
                pages.add(p);
                return p;
            }
            String window;
            if (shared == null || sharedPages >= pagesPerBrowser) {
                ChromeOptions options = Chromium.options(root.resolve("chromium-" + pages.size()), false);
                options.addArguments(SHARED_BROWSER_FLAGS);
                shared = Chromium.start(options);
                browsers.add(shared);
                sharedPages = 0;
                window = shared.getWindowHandle();
            } else {
                window = shared.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
                shared.manage().window().setSize(new Dimension(1280, 800)); // as --window-size gives the first window
            }
            sharedPages++;
            Page p = load(new Page(name, route, shared, window), pageUrl(station.dashboardUrl(), pages.size() + 1));
            pages.add(p);
            return p;
        }

        /** Signs in at {@code url} in the page's window, with the hook installed for that window's documents, and opens its route. */
        private static Page load(Page p, String url) {
            ChromeDriver browser = p.browser();
            if (p.window() != null) {
                browser.switchTo().window(p.window());
            }
            // a page starved by many others on the same cores answers a counter read late: the reads are not timed, so
            // they may wait minutes (WebDriver's default is 30 s) before the page is named not read
            browser.manage().timeouts().scriptTimeout(READ_TIMEOUT);
            // the DevTools command applies to the current window's target only: each window gets its own
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAGE_HOOK));
            // a loaded machine with 32 beds may take minutes to sign in and draw the first page
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(4));
            BrowserSteps.signIn(browser, url, USER, PASSWORD, wait);
            // a nurse lands on the overview when signed in: a shared Chromium's overview page stays there (no second load)
            if (p.window() == null || !p.route().isEmpty()) {
                browser.get(url + p.route());
            }
            wait.until(d -> (Boolean) browser.executeScript(
                    "return document.querySelectorAll('sweep-trace canvas').length > 0 && window.stationBenchmark.frames > 0"));
            return p;
        }

        /** The dashboard's address under the host name of page {@code n} ({@code page-NN.localhost}, same port and path). */
        static String pageUrl(String dashboardUrl, int n) {
            URI u = URI.create(dashboardUrl);
            return u.getScheme() + "://page-" + two(n) + ".localhost:" + u.getPort() + u.getRawPath();
        }

        void closePages() {
            for (ChromeDriver b : browsers) {
                quietly(b::quit);
            }
            browsers.clear();
            shared = null;
            pages.clear();
        }

        @Override
        public void close() {
            closePages();
            servers.close();
            if (productionMode == null) {
                System.clearProperty("vaadin.productionMode");
            } else {
                System.setProperty("vaadin.productionMode", productionMode);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "latency";
        int beds = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        PrintStream out = System.out;
        header(out, mode, beds);
        Rig[] running = new Rig[1];
        Thread hook = new Thread(() -> {
            if (running[0] != null) {
                running[0].close();
            }
        }, "live-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            switch (mode) {
                case "latency" -> latency(beds, Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 120), out, running);
                case "dashboards" -> dashboards(beds, Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60),
                        args.length > 3 ? List.of(args[3].split(",")).stream().map(Integer::parseInt).toList() : List.of(4, 16),
                        args.length > 4 ? Integer.parseInt(args[4]) : 16, out, running);
                case "alarms" -> alarms(beds, args.length > 2 ? Integer.parseInt(args[2]) : 200, args.length > 3 ? Integer.parseInt(args[3]) : 20,
                        out, running);
                default -> {
                    System.err.println("usage: LiveBenchmark latency [beds] [seconds] | dashboards [beds] [seconds] [pages,...] [pages-per-browser] | alarms [beds] [crossings] [silences]");
                    System.exit(2);
                }
            }
        } finally {
            if (running[0] != null) {
                running[0].close();
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        System.exit(0);
    }

    // ---- latency ----

    /** Device-to-screen figures, in milliseconds; every list sorted. */
    record Latency(Map<String, List<Long>> emitToDrawn, List<Long> emitToReceive, List<Long> emitToPublish, List<Long> publishToReceive,
                   List<Long> receiveToPage, List<Long> pageToDrawn, List<Long> numericToShown) {
        List<Long> allDrawn() {
            List<Long> all = new ArrayList<>();
            emitToDrawn.values().forEach(all::addAll);
            Collections.sort(all);
            return all;
        }
    }

    /** What pages recorded of chunks and numerics, gathered over several reads. */
    static final class Tally {
        private final Map<String, List<Long>> drawn = new TreeMap<>();
        private final List<Long> toReceive = new ArrayList<>();
        private final List<Long> toPage = new ArrayList<>();
        private final List<Long> toDrawn = new ArrayList<>();
        private final List<Long> numerics = new ArrayList<>();
        private final Map<String, Long> inPage = new HashMap<>();
        private final List<Long> toPublish = new ArrayList<>();
        private final List<Long> publishToReceive = new ArrayList<>();
        /** Chunks whose publish time is still to be asked of the simulator: its slot ({@code bed@emit}) and receive time. */
        private final List<Map.Entry<String, Long>> unpublished = new ArrayList<>();

        /** Adds one read of the page {@code page} ("bed view ..." or "overview ..."). */
        void add(String page, JsonObject r) {
            String kind = page.startsWith("bed") ? "bed views" : "overviews";
            for (Object o : r.getJsonArray("arrivals", new JsonArray())) {
                JsonArray a = (JsonArray) o;
                toReceive.add(Math.round(a.getDouble(2) - a.getDouble(1)));
                toPage.add(Math.round(a.getDouble(3) - a.getDouble(2)));
                unpublished.add(Map.entry(bedOf(page, a.getString(0)) + "@" + Math.round(a.getDouble(1)), Math.round(a.getDouble(2))));
                inPage.put(page + a.getString(0) + "@" + Math.round(a.getDouble(1)), Math.round(a.getDouble(3)));
            }
            for (Object o : r.getJsonArray("paints", new JsonArray())) {
                JsonArray a = (JsonArray) o;
                drawn.computeIfAbsent(kind, k -> new ArrayList<>()).add(Math.round(a.getDouble(2) - a.getDouble(1)));
                Long arrived = inPage.remove(page + a.getString(0) + "@" + Math.round(a.getDouble(1)));
                if (arrived != null) {
                    toDrawn.add(Math.round(a.getDouble(2)) - arrived);
                }
            }
            for (Object o : r.getJsonArray("numerics", new JsonArray())) {
                JsonArray a = (JsonArray) o;
                numerics.add(Math.round(a.getDouble(2) - a.getDouble(1)));
            }
        }

        /**
         * Splits emit -> receive of the chunks added so far at the simulator's publish (its hand-over to MQTT, asked of
         * the simulator's process): emit -> publish is the simulator's own pacing, publish -> receive MQTT, the broker and
         * the station's decoding.
         */
        void splitAtPublish(SimulatorProcess sim) throws IOException, InterruptedException {
            Map<String, Long> published = sim.handOvers(unpublished.stream().map(Map.Entry::getKey).distinct().toList());
            for (Map.Entry<String, Long> e : unpublished) {
                Long at = published.get(e.getKey());
                if (at != null) {
                    toPublish.add(at - Long.parseLong(e.getKey().substring(e.getKey().indexOf('@') + 1)));
                    publishToReceive.add(e.getValue() - at);
                }
            }
            unpublished.clear();
        }

        /** The bed of a trace: a bed view's traces ("trace-ecg") are its bed's, an overview card's are named "bed-05-pleth". */
        static String bedOf(String page, String traceId) {
            return traceId.startsWith("trace-") ? page.substring(page.lastIndexOf(' ') + 1) : traceId.substring(0, traceId.lastIndexOf('-'));
        }

        /** The figures so far, every list sorted. */
        Latency latency() {
            Map<String, List<Long>> byKind = new TreeMap<>();
            drawn.forEach((kind, list) -> byKind.put(kind, sorted(list)));
            return new Latency(byKind, sorted(toReceive), sorted(toPublish), sorted(publishToReceive), sorted(toPage), sorted(toDrawn),
                    sorted(numerics));
        }

        private static List<Long> sorted(List<Long> list) {
            List<Long> out = new ArrayList<>(list);
            Collections.sort(out);
            return out;
        }
    }

    static Latency latency(int beds, Duration measure, PrintStream out, Rig[] running) throws Exception {
        Duration warm = Duration.ofSeconds(15);
        // the beds run until the benchmark closes them; the end only bounds a run whose start-up is slow (a loaded machine)
        Instant end = Instant.now().plus(measure).plus(warm).plusSeconds(1800);
        Rig rig = running[0] = Rig.start(beds, end, out);
        List<Page> pages = List.of(rig.open("bed view bed-01", "bed/bed-01"), rig.open("bed view bed-02", "bed/bed-02"),
                rig.open("overview 1", ""), rig.open("overview 2", ""));
        out.printf("  %s  4 dashboards open (2 bed views, 2 overviews); warming up %d s, then measuring %d s%n",
                CLOCK.format(Instant.now()), warm.toSeconds(), measure.toSeconds());
        Thread.sleep(warm.toMillis()); // pacing: the pages warm up before the figures are taken
        pages.forEach(Page::collect);
        Tally tally = new Tally();
        Instant stop = Instant.now().plus(measure);
        while (Instant.now().isBefore(stop)) {
            Thread.sleep(Math.min(5000, Math.max(1, Duration.between(Instant.now(), stop).toMillis()))); // pacing: read the pages every 5 s
            for (Page p : pages) {
                tally.add(p.name(), p.collect());
            }
            tally.splitAtPublish(rig.sim);
        }
        Latency l = tally.latency();
        Map<String, List<Long>> drawn = l.emitToDrawn();
        List<Long> toReceive = l.emitToReceive();
        List<Long> toPage = l.receiveToPage();
        List<Long> toDrawn = l.pageToDrawn();
        List<Long> numerics = l.numericToShown();
        out.printf("results over %d s at %d beds, 4 dashboards (ms; percentiles of every chunk drawn):%n", measure.toSeconds(), beds);
        drawn.forEach((kind, list) -> out.println("  emit -> drawn, " + kind + ": " + stats(list)));
        out.println("  emit -> drawn, all:        " + stats(l.allDrawn()));
        out.println("  emit -> station receive:   " + stats(toReceive) + "  (simulator pacing, MQTT, broker, decoding), split:");
        out.println("    emit -> publish:         " + stats(l.emitToPublish()) + "  (the simulator's pacing: device time after the last sample -> handed to its MQTT client)");
        out.println("    publish -> receive:      " + stats(l.publishToReceive()) + "  (MQTT client, broker, the station's MQTT client and decoding)");
        out.println("  receive -> in the page:    " + stats(toPage) + "  (the station's share: bus, 80 ms push batch, Vaadin push, browser)");
        out.println("  in the page -> drawn:      " + stats(toDrawn) + "  (the sweep's own delay: the longest chunk plus the chunks' recent lag, js/sweep-trace.js)");
        out.println("  numerics, device time -> shown (bed views): " + stats(numerics) + "  (includes the 0.5 s numerics refresh)");
        verdict(out, "device-to-screen p99", l.allDrawn(), 1000, 500);
        verdict(out, "numerics device-to-screen p99", numerics, 1000, 500);
        return l;
    }

    // ---- dashboards ----

    record PageCost(int pages, double stationCores, long rssMiB, long heapAfterGcMiB, double minFps, double medianFps,
                    double pushesPerSecondPerPage, double kibPerSecondPerPage, double browserCores, List<String> hidden) {
    }

    /**
     * For each page count in turn, the station's cost and each page's frame rate and push messages; the pages are opened
     * {@code pagesPerBrowser} to a Chromium, each in its own window and signed in under its own host name (1: each page
     * in a Chromium of its own, as before session 12).
     */
    static List<PageCost> dashboards(int beds, Duration measure, List<Integer> counts, int pagesPerBrowser, PrintStream out, Rig[] running)
            throws Exception {
        Instant end = Instant.now().plus(measure.multipliedBy(counts.size())).plusSeconds(3600);
        Rig rig = running[0] = Rig.start(beds, end, out);
        rig.pagesPerBrowser(pagesPerBrowser);
        out.printf("  pages: %s%n", pagesPerBrowser == 1 ? "each in a Chromium of its own"
                : "up to " + pagesPerBrowser + " to a Chromium, each in a window of its own, signed in under its own host name");
        List<PageCost> results = new ArrayList<>();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int n : counts) {
            long opening = System.nanoTime();
            while (rig.pages.size() < n) {
                int k = rig.pages.size();
                long t = System.nanoTime();
                // half bed views (of different beds), half overviews
                Page p = k % 2 == 0 ? rig.open("bed view bed-" + two(k / 2 % beds + 1), "bed/bed-" + two(k / 2 % beds + 1))
                        : rig.open("overview " + (k / 2 + 1), "");
                out.printf(Locale.ROOT, "    %s  page %d (%s) open in %.1f s, load %.2f%n", CLOCK.format(Instant.now()), k + 1, p.name(),
                        (System.nanoTime() - t) / 1e9, os.getSystemLoadAverage());
            }
            out.printf(Locale.ROOT, "  %s  %d dashboards open (the pages added in %.0f s); settling 15 s, then measuring %d s%n",
                    CLOCK.format(Instant.now()), n, (System.nanoTime() - opening) / 1e9, measure.toSeconds());
            Thread.sleep(15_000); // pacing: the pages just opened settle before the window
            rig.pages.forEach(Page::collect);
            long cpu0 = os.getProcessCpuTime();
            Map<Long, Long> browserTicks0 = browserTicks();
            long t0 = System.nanoTime();
            Thread.sleep(measure.toMillis()); // pacing: the measuring window (CPU over wall time)
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cores = (os.getProcessCpuTime() - cpu0) / 1e9 / seconds;
            double browserCores = ticksSince(browserTicks0) / TICKS_PER_SECOND / seconds;
            List<Double> fps = new ArrayList<>();
            List<Double> bedFps = new ArrayList<>();
            List<String> perPage = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            double pushes = 0;
            double bytes = 0;
            int measured = 0;
            for (Page p : rig.pages) {
                JsonObject r = p.collect();
                if (r.getBoolean("unread", false)) {
                    hidden.add(p.name() + " (not read: no answer within " + READ_TIMEOUT.toMinutes() + " minutes)");
                    continue;
                }
                // a page sent back to the sign-in page (signed out) shows no data: named, and left out of the figures
                if (r.getString("path", "").endsWith("/login")) {
                    hidden.add(p.name() + " (signed out)");
                    continue;
                }
                measured++;
                // each page's counters over its own time since it was last read (pages are read one after the other, and
                // under load the last one minutes after the first)
                double pageSeconds = r.getDouble("elapsed", seconds * 1000) / 1000;
                double f = r.getLong("frames", 0L) / pageSeconds;
                fps.add(f);
                if (p.name().startsWith("bed")) {
                    bedFps.add(f);
                }
                pushes += r.getLong("ws", 0L) / pageSeconds;
                bytes += r.getLong("wsBytes", 0L) / pageSeconds;
                // a hidden page draws no frames: its rate would be the browser's throttling, not the page's drawing
                if (!"visible".equals(r.getString("visibility"))) {
                    hidden.add(p.name() + " (" + r.getString("visibility") + ")");
                }
                perPage.add(String.format(Locale.ROOT, "%s %.1f fps %.1f msg/s", p.name(), f, r.getLong("ws", 0L) / pageSeconds));
            }
            long rss = rssKiB() >> 10;
            long heap = GcWatch.heapAfterFullGc()[0] >> 20;
            Collections.sort(fps);
            Collections.sort(bedFps);
            PageCost c = new PageCost(n, cores, rss, heap, bedFps.isEmpty() ? 0 : bedFps.getFirst(), fps.isEmpty() ? 0 : fps.get(fps.size() / 2),
                    pushes / Math.max(1, measured), bytes / Math.max(1, measured) / 1024, browserCores, hidden);
            results.add(c);
            out.printf(Locale.ROOT, "  %d dashboards at %d beds: station JVM %.2f cores, RSS %d MiB (heap after full GC %d MiB, max heap %d MiB); "
                            + "frame rate per page: bed views min %.1f fps, all pages median %.1f fps; push messages %.1f/s and %.1f KiB/s per page; "
                            + "the pages' Chromium %.2f cores; load %.2f%n",
                    n, beds, cores, rss, heap, GcWatch.maxHeap() >> 20, c.minFps(), c.medianFps(), c.pushesPerSecondPerPage(),
                    c.kibPerSecondPerPage(), browserCores, os.getSystemLoadAverage());
            out.println("    per page: " + String.join("; ", perPage));
            if (!hidden.isEmpty()) {
                out.println("    NOT MEASURED (hidden: their frame rate is the browser's throttling; signed out: no data): " + String.join(", ", hidden));
            }
        }
        for (PageCost c : results) {
            out.printf(Locale.ROOT, "verdict: %d beds + %d dashboards: station RSS %d MiB %s the 2 GiB target; bed-view frame rate %.1f fps %s the 50 fps "
                            + "target (the pages' Chromium on this machine too: %.2f cores); load average %.2f%n",
                    beds, c.pages(), c.rssMiB(), c.rssMiB() <= 2048 ? "MEETS" : "MISSES", c.minFps(),
                    !c.hidden().isEmpty() ? "NOT JUDGED (" + c.hidden().size() + " pages hidden or signed out)" : c.minFps() >= 50 ? "meets" : "MISSES",
                    c.browserCores(),
                    os.getSystemLoadAverage());
        }
        return results;
    }

    /** Linux's clock ticks per second in /proc/PID/stat (USER_HZ, 100 on every Linux the station runs on). */
    private static final double TICKS_PER_SECOND = 100;

    /** Per process: the CPU ticks (user and system) of this JVM's Chromium and chromedriver processes so far. */
    static Map<Long, Long> browserTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .forEach(p -> {
                    try {
                        String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                        // the fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(p.pid(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile: its ticks are not counted
                    }
                });
        return ticks;
    }

    /** The ticks used since {@code before} by the browsers' processes alive now (a process started since: all of its ticks). */
    static long ticksSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : browserTicks().entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    // ---- alarms ----

    /** A session on every bed, and the first heart-rate value above the limit of each bed as it arrives at the station. */
    static final class Crossings {
        /**
         * Per bed, the receive time of the first value above the limit since the bed's entry was last removed: a value
         * that dips below the limit and rises again (noise on the ramp) does not move it, since the alarm it raised may
         * still be the one on screen.
         */
        final Map<String, Long> first = new ConcurrentHashMap<>();
        /** Per bed, whether its latest heart rate is above the limit. */
        final Map<String, Boolean> above = new ConcurrentHashMap<>();

        static Crossings open(Rig rig, int beds) throws Exception {
            Vertx vertx = rig.station.station().vertx();
            String token = await(vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                    new AuthMessages.SignInRequest(USER, PASSWORD.toCharArray()), new DeliveryOptions().setSendTimeout(10_000))
                    .map(m -> m.body().token()));
            DeliveryOptions as = BusGuard.options(token, 10_000);
            for (int b = 1; b <= beds; b++) {
                await(vertx.eventBus().request(Addresses.SESSION_COMMAND,
                        new SessionCommand.CreateSession(USER, "bed-" + two(b), PROTOCOL, "BENCH-" + two(b), 70, "KIT-" + two(b)), as));
            }
            Crossings c = new Crossings();
            vertx.eventBus().<NumericSample>localConsumer(Addresses.NUMERIC, m -> {
                NumericSample s = m.body();
                if (s.stream() != Stream.HR) {
                    return;
                }
                String bed = s.source().bedId();
                boolean now = s.value() > HR_HIGH;
                Boolean before = c.above.put(bed, now);
                if (now && !Boolean.TRUE.equals(before)) {
                    c.first.putIfAbsent(bed, s.receiveTime().toEpochMilli());
                }
            });
            return c;
        }
    }

    static List<Long> alarms(int beds, int crossings, int silences, PrintStream out, Rig[] running) throws Exception {
        Instant end = Instant.now().plusSeconds(3600);
        Rig rig = running[0] = Rig.start(beds, end, out);
        Crossings watch = Crossings.open(rig, beds);
        Map<String, Long> crossing = watch.first;
        Map<String, Boolean> above = watch.above;
        List<Page> bedViews = List.of(rig.open("bed view bed-01", "bed/bed-01"), rig.open("bed view bed-02", "bed/bed-02"));
        Page overview = rig.open("overview", "");
        out.printf("  %s  sessions open on %d beds; bed views of bed-01 and bed-02 and an overview open; injecting %d heart-rate crossings "
                + "(> %.0f /min), up to 8 beds at a time%n", CLOCK.format(Instant.now()), beds, crossings, HR_HIGH);
        Thread.sleep(10_000); // pacing: the pages warm up before the first crossing
        bedViews.forEach(Page::collect);
        overview.collect();
        List<Long> onCard = new ArrayList<>();
        List<Long> onBanner = new ArrayList<>();
        int missed = 0;
        int injected = 0;
        // rounds: a crossing on up to 8 beds at once (the two shown in bed views in every round), then back to normal
        int perRound = Math.min(beds, 8);
        int round = 0;
        while (injected < crossings) {
            List<String> these = new ArrayList<>(List.of("bed-01", "bed-02").subList(0, Math.min(2, beds)));
            for (int i = 0; these.size() < perRound; i++) {
                these.add("bed-" + two(3 + (round * (perRound - 2) + i) % (beds - 2)));
            }
            these.forEach(crossing::remove);
            for (String bed : these) {
                rig.sim.change(bed, Conditions.Vital.HR, 150, 0, 10);
            }
            Thread.sleep(15_000); // pacing: each round gives the pages 15 s to draw the alarm
            JsonObject fromCard = overview.collect();
            Map<String, JsonObject> fromBanner = new HashMap<>();
            for (Page v : bedViews) {
                fromBanner.put(v.route().substring("bed/".length()), v.collect());
            }
            for (String bed : these) {
                Long at = crossing.get(bed);
                // a page cannot draw the alarm before the value arrives: 50 ms allow for the two clocks' reading granularity
                long notBefore = at == null ? Long.MAX_VALUE : at - 50;
                Long card = firstAlarm(fromCard, "card", bed, notBefore);
                Long banner = fromBanner.containsKey(bed) ? firstAlarm(fromBanner.get(bed), "banner", bed, notBefore) : null;
                if (round < 2 && Boolean.getBoolean("bench.debug")) {
                    out.println("    " + fromCard.getJsonArray("alarms"));
                }
                if (round < 2) {
                    out.printf("    round %d %s: crossing value received %s, card %s, banner %s%n", round + 1, bed,
                            at == null ? "never" : CLOCK.format(Instant.ofEpochMilli(at)), card == null ? "-" : (card - at) + " ms",
                            banner == null ? "-" : (banner - at) + " ms");
                }
                if (at == null || card == null && banner == null) {
                    missed++;
                    continue;
                }
                if (card != null) {
                    onCard.add(card - at);
                }
                if (banner != null) {
                    onBanner.add(banner - at);
                }
                injected++;
            }
            // back to normal: every heart rate below the limit again (at most 40 s), and the alarms cleared
            // at most 40 s, not asserted: a round whose rates stay high is still measured by the next crossing's own wait
            Eventually.poll(Duration.ofSeconds(40), () -> these.stream().anyMatch(b -> Boolean.TRUE.equals(above.get(b))), high -> !high);
            Thread.sleep(3_000); // pacing: the alarms clear before the next round
            round++;
            if (round % 5 == 0) {
                out.printf("  %s  %d crossings measured, %d not seen, load %.2f%n", CLOCK.format(Instant.now()), injected, missed,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            if (missed > crossings + 20) {
                out.println("  too many crossings not seen: stopping");
                break;
            }
        }
        Collections.sort(onCard);
        Collections.sort(onBanner);
        List<Long> all = new ArrayList<>(onCard);
        all.addAll(onBanner);
        Collections.sort(all);
        out.printf("results: %d crossings at %d beds seen drawn (%d not seen: no crossing value, or the card showed another alarm of "
                + "the same priority)%n", injected, beds, missed);
        out.println("  first crossing value received -> alarm drawn on the overview card: " + stats(onCard));
        out.println("  first crossing value received -> alarm banner drawn on the bed views: " + stats(onBanner));
        out.println("  (pushed: the station publishes the bed's session view on every alarm change, station.session.alarms)");
        verdict(out, "alarm latency p99 (card and banner)", all, 500, 250);
        if (silences > 0) {
            technical(rig, bedViews, silences, out);
        }
        return all;
    }

    /**
     * Per bed, when its monitor's values arrive at the station: the latest, and the last one before a pause of the
     * silence time or more (known once the monitor sends again).
     */
    static final class MonitorPauses implements AutoCloseable {
        final long silentAfter;
        private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
        private final Map<String, Long> beforePause = new ConcurrentHashMap<>();
        private final List<MessageConsumer<?>> consumers;

        MonitorPauses(Rig rig) {
            Vertx vertx = rig.station.station().vertx();
            silentAfter = rig.station.station().config().mqtt().silentAfter().toMillis();
            consumers = List.of(
                    vertx.eventBus().<NumericSample>localConsumer(Addresses.NUMERIC, m -> heard(m.body().source(), m.body().receiveTime())),
                    vertx.eventBus().<WaveformChunk>localConsumer(Addresses.WAVEFORM, m -> heard(m.body().source(), m.body().receiveTime())));
        }

        private void heard(DeviceRef source, Instant received) {
            if ("monitor".equals(source.deviceId())) {
                long t = received.toEpochMilli();
                lastHeard.compute(source.bedId(), (bed, previous) -> {
                    if (previous != null && t - previous >= silentAfter) {
                        beforePause.put(bed, previous);
                    }
                    return previous == null ? t : Math.max(previous, t);
                });
            }
        }

        /** Unplugs {@code bed}'s monitor for the silence time plus {@code extraSeconds}; forgets its earlier pause. */
        void unplug(Rig rig, String bed, double extraSeconds) throws IOException, InterruptedException {
            beforePause.remove(bed);
            rig.sim.artefact(bed, Conditions.Artefact.MONITOR_UNPLUGGED, silentAfter / 1000.0 + extraSeconds);
        }

        /**
         * As {@link #unplug}, after waiting (up to {@code within}) until a value of that monitor has been received since
         * this call: without one the pause would have no last value before it (the first unplug of a run came right after
         * this object began to listen, before any value had been heard). False, and nothing unplugged, when none came.
         */
        boolean unplugOnceHeard(Rig rig, String bed, double extraSeconds, Duration within) throws IOException, InterruptedException {
            if (!heardSince(bed, System.currentTimeMillis(), within)) {
                beforePause.remove(bed);
                return false;
            }
            unplug(rig, bed, extraSeconds);
            return true;
        }

        /** Waits (up to {@code within}) for a value of {@code bed}'s monitor received at or after {@code since}. */
        boolean heardSince(String bed, long since, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (lastHeard.getOrDefault(bed, Long.MIN_VALUE) < since) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20); // pacing: the monitor's chunks come every 256 ms; looked at every 20 ms
            }
            return true;
        }

        /** Waits (up to {@code within}) for {@link #beforePause}; null when the monitor has not sent again after a pause. */
        Long awaitPause(String bed, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (beforePause.get(bed) == null && System.nanoTime() < deadline) {
                Thread.sleep(20); // pacing: the monitor's chunks come every 256 ms; looked at every 20 ms
            }
            return beforePause.get(bed);
        }

        /** The receive time of the monitor's latest value, or null (none received since this object began to listen). */
        Long lastHeard(String bed) {
            return lastHeard.get(bed);
        }

        /** The receive time of the monitor's last value before its latest pause, or null (no pause seen yet). */
        Long beforePause(String bed) {
            return beforePause.get(bed);
        }

        @Override
        public void close() {
            consumers.forEach(MessageConsumer::unregister);
        }
    }

    /** The alarm id of a silent monitor on a bed (the station's technical alarm, as the session shows it). */
    static final String MONITOR_SILENT = "TECH:" + DeviceAlarms.DEVICE_SILENT + ":monitor";

    /**
     * Device-silent alarms: the monitors of the beds shown in bed views unplugged in turn (the simulated monitor sends
     * nothing, its connection stays up); from the monitor's last value received at the station to the banner row
     * drawn, minus {@code mqtt.silentAfter}. The rest is the station's silence check (every second, or a quarter of the
     * silence time when shorter), the session worker, the push and the page.
     */
    static List<Long> technical(Rig rig, List<Page> bedViews, int silences, PrintStream out) throws Exception {
        List<Long> onBanner = new ArrayList<>();
        int missed = 0;
        List<String> notMeasured = new ArrayList<>();
        try (MonitorPauses pauses = new MonitorPauses(rig)) {
            out.printf("  %s  technical alarms: %d monitors unplugged in turn (bed views' beds), silence time %d ms%n",
                    CLOCK.format(Instant.now()), silences, pauses.silentAfter);
            for (int i = 0; i < silences; i++) {
                Page view = bedViews.get(i % bedViews.size());
                String bed = view.route().substring("bed/".length());
                view.collect();
                if (!pauses.unplugOnceHeard(rig, bed, 5, Duration.ofSeconds(10))) {
                    notMeasured.add(String.format(Locale.ROOT, "silence %d (%s): no value of its monitor received in the 10 s before "
                            + "its unplug, so it was not unplugged", i + 1, bed));
                    continue;
                }
                long unplugged = System.currentTimeMillis();
                // pacing: the monitor stays unplugged for the silence time plus 5 s; the banner is read after it is back
                Thread.sleep(pauses.silentAfter + 5_000);
                // the pause's last value is known once the monitor sends again (waited for up to 10 s on a loaded machine)
                Long last = pauses.awaitPause(bed, Duration.ofSeconds(10));
                boolean resumed = pauses.lastHeard(bed) != null && pauses.lastHeard(bed) > unplugged + pauses.silentAfter;
                Long drawn = last == null ? null : firstRow(view.collect(), MONITOR_SILENT, last);
                if (last == null) {
                    Long heard = pauses.lastHeard(bed);
                    String lastSeen = heard == null ? "never" : CLOCK.format(Instant.ofEpochMilli(heard));
                    notMeasured.add(String.format(Locale.ROOT, "silence %d (%s): %s (last value received %s)", i + 1, bed, resumed
                            ? "no pause of the silence time or more in its monitor's values"
                            : "its monitor did not send again within 10 s of the unplug's end, so the last value before the pause is not known",
                            lastSeen));
                } else if (drawn == null) {
                    missed++;
                    out.printf("    %s: last value received %s, device-silent banner NOT drawn%n", bed, CLOCK.format(Instant.ofEpochMilli(last)));
                } else {
                    onBanner.add(drawn - last - pauses.silentAfter);
                    if (i < 2) {
                        out.printf("    %s: last value received %s, banner %d ms later%n", bed, CLOCK.format(Instant.ofEpochMilli(last)), drawn - last);
                    }
                }
            }
        }
        Collections.sort(onBanner);
        out.printf("results: %d of %d silences measured (%d device-silent alarms seen drawn, %d not seen drawn), %d not measured%n",
                onBanner.size() + missed, silences, onBanner.size(), missed, notMeasured.size());
        notMeasured.forEach(why -> out.println("  not measured: " + why));
        out.println("  monitor's last value received -> device-silent banner drawn, minus the silence time: " + stats(onBanner));
        verdict(out, "technical alarm latency p99 (banner)", onBanner, 500, 250);
        return onBanner;
    }

    /** When the page first drew a banner row of {@code alarmId} at or after {@code notBefore}, or null. */
    private static Long firstRow(JsonObject r, String alarmId, long notBefore) {
        Long first = null;
        for (Object o : r.getJsonArray("alarms", new JsonArray())) {
            JsonArray a = (JsonArray) o;
            long t = Math.round(a.getDouble(3));
            if ("banner".equals(a.getString(0)) && alarmId.equals(a.getString(2)) && t >= notBefore) {
                first = first == null ? t : Math.min(first, t);
            }
        }
        return first;
    }

    // ---- smoke size, for the test suite ----

    /** What the smoke-size run saw: chunks and numerics, and the two alarms' latencies (null: not seen drawn). */
    record Smoke(Latency latency, Long crossingToBanner, Long silentToBanner) {
    }

    /**
     * The latency and alarm benchmarks at smoke size (LiveSmokeIT): one bed with a session, its bed view in one Chromium;
     * chunks and numerics drawn while one heart-rate crossing is injected, then its monitor unplugged until the
     * device-silent alarm shows. Prints the figures; the caller checks correctness only.
     */
    static Smoke smoke(PrintStream out, Rig[] running) throws Exception {
        Rig rig = running[0] = Rig.start(1, Instant.now().plusSeconds(900), out);
        Crossings crossings = Crossings.open(rig, 1);
        try (MonitorPauses pauses = new MonitorPauses(rig)) {
            Page view = rig.open("bed view bed-01", "bed/bed-01");
            Tally tally = new Tally();
            JsonObject seen = new JsonObject().put("alarms", new JsonArray());
            view.collect();
            crossings.first.remove("bed-01");
            // held long enough to be drawn on a loaded machine: an alarm raised and cleared again while the page's updates
            // wait for the session lock reaches the page as one update with no row in it (the alarm tab lists it)
            rig.sim.change("bed-01", Conditions.Vital.HR, 150, 0, 20);
            Instant deadline = Instant.now().plusSeconds(60);
            Long crossingDrawn = null;
            while (crossingDrawn == null && Instant.now().isBefore(deadline)) {
                // pacing: the page is read twice a second until its banner shows the crossing
                Thread.sleep(500);
                JsonObject r = view.collect();
                tally.add(view.name(), r);
                tally.splitAtPublish(rig.sim);
                r.getJsonArray("alarms", new JsonArray()).forEach(seen.getJsonArray("alarms")::add);
                Long at = crossings.first.get("bed-01");
                crossingDrawn = at == null ? null : firstAlarm(seen, "banner", "bed-01", at - 50);
            }
            Long crossingToBanner = crossingDrawn == null ? null : crossingDrawn - crossings.first.get("bed-01");
            if (crossingDrawn == null) {
                out.println("  crossing not seen drawn: first value above the limit received at " + crossings.first.get("bed-01")
                        + ", rows the page drew: " + seen.getJsonArray("alarms"));
            }
            // silent for 15 s past the silence time, for the same reason
            pauses.unplug(rig, "bed-01", 15);
            seen = new JsonObject().put("alarms", new JsonArray());
            Long silentDrawn = null;
            Instant silentDeadline = Instant.now().plusMillis(60_000 + pauses.silentAfter);
            while (silentDrawn == null && Instant.now().isBefore(silentDeadline)) {
                // pacing: read twice a second until the banner shows the silent monitor and the monitor sends again
                Thread.sleep(500);
                view.collect().getJsonArray("alarms", new JsonArray()).forEach(seen.getJsonArray("alarms")::add);
                Long last = pauses.beforePause("bed-01");
                silentDrawn = last == null ? null : firstRow(seen, MONITOR_SILENT, last);
            }
            Long silentToBanner = silentDrawn == null ? null : silentDrawn - pauses.beforePause("bed-01") - pauses.silentAfter;
            Latency l = tally.latency();
            out.println("smoke results (1 bed, 1 bed view):");
            out.println("  emit -> drawn: " + stats(l.allDrawn()) + "; emit -> publish: " + stats(l.emitToPublish())
                    + "; publish -> receive: " + stats(l.publishToReceive()) + "; receive -> in the page: " + stats(l.receiveToPage())
                    + "; in the page -> drawn: " + stats(l.pageToDrawn())
                    + "; numerics device time -> shown: " + stats(l.numericToShown()));
            out.println("  heart-rate crossing received -> banner drawn: " + (crossingToBanner == null ? "not seen" : crossingToBanner + " ms"));
            out.println("  monitor's last value -> device-silent banner drawn, minus the silence time: "
                    + (silentToBanner == null ? "not seen" : silentToBanner + " ms"));
            return new Smoke(l, crossingToBanner, silentToBanner);
        }
    }

    /** What one page of a shared Chromium recorded over the check (its reads summed), its cookies, visibility and size. */
    record WindowRead(String name, long frames, long pushes, int paints, String visibility, String cookies, String size) {
    }

    /**
     * The dashboards benchmark's way of opening pages, at smoke size (LiveSmokeIT): a bed view of {@code bed} and an
     * overview in two windows of one Chromium, each signed in under its own host name; both read until each has drawn
     * frames and trace chunks and received push messages (at most 2 minutes). Returns what each recorded.
     */
    static List<WindowRead> sharedWindows(Rig rig, String bed, PrintStream out) throws InterruptedException {
        rig.pagesPerBrowser(2);
        List<Page> pages = List.of(rig.open("bed view " + bed + " (shared Chromium)", "bed/" + bed), rig.open("overview (shared Chromium)", ""));
        pages.forEach(Page::collect);
        long[] frames = new long[2];
        long[] pushes = new long[2];
        int[] paints = new int[2];
        String[] visibility = new String[2];
        Eventually.poll(Duration.ofMinutes(2), () -> {
            boolean all = true;
            for (int i = 0; i < 2; i++) {
                JsonObject r = pages.get(i).collect();
                frames[i] += r.getLong("frames", 0L);
                pushes[i] += r.getLong("ws", 0L);
                paints[i] += r.getJsonArray("paints", new JsonArray()).size();
                visibility[i] = r.getString("visibility");
                all &= frames[i] > 0 && pushes[i] > 0 && paints[i] > 0;
            }
            return all;
        }, all -> all);
        List<WindowRead> reads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Page p = pages.get(i);
            p.browser().switchTo().window(p.window());
            String cookies = p.browser().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).sorted()
                    .reduce((x, y) -> x + "; " + y).orElse("");
            String size = String.valueOf(p.browser().executeScript("return window.innerWidth + 'x' + window.innerHeight"));
            reads.add(new WindowRead(p.name(), frames[i], pushes[i], paints[i], visibility[i], cookies, size));
            out.printf("  %s: %d frames, %d push messages, %d chunks drawn, %s, %s, %d cookie(s)%n", p.name(), frames[i], pushes[i], paints[i],
                    visibility[i], size, cookies.isEmpty() ? 0 : cookies.split("; ").length);
        }
        return reads;
    }

    /**
     * When the page first drew a heart-rate alarm of {@code bed} ({@code kind} "card": the card turned high priority;
     * "banner": a row of the heart-rate limit appeared) at or after {@code notBefore}, or null.
     */
    private static Long firstAlarm(JsonObject r, String kind, String bed, long notBefore) {
        Long first = null;
        for (Object o : r.getJsonArray("alarms", new JsonArray())) {
            JsonArray a = (JsonArray) o;
            boolean heartRate = "card".equals(kind) ? a.getString(2).startsWith("high|") && a.getString(2).contains("HR ")
                    : a.getString(2).startsWith("LIMIT:hr");
            long t = Math.round(a.getDouble(3));
            if (kind.equals(a.getString(0)) && bed.equals(a.getString(1)) && heartRate && t >= notBefore) {
                first = first == null ? t : Math.min(first, t);
            }
        }
        return first;
    }

    // ---- figures ----

    static void header(PrintStream out, String mode, int beds) {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.printf(Locale.ROOT, "%s benchmark %s UTC: %d cores, %.1f GiB RAM, Java %s, max heap %d MiB, %d beds, load average %.2f%n", mode,
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime()),
                os.getAvailableProcessors(), os.getTotalMemorySize() / (double) (1L << 30), Runtime.version(), GcWatch.maxHeap() >> 20,
                beds, os.getSystemLoadAverage());
    }

    static String stats(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "n %,d, p50 %d ms, p99 %d ms, max %d ms", sorted.size(), pct(sorted, 50), pct(sorted, 99), sorted.getLast());
    }

    static long pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static void verdict(PrintStream out, String what, List<Long> sorted, long target, long aim) {
        if (sorted.isEmpty()) {
            out.println("verdict: " + what + ": NO DATA");
            return;
        }
        long p99 = pct(sorted, 99);
        out.printf(Locale.ROOT, "verdict: %s %d ms %s (target <= %d ms, aim <= %d ms); load average %.2f%n", what, p99,
                p99 <= aim ? "MEETS the aim" : p99 <= target ? "meets the target" : "MISSES the target", target, aim,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void quietly(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            System.err.println("cleanup: " + e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
