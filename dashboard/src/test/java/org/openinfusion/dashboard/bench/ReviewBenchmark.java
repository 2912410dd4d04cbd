package org.openinfusion.dashboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import java.util.TreeSet;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.openinfusion.dashboard.app.BrowserSteps;
import org.openinfusion.dashboard.app.Chromium;
import org.openinfusion.dashboard.app.StationMain;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.rating.Answers;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.PointWriter;
import org.openinfusion.station.storage.influx.InfluxPointWriter;
import org.openinfusion.station.testing.Futures;
import org.openinfusion.station.clinical.session.StartGates;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A long session in the review page (issue 15 item 6): a private mosquitto and influxd, the station with its dashboard in
 * this JVM on a clock that starts {@code hours} in the past. A nurse runs one session over the bus (create, baseline and its
 * ratings, pretreatment, infusion start, end of infusion and its ratings, observation, the 2-hour ratings, a medication, a
 * marker every 10 minutes, close), the clock jumping forward between steps; the session's data at full resolution (ECG I/II/III
 * 500 Hz, pleth 125 Hz, CO2 62.5 Hz, monitor numerics 1/s, NIBP every 5 min, the pump's rate and volume during the infusion)
 * is generated and written through the station's own {@link InfluxPointWriter} in line protocol ({@link LineProtocol}), not
 * waited for. Then the clock joins real time and a physician opens the record: on the bus (open, the ECG around each marker,
 * the vitals CSV and the session bundle) and in headless Chromium (repeated opens to the drawn timeline, the ECG around each
 * marker from the click to drawn, the two exports downloaded by the page). Prints figures and a verdict; asserts nothing.
 * Run with {@code bin/benchmark review [hours=4] [opens=20]}.
 */
public final class ReviewBenchmark {
    private static final String BED = "bed-01";
    private static final String SUBJECT = "BENCH-001";
    private static final String NURSE = "bench.nurse";
    private static final String PHYSICIAN = "bench.doctor";
    private static final String PASSWORD = "bench-pass-1";
    private static final Duration CHUNK = Duration.ofSeconds(2);
    /** How long the pointer rests on a marker's line before the click (the page asks for its windows then). */
    static final Duration DWELL = Duration.ofMillis(300);
    private static final int BATCH_CHARS = 1 << 20;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Times the timeline drawn and each waveform drawn in the page (installed before any page script). */
    static final String PAGE_HOOK = """
            (() => {
              const b = window.reviewBench = { timeline: null, element: null, data: null, waveforms: [], clickedAt: null,
                                               dialogAt: null, messages: [], frames: [] };
              // the page's long animation frames (>= 50 ms) with the scripts in them (the Long Animation Frames API)
              try {
                new PerformanceObserver(l => b.frames.push(...l.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
              } catch (e) { /* a browser without the API: no frames */ }
              // every push message's arrival (before Vaadin handles it) and size, to split the reply from its handling
              const Native = window.WebSocket;
              window.WebSocket = class extends Native {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('message', e => {
                    if (b.clickedAt !== null) b.messages.push({ at: performance.now(), chars: e.data.length || e.data.size || 0 });
                  });
                }
              };
              const tick = () => {
                const t = document.getElementById('timeline');
                if (b.element === null && t) {
                  b.element = performance.now();
                  performance.mark('review-timeline-element');
                }
                if (b.data === null && t && t.data) {
                  b.data = performance.now();
                  performance.mark('review-timeline-data');
                }
                if (b.timeline === null && t && t.plots && t.plots.length === 5
                    && document.querySelectorAll('#timeline .uplot').length === 5) {
                  b.timeline = performance.now();
                  performance.mark('review-timeline-drawn');
                }
                if (b.clickedAt !== null) {
                  const d = document.getElementById('waveform-dialog');
                  if (b.dialogAt === null && d && d.opened) b.dialogAt = performance.now();
                  const w = document.getElementById('waveform-ecg');
                  if (w && w.timing && w.timing.arrived > b.clickedAt && Number(w.dataset.drawn || 0) > 0) {
                    const c = b.clickedAt;
                    const reply = b.messages.filter(m => m.at <= w.timing.arrived).reduce((a, m) => (a && a.chars >= m.chars ? a : m), null);
                    b.waveforms.push({ ms: performance.now() - c, samples: Number(w.dataset.drawn),
                      dialog: b.dialogAt === null ? -1 : b.dialogAt - c, reply: reply ? reply.at - c : -1, replyChars: reply ? reply.chars : 0,
                      arrived: w.timing.arrived - c, decoded: w.timing.decoded - c, drawn: w.timing.drawn - c });
                    b.clickedAt = null;
                    b.dialogAt = null;
                    b.messages = [];
                  }
                }
                requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            })();
            """;

    /**
     * Where a page load's time went, from the browser's Resource Timing (ms from navigation start): the document
     * received, Vaadin's bundle (its files under {@code VAADIN/build}: count, decoded and transferred bytes, the last one
     * loaded), the init request ({@code v-r=init}: Flow's first, which makes the UI) sent, its first byte, its end and its
     * size, the view's scripts (timeline, waveform, uPlot) asked and loaded, and the first {@code v-r=uidl} request (the
     * route's navigation, in which the server builds the view and waits for the record) sent and answered. -1 when the
     * page had no such request.
     */
    static final String PAGE_SPLIT = """
            const n = performance.getEntriesByType('navigation')[0];
            const rs = performance.getEntriesByType('resource');
            const bundle = rs.filter(r => r.name.includes('/VAADIN/build/'));
            const init = rs.find(r => r.name.includes('v-r=init'));
            // the view's own scripts and styles (the timeline's module and uPlot), asked for once the view is attached
            const modules = rs.filter(r => r.name.includes('/js/review-') || r.name.includes('/webjars/uplot/'));
            // the client's first request after init: the route's navigation, in which the server builds the view
            const nav = rs.find(r => r.name.includes('v-r=uidl'));
            return [n ? n.responseEnd : -1, bundle.length, bundle.reduce((a, r) => a + (r.decodedBodySize || 0), 0),
              bundle.reduce((a, r) => a + (r.transferSize || 0), 0), bundle.length ? Math.max(...bundle.map(r => r.responseEnd)) : -1,
              init ? init.startTime : -1, init ? init.responseStart : -1, init ? init.responseEnd : -1, init ? (init.decodedBodySize || 0) : 0,
              modules.length ? Math.min(...modules.map(r => r.startTime)) : -1, modules.length ? Math.max(...modules.map(r => r.responseEnd)) : -1,
              nav ? nav.startTime : -1, nav ? nav.responseEnd : -1];
            """;
    /**
     * The long animation frames (>= 50 ms) of the page load up to the timeline drawn: how many, their time, the part of it
     * that blocked input, the scripts' time, style and layout's time, and the scripts' time by file and how they were
     * called (largest first).
     */
    static final String PAGE_FRAMES = """
            const b = window.reviewBench;
            const fs = b.frames.filter(f => f.startTime + f.duration >= (b.since || 0) && f.startTime < b.timeline);
            const by = {};
            let total = 0, blocking = 0, scripts = 0, layout = 0, forced = 0;
            for (const f of fs) {
              total += f.duration;
              blocking += f.blockingDuration;
              if (f.styleAndLayoutStart) layout += f.startTime + f.duration - f.styleAndLayoutStart;
              for (const s of f.scripts) {
                const k = ((s.sourceURL || '?').split('?')[0].split('/').pop() || '?') + ' (' + s.invokerType + ')';
                by[k] = (by[k] || 0) + s.duration;
                scripts += s.duration;
                forced += s.forcedStyleAndLayoutDuration || 0;
              }
            }
            return [fs.length, Math.round(total), Math.round(blocking), Math.round(scripts), Math.round(layout) + ' (forced by scripts ' + Math.round(forced) + ')',
              Object.entries(by).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => k + ' ' + Math.round(v)).join(', ')];
            """;
    /**
     * An in-app open: forgets the last open's marks, long frames and resource entries, notes the moment and clicks the grid
     * cell holding {@code arguments[0]} (the list's row: a router navigation in the same page). Returns the click's
     * wall-clock time (ms since the epoch).
     */
    static final String APP_OPEN = """
            const b = window.reviewBench;
            b.timeline = null; b.element = null; b.data = null; b.frames = [];
            performance.clearResourceTimings();
            performance.setResourceTimingBufferSize(2000);
            const c = Array.from(document.getElementById('sessions-grid').querySelectorAll('vaadin-grid-cell-content'))
                .find(c => c.textContent.includes(arguments[0]));
            b.since = performance.now();
            c.click();
            return performance.timeOrigin + b.since;
            """;
    /**
     * An in-app open's path (ms from the click): the request that brought the view (the last {@code v-r=uidl} answered
     * before the timeline element appeared: sent, first byte, end), the timeline element, its data, drawn.
     */
    static final String APP_SPLIT = """
            const b = window.reviewBench;
            const xs = performance.getEntriesByType('resource').filter(r => r.name.includes('v-r=uidl') && r.startTime >= b.since
                && r.responseEnd <= b.element + 1);
            const x = xs.length ? xs[xs.length - 1] : null;
            return [x ? x.startTime - b.since : -1, x ? x.responseStart - b.since : -1, x ? x.responseEnd - b.since : -1,
              b.element - b.since, b.data - b.since, b.timeline - b.since];
            """;
    static final List<String> APP_PARTS = List.of("sent", "firstByte", "answered", "element", "data", "drawn");
    /** What the page holds when its timeline was not drawn. */
    static final String NOT_DRAWN = """
            const b = window.reviewBench; const t = document.getElementById('timeline');
            return JSON.stringify({ path: location.pathname, timeline: !!t, defined: !!customElements.get('review-timeline'),
              connected: t ? t.isConnected : null, data: t ? !!t.data : null, plots: t && t.plots ? t.plots.length : null,
              uplots: document.querySelectorAll('#timeline .uplot').length, loading: document.getElementById('record-loading')
                ? document.getElementById('record-loading').textContent : null, element: b.element === null ? null : b.element - b.since,
              dataAt: b.data === null ? null : b.data - b.since, errors: (window.Vaadin && window.Vaadin.Flow) ? 'flow loaded' : 'no flow' });
            """;
    /** How long an in-app open may take before it is reported as not drawn (and counted as this long). */
    static final Duration APP_OPEN_WAIT = Duration.ofSeconds(60);
    static final List<String> SPLIT_PARTS = List.of("document", "bundleFiles", "bundleBytes", "bundleTransferred", "bundle", "initSent",
            "initFirstByte", "initEnd", "initBytes", "modulesSent", "modulesEnd", "navSent", "navEnd");

    private ReviewBenchmark() {
    }

    /** The p50 of {@code to} minus {@code from}, open by open. */
    private static long share(List<Long> to, List<Long> from) {
        List<Long> d = new ArrayList<>();
        for (int i = 0; i < Math.min(to.size(), from.size()); i++) {
            d.add(to.get(i) - from.get(i));
        }
        return percentile(d, 0.5);
    }

    /** {@code hours} of session, {@code opens} page loads of the record. */
    record Options(double hours, int opens, PrintStream out) {
    }

    /** What a run measured (milliseconds) and what it wrote. */
    record Result(long waveformSamples, long numericValues, long storedWaveform, long storedNumeric, int markers, int ratings,
                  List<Long> busOpen, List<Long> busWaveform, int busWaveformSamples, List<Long> pageTimeline, List<Long> appTimeline, List<Long> pageWaveform,
                  Map<String, long[]> busExports, Map<String, long[]> pageExports, long vitalsCsvRows, String refused) {
    }

    public static void main(String[] args) throws Exception {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        int opens = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (!(hours >= 0.02) || opens < 1) {
            System.err.println("usage: bin/benchmark review [hours>=0.02, default 4] [opens>=1, default 20]");
            System.exit(2);
        }
        run(new Options(hours, opens, System.out));
        System.exit(0);
    }

    static Result run(Options o) throws Exception {
        try (BenchServers servers = BenchServers.create("review-bench")) {
            return run(o, o.out(), servers);
        }
    }

    private static Result run(Options o, PrintStream out, BenchServers servers) throws Exception {
        var os = ManagementFactory.getOperatingSystemMXBean();
        out.printf(Locale.ROOT, "review benchmark %s UTC: %d cores, Java %s, max heap %d MiB, load average %.2f; a %.2f-hour session at full "
                        + "resolution, %d opens of its record%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime()),
                os.getAvailableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage(), o.hours(), o.opens());
        servers.startMosquitto();
        servers.startInfluxd();
        Map<String, String> s = servers.stationSettings("review-bench-station");
        s.put("http.dashboardPort", "0");
        StationConfig config = StationConfig.from(Settings.defaultsWith(s));
        Duration length = Duration.ofMillis(Math.round(o.hours() * 3_600_000));
        Instant t0 = Instant.now().minus(length).minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        // the station starts 25 minutes before the session on its clock: a start that takes long on a loaded machine
        // must not push the session's creation past its first data (the clock only jumps forward)
        ShiftedClock clock = new ShiftedClock(t0.minus(Duration.ofMinutes(25)));
        String productionMode = System.setProperty("vaadin.productionMode", "true");
        servers.onClose(() -> restore("vaadin.productionMode", productionMode));
        StationMain station = servers.closeLater(StationMain.start(config, StationMain.LaunchOptions.parse(new String[0]), clock), StationMain::close);
        station.station().users().put(NURSE, Role.NURSE, "Bench Nurse", PASSWORD.toCharArray());
        station.station().users().put(PHYSICIAN, Role.PHYSICIAN, "Dr Bench", PASSWORD.toCharArray());
        Vertx vertx = station.station().vertx();

        // the session over the bus, the clock jumping forward
        Instant started = Instant.now();
        clock.jumpTo(t0.minusSeconds(90)); // the nurse signs in just before the session (a sign-in expires when idle)
        Trail trail = new Trail(vertx, clock, station.station().instruments(), signIn(vertx, NURSE), out);
        trail.run(t0, length);
        clock.joinRealTime();
        out.printf(Locale.ROOT, "  %s  session %s on %s written through the bus in %.1f s: %d markers, %d ratings, a medication%s%n",
                CLOCK.format(Instant.now()), SUBJECT, BED, Duration.between(started, Instant.now()).toMillis() / 1000.0, trail.markers, trail.ratings,
                trail.refused.isEmpty() ? "" : "; refused: " + String.join("; ", trail.refused));

        // its data, generated
        Generated g = generate(config, t0, length, trail.infusionStart, trail.infusionEnd, out);
        InfluxDB influx = servers.influxClient();
        String db = config.influx().database();
        long storedWave = sum(CapacityBenchmark.perSeries(influx, db, "SELECT count(v) FROM waveform WHERE bed = '" + BED + "' GROUP BY stream"));
        long storedNumeric = sum(CapacityBenchmark.perSeries(influx, db, "SELECT count(v) FROM numeric WHERE bed = '" + BED + "' GROUP BY stream"));
        out.printf(Locale.ROOT, "  stored in InfluxDB (count(v)): %,d waveform samples, %,d numeric values; on disk %.1f MiB%n", storedWave,
                storedNumeric, servers.bytesUnder("influxd") / (double) (1 << 20));

        // on the bus, as the physician
        DeliveryOptions doctor = BusGuard.options(signIn(vertx, PHYSICIAN), 600_000);
        String sessionId = Futures.await(vertx.eventBus().<SessionListing.SessionListings>request(Addresses.REVIEW_LIST,
                new ReviewRequest.ListSessions(new ReviewFilter(null, null, null, SUBJECT, null, false)), doctor).map(m -> m.body()))
                .sessions().getFirst().sessionId();
        List<Long> busOpen = new ArrayList<>();
        SessionRecord record = null;
        for (int i = 0; i < Math.max(3, Math.min(10, o.opens())); i++) {
            long a = System.nanoTime();
            record = Futures.await(vertx.eventBus().<SessionRecord>request(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(sessionId), doctor)
                    .map(m -> m.body()), Duration.ofMinutes(10));
            busOpen.add((System.nanoTime() - a) / 1_000_000);
        }
        List<Instant> markerTimes = record.events().stream().filter(e -> e.category() == SessionRecord.Category.MARKER)
                .map(SessionRecord.TimelineEvent::at).toList();
        int trendValues = record.trends().stream().mapToInt(t -> t.times().length).sum();
        List<Long> busWave = new ArrayList<>();
        List<Long> storeWave = new ArrayList<>();
        int waveSamples = 0;
        for (Instant at : markerTimes) {
            long a = System.nanoTime();
            WaveformWindow w = Futures.await(vertx.eventBus().<WaveformWindow>request(Addresses.REVIEW_WAVEFORM,
                    new ReviewRequest.Waveform(sessionId, Stream.ECG_II, at, Duration.ofSeconds(10), Duration.ofSeconds(10)), doctor)
                    .map(m -> m.body()), Duration.ofMinutes(2));
            busWave.add((System.nanoTime() - a) / 1_000_000);
            waveSamples += w.times().length;
            long b = System.nanoTime();
            influx.query(new Query("SELECT \"v\", \"device\", \"stream\" FROM waveform WHERE bed = '" + BED + "' AND stream = 'ecg_ii' AND time >= "
                    + at.minusSeconds(10).toEpochMilli() + "ms AND time < " + at.plusSeconds(10).toEpochMilli() + "ms", db));
            storeWave.add((System.nanoTime() - b) / 1_000_000);
        }
        Map<String, long[]> busExports = new LinkedHashMap<>();
        long vitalsRows = 0;
        for (ExportFormat f : List.of(ExportFormat.VITALS_CSV, ExportFormat.BUNDLE_JSON)) {
            for (int i = 0; i < 2; i++) {
                long a = System.nanoTime();
                ExportFile file = Futures.await(vertx.eventBus().<ExportFile>request(Addresses.REVIEW_EXPORT,
                        new ReviewRequest.Export(sessionId, ReviewFilter.ALL, f), doctor).map(m -> m.body()), Duration.ofMinutes(10));
                long ms = (System.nanoTime() - a) / 1_000_000;
                busExports.merge(f.key(), new long[] {ms, file.content().length}, (x, y) -> x[0] <= y[0] ? x : y);
                if (f == ExportFormat.VITALS_CSV) {
                    vitalsRows = new String(file.content(), StandardCharsets.UTF_8).lines().count() - 1;
                }
            }
        }
        out.printf(Locale.ROOT, "  bus (as the physician, %s): open the record %s (%d times; %,d trend values, %d events)%n",
                Addresses.REVIEW_RECORD, stats(busOpen), busOpen.size(), trendValues, record.events().size());
        out.printf(Locale.ROOT, "  bus: ECG II from 10 s before to 10 s after each of %d markers: %s (%,d samples in all); the same window "
                        + "asked of InfluxDB directly in one query (influxdb-java, JSON): %s%n", markerTimes.size(), stats(busWave), waveSamples, stats(storeWave));
        long rows = vitalsRows;
        busExports.forEach((k, v) -> out.printf(Locale.ROOT, "  bus: export %s: best of 2 %,d ms, %s, %.1f MB/s%s%n", k, v[0], size(v[1]),
                v[1] / 1e6 / Math.max(0.001, v[0] / 1000.0), k.equals(ExportFormat.VITALS_CSV.key())
                        ? String.format(Locale.ROOT, ", %,d rows (%,.0f rows/s)", rows, rows / Math.max(0.001, v[0] / 1000.0)) : ""));

        // in the page
        // -Dreview.trace=DIR: a Chromium performance trace of the first (cold) and second (warm) opens, written to DIR and
        // summed (PageTrace); the trace slows the page, so a traced run's figures are not comparable with the others
        String traceDir = System.getProperty("review.trace");
        ChromeDriver browser = servers.closeLater(traceDir == null ? Chromium.start(servers.root().resolve("chromium"))
                : PageTrace.start(servers.root().resolve("chromium")), ChromeDriver::quit);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAGE_HOOK));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(5));
        // the station's side of each open: its record request's wait on the review worker and what was ahead of it
        BusTrace bus = BusTrace.install(vertx.eventBus());
        List<String> busLines = new ArrayList<>();
        BrowserSteps.signIn(browser, station.dashboardUrl(), PHYSICIAN, PASSWORD, wait);
        long pagesFrom = System.currentTimeMillis();
        String url = station.dashboardUrl() + "review/" + sessionId;
        List<Long> pageTimeline = new ArrayList<>();
        List<Long> pageLoaded = new ArrayList<>();
        List<Long> pageElement = new ArrayList<>();
        List<Long> pageData = new ArrayList<>();
        Map<String, List<Long>> pageSplit = new LinkedHashMap<>();
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < o.opens(); i++) {
            if (traceDir != null) {
                PageTrace.take(browser); // what came before this open
            }
            Instant openedAt = Instant.now();
            browser.get(url);
            wait.until(d -> browser.executeScript("return window.reviewBench && window.reviewBench.timeline") != null);
            @SuppressWarnings("unchecked")
            List<Number> t = (List<Number>) browser.executeScript("const b = window.reviewBench;"
                    + "const n = performance.getEntriesByType('navigation')[0];"
                    + "return [b.timeline, n ? n.domContentLoadedEventEnd : 0, b.element, b.data];");
            pageTimeline.add(Math.round(t.get(0).doubleValue()));
            pageLoaded.add(Math.round(t.get(1).doubleValue()));
            pageElement.add(Math.round(t.get(2).doubleValue()));
            pageData.add(Math.round(t.get(3).doubleValue()));
            @SuppressWarnings("unchecked")
            List<Number> r = (List<Number>) browser.executeScript(PAGE_SPLIT);
            for (int k = 0; k < SPLIT_PARTS.size(); k++) {
                pageSplit.computeIfAbsent(SPLIT_PARTS.get(k), x -> new ArrayList<>()).add(Math.round(r.get(k).doubleValue()));
            }
            @SuppressWarnings("unchecked")
            List<Object> f = (List<Object>) browser.executeScript(PAGE_FRAMES);
            frames.add(String.format(Locale.ROOT, "open %d (at %s, timeline %,d ms): %s long frames, %s ms (%s ms blocking), scripts %s ms, "
                    + "style and layout %s ms; scripts by file: %s", i + 1, openedAt, pageTimeline.getLast(), f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
            long origin = Math.round(((Number) browser.executeScript("return performance.timeOrigin")).doubleValue());
            busLines.add(String.format(Locale.ROOT, "open %d (page load at %s): init sent %,d, its first byte %,d, answered %,d, navigation answered %,d, "
                            + "element %,d, data %,d, drawn %,d ms; station: %s", i + 1, CLOCK.format(Instant.ofEpochMilli(origin)), pageSplit.get("initSent").getLast(),
                    pageSplit.get("initFirstByte").getLast(), pageSplit.get("initEnd").getLast(), pageSplit.get("navEnd").getLast(),
                    pageElement.getLast(), pageData.getLast(), pageTimeline.getLast(), bus.open(origin, origin + pageTimeline.getLast())));
            // the page finishes showing its record (the events list and the ratings join it after the drawn timeline)
            // before the next open, as a physician's page does before another record is opened: its last requests would
            // otherwise hold the session's lock while the next open's first ones wait (docs/performance.md, session 12)
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.getElementById('ratings') !== null")));
            if (traceDir != null && i < 2) {
                Thread.sleep(1500); // pacing: the trace's last events reach chromedriver's log
                var events = PageTrace.take(browser);
                Path file = Path.of(traceDir, "review-open-" + (i + 1) + ".json");
                PageTrace.write(file, events);
                out.printf(Locale.ROOT, "  trace of open %d (%s, %,d events): navigation start -> timeline drawn: %s%n", i + 1, file, events.size(),
                        PageTrace.summary(events, "navigationStart", "review-timeline-drawn"));
            }
        }
        // what a physician does: back to the sessions list and a click on the record's row, a router navigation in the same
        // page (no document, no bundle, no init request), timed from the click to the 5 panels drawn
        List<Long> appTimeline = new ArrayList<>();
        Map<String, List<Long>> appSplit = new LinkedHashMap<>();
        List<String> appFrames = new ArrayList<>();
        List<String> appLines = new ArrayList<>();
        for (int i = 0; i < o.opens(); i++) {
            browser.executeScript("document.getElementById('back-to-list').click()");
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript("const g = document.getElementById('sessions-grid');"
                    + "return document.getElementById('timeline') === null && !!g"
                    + " && Array.from(g.querySelectorAll('vaadin-grid-cell-content')).some(c => c.textContent.includes(arguments[0]))", SUBJECT)));
            long clicked = Math.round(((Number) browser.executeScript(APP_OPEN, SUBJECT)).doubleValue());
            try {
                new WebDriverWait(browser, APP_OPEN_WAIT).until(d -> browser.executeScript("return window.reviewBench.timeline") != null);
            } catch (TimeoutException notDrawn) {
                // a timeline never drawn (issue 15 item 6, finding 4): say what the page holds, count it as the wait, go on
                out.printf(Locale.ROOT, "  page, in-app open %d: timeline NOT drawn within %d s: %s%n", i + 1, APP_OPEN_WAIT.toSeconds(),
                        browser.executeScript(NOT_DRAWN));
                appTimeline.add(APP_OPEN_WAIT.toMillis());
                browser.get(url);
                wait.until(d -> browser.executeScript("return window.reviewBench && window.reviewBench.timeline") != null);
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.getElementById('ratings') !== null")));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Number> a = (List<Number>) browser.executeScript(APP_SPLIT);
            for (int k = 0; k < APP_PARTS.size(); k++) {
                appSplit.computeIfAbsent(APP_PARTS.get(k), x -> new ArrayList<>()).add(Math.round(a.get(k).doubleValue()));
            }
            long drawn = appSplit.get("drawn").getLast();
            appTimeline.add(drawn);
            @SuppressWarnings("unchecked")
            List<Object> f = (List<Object>) browser.executeScript(PAGE_FRAMES);
            appFrames.add(String.format(Locale.ROOT, "in-app open %d (timeline %,d ms): %s long frames, %s ms (%s ms blocking), scripts %s ms, "
                    + "style and layout %s ms; scripts by file: %s", i + 1, drawn, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
            appLines.add(String.format(Locale.ROOT, "in-app open %d (click at %s): request sent %,d, its first byte %,d, answered %,d, element %,d, data %,d, "
                            + "drawn %,d ms; station: %s", i + 1, CLOCK.format(Instant.ofEpochMilli(clicked)), appSplit.get("sent").getLast(),
                    appSplit.get("firstByte").getLast(), appSplit.get("answered").getLast(), appSplit.get("element").getLast(), appSplit.get("data").getLast(),
                    drawn, bus.open(clicked, clicked + drawn)));
            wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.getElementById('ratings') !== null")));
        }
        long pagesTo = System.currentTimeMillis();
        long drawnPixels = (Long) browser.executeScript("let n = 0; for (const c of document.querySelectorAll('#timeline canvas')) {"
                + "if (c.width < 2) continue; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; } return n;");
        @SuppressWarnings("unchecked")
        List<Number> clickable = (List<Number>) browser.executeScript(
                "return document.getElementById('timeline').data.events.filter(e => e.clickable && e.c === 'MARKER').map(e => e.i)");
        List<Long> pageWave = new ArrayList<>();
        // the page's share, each from the click: dialog open, the reply's push message received, setData called, drawn
        Map<String, List<Long>> waveSplit = new LinkedHashMap<>();
        long replyChars = 0;
        int fromPage = 0;
        List<Long> pageWaveFromPage = new ArrayList<>();
        List<Long> pageWaveFromStation = new ArrayList<>();
        for (Number index : clickable) {
            int before = ((Number) browser.executeScript("return window.reviewBench.waveforms.length")).intValue();
            // the pointer comes to rest on the marker's line, as a hand does before it clicks
            browser.executeScript("document.getElementById('timeline').dispatchEvent(new CustomEvent('event-hover', { detail: { index: arguments[0] } }));",
                    index);
            Thread.sleep(DWELL.toMillis()); // pacing: the pointer's rest on the line before the click
            browser.executeScript("window.reviewBench.clickedAt = performance.now();"
                    + "document.getElementById('timeline').dispatchEvent(new CustomEvent('event-click', { detail: { index: arguments[0] } }));", index);
            wait.until(d -> ((Number) browser.executeScript("return window.reviewBench.waveforms.length")).intValue() > before);
            @SuppressWarnings("unchecked")
            Map<String, Number> w = (Map<String, Number>) browser.executeScript("return window.reviewBench.waveforms[arguments[0]]", before);
            pageWave.add(Math.round(w.get("ms").doubleValue()));
            // where the dialog took the window from: the page (asked ahead of the click) or the station (asked at the click)
            boolean page = "page".equals(browser.executeScript("return document.getElementById('waveform-ecg').getAttribute('data-from')"));
            fromPage += page ? 1 : 0;
            (page ? pageWaveFromPage : pageWaveFromStation).add(Math.round(w.get("ms").doubleValue()));
            for (String k : List.of("dialog", "reply", "arrived", "decoded", "drawn")) {
                if (w.get(k).doubleValue() >= 0) {
                    waveSplit.computeIfAbsent(k, x -> new ArrayList<>()).add(Math.round(w.get(k).doubleValue()));
                }
            }
            replyChars = Math.max(replyChars, w.get("replyChars").longValue());
            browser.executeScript("document.getElementById('waveform-close').click()");
            wait.until(d -> (Boolean) browser.executeScript("const d = document.getElementById('waveform-dialog'); return !d || !d.opened"));
        }
        Map<String, long[]> pageExports = new LinkedHashMap<>();
        for (ExportFormat f : List.of(ExportFormat.VITALS_CSV, ExportFormat.BUNDLE_JSON)) {
            browser.executeScript("document.querySelector('#record-export').open = true");
            String id = "export-" + f.key();
            wait.until(d -> browser.executeScript("const a = document.getElementById(arguments[0]); return a && a.href ? a.href : null", id) != null);
            String href = (String) browser.executeScript("return document.getElementById(arguments[0]).href", id);
            browser.executeScript("document.querySelector('#record-export').open = false");
            for (int i = 0; i < 2; i++) {
                @SuppressWarnings("unchecked")
                List<Number> r = (List<Number>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const a = performance.now(); fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status, b.byteLength, performance.now() - a])))"
                        + ".catch(e => done([0, 0, performance.now() - a]));", href);
                long ms = Math.round(r.get(2).doubleValue());
                if (r.get(0).intValue() != 200) {
                    throw new IllegalStateException("the page's download of " + f.key() + " answered " + r.get(0));
                }
                pageExports.merge(f.key(), new long[] {ms, r.get(1).longValue()}, (x, y) -> x[0] <= y[0] ? x : y);
            }
        }
        out.printf(Locale.ROOT, "  page (headless Chromium, navigation start -> 5 timeline panels in an animation frame): %s over %d opens "
                        + "(first %,d ms); %,d pixels drawn in the last%n", stats(pageTimeline), pageTimeline.size(), pageTimeline.getFirst(), drawnPixels);
        out.printf(Locale.ROOT, "  page, where the time goes (p50 from navigation start): document loaded (DOMContentLoaded) %,d ms, the view's "
                        + "timeline element in the page %,d ms, its data arrived %,d ms, drawn %,d ms%n", percentile(pageLoaded, 0.5),
                percentile(pageElement, 0.5), percentile(pageData, 0.5), percentile(pageTimeline, 0.5));
        out.printf(Locale.ROOT, "  page, the timeline's path (p50 / p95 ms from navigation start, Resource Timing): document received %s; "
                        + "Vaadin's bundle (%d files, %s, %s over the network in the last open) loaded %s; the init request (Flow's "
                        + "first) sent %s, its first byte %s, its end %s (%s); "
                        + "the first request after it (v-r=uidl: the route's navigation, the view built on the server with the record) sent %s, "
                        + "answered %s; the view's scripts (timeline module, uPlot) asked %s, loaded %s; then the timeline element %s, its data %s, drawn %s%n",
                p50p95(pageSplit.get("document")), percentile(pageSplit.get("bundleFiles"), 0.5), size(pageSplit.get("bundleBytes").getLast()),
                size(pageSplit.get("bundleTransferred").getLast()), p50p95(pageSplit.get("bundle")), p50p95(pageSplit.get("initSent")),
                p50p95(pageSplit.get("initFirstByte")), p50p95(pageSplit.get("initEnd")), size(percentile(pageSplit.get("initBytes"), 0.5)),
                p50p95(pageSplit.get("navSent")), p50p95(pageSplit.get("navEnd")), p50p95(pageSplit.get("modulesSent")),
                p50p95(pageSplit.get("modulesEnd")), p50p95(pageElement), p50p95(pageData), p50p95(pageTimeline));
        out.printf(Locale.ROOT, "  page, the same as shares (p50 ms): document %,d; to the bundle loaded %,d; to the init request sent %,d; "
                        + "the init request on the server (sent -> first byte) %,d; its answer's transfer %,d; answer -> timeline element %,d; "
                        + "element -> drawn %,d%n",
                percentile(pageSplit.get("document"), 0.5), share(pageSplit.get("bundle"), pageSplit.get("document")),
                share(pageSplit.get("initSent"), pageSplit.get("bundle")), share(pageSplit.get("initFirstByte"), pageSplit.get("initSent")),
                share(pageSplit.get("initEnd"), pageSplit.get("initFirstByte")), share(pageElement, pageSplit.get("initEnd")),
                share(pageTimeline, pageElement));
        // the first open (the p95 of ten): what a cold page pays that the later ones do not
        out.printf(Locale.ROOT, "  page, the first open's path (ms from navigation start): bundle loaded %,d; init sent %,d, its first byte %,d; "
                        + "the navigation sent %,d, answered %,d; the view's scripts asked %,d, loaded %,d; the timeline drawn %,d%n",
                pageSplit.get("bundle").getFirst(), pageSplit.get("initSent").getFirst(), pageSplit.get("initFirstByte").getFirst(),
                pageSplit.get("navSent").getFirst(), pageSplit.get("navEnd").getFirst(), pageSplit.get("modulesSent").getFirst(),
                pageSplit.get("modulesEnd").getFirst(), pageTimeline.getFirst());
        out.printf(Locale.ROOT, "  page, the main thread's long animation frames up to the timeline drawn (first, second and last open):%n");
        for (int i : new TreeSet<>(List.of(0, Math.min(1, frames.size() - 1), frames.size() - 1))) {
            out.printf(Locale.ROOT, "    %s%n", frames.get(i));
        }
        out.printf(Locale.ROOT, "  page, each open by a page load (ms from navigation start) and the station's side of it:%n");
        busLines.forEach(l -> out.printf(Locale.ROOT, "    %s%n", l));
        out.printf(Locale.ROOT, "  page, in-app (as a physician: back to the sessions list, a click on the record's row, a router navigation in the same "
                        + "page): click -> 5 timeline panels drawn %s over %d opens (first %,d ms)%n", stats(appTimeline), appTimeline.size(),
                appTimeline.isEmpty() ? -1 : appTimeline.getFirst());
        if (!appSplit.isEmpty()) {
            out.printf(Locale.ROOT, "  page, in-app, the path (p50 / p95 ms from the click): the navigation's request sent %s, its first byte %s, answered %s; "
                            + "the timeline element %s, its data %s, drawn %s%n", p50p95(appSplit.get("sent")), p50p95(appSplit.get("firstByte")),
                    p50p95(appSplit.get("answered")), p50p95(appSplit.get("element")), p50p95(appSplit.get("data")), p50p95(appSplit.get("drawn")));
            out.printf(Locale.ROOT, "  page, in-app, as shares (p50 ms): click -> request sent %,d; on the server (sent -> first byte) %,d; transfer %,d; "
                            + "answer -> element %,d; element -> drawn %,d%n", percentile(appSplit.get("sent"), 0.5),
                    share(appSplit.get("firstByte"), appSplit.get("sent")), share(appSplit.get("answered"), appSplit.get("firstByte")),
                    share(appSplit.get("element"), appSplit.get("answered")), share(appSplit.get("drawn"), appSplit.get("element")));
        }
        out.printf(Locale.ROOT, "  station: review requests of the page from the sign-in to the last open drawn, by address: %s%n",
                bus.counts(pagesFrom, pagesTo));
        out.printf(Locale.ROOT, "  page, in-app, each open (ms from the click) and the station's side of it:%n");
        appLines.forEach(l -> out.printf(Locale.ROOT, "    %s%n", l));
        for (int i : appFrames.isEmpty() ? new TreeSet<Integer>() : new TreeSet<>(List.of(0, appFrames.size() - 1))) {
            out.printf(Locale.ROOT, "    %s%n", appFrames.get(i));
        }
        out.printf(Locale.ROOT, "  page: ECG around a marker, timeline click -> drawn in the dialog: %s over %d markers; in click order (ms): %s%n",
                stats(pageWave), pageWave.size(), pageWave);
        out.printf(Locale.ROOT, "  page: the pointer rested %d ms on each marker's line before its click; %d of %d windows drawn from the page "
                        + "(asked ahead of the click): click -> drawn %s; %d asked of the station at the click: %s%n", DWELL.toMillis(), fromPage,
                pageWave.size(), pageWaveFromPage.isEmpty() ? "-" : stats(pageWaveFromPage), pageWaveFromStation.size(),
                pageWaveFromStation.isEmpty() ? "-" : stats(pageWaveFromStation));
        out.printf(Locale.ROOT, "  page: where the waveform's time goes (p50 / p95 ms from the click): dialog open %s; the reply's push message "
                        + "received %s (largest %,d chars); handed to the trace (setData) %s; decoded %s; drawn %s; seen painted %s%n",
                p50p95(waveSplit.get("dialog")), waveSplit.containsKey("reply") ? p50p95(waveSplit.get("reply"))
                        : "none (every window came in the click's own answer, not in a later push)", replyChars, p50p95(waveSplit.get("arrived")),
                p50p95(waveSplit.get("decoded")), p50p95(waveSplit.get("drawn")), p50p95(pageWave));
        pageExports.forEach((k, v) -> out.printf(Locale.ROOT, "  page: download %s (the export menu's link, fetched by the page): best of 2 %,d ms, %s, %.1f MB/s%n",
                k, v[0], size(v[1]), v[1] / 1e6 / Math.max(0.001, v[0] / 1000.0)));

        long p95Timeline = percentile(pageTimeline, 0.95);
        long p95App = percentile(appTimeline, 0.95);
        long p95Wave = percentile(pageWave, 0.95);
        out.printf(Locale.ROOT, "verdict: timeline p95 %,d ms in-app (a click on the list's row, what a physician does; target <= 1,000) %s; "
                        + "by a page load per open %,d ms %s; waveform around a marker p95 %,d ms in the page, %,d ms on the bus "
                        + "(target <= 200) %s; vitals CSV %,d ms, bundle %,d ms on the bus; load average %.2f%n",
                p95App, p95App <= 1000 ? "MEETS" : "MISSES", p95Timeline, p95Timeline <= 1000 ? "meets" : "misses", p95Wave, percentile(busWave, 0.95),
                p95Wave <= 200 ? "MEETS" : "MISSES",
                busExports.get(ExportFormat.VITALS_CSV.key())[0], busExports.get(ExportFormat.BUNDLE_JSON.key())[0], os.getSystemLoadAverage());
        return new Result(g.waveform(), g.numeric(), storedWave, storedNumeric, trail.markers, trail.ratings, busOpen, busWave, waveSamples,
                pageTimeline, appTimeline, pageWave, busExports, pageExports, vitalsRows, String.join("; ", trail.refused));
    }

    private static String p50p95(List<Long> ms) {
        return ms == null || ms.isEmpty() ? "-" : String.format(Locale.ROOT, "%,d / %,d", percentile(ms, 0.5), percentile(ms, 0.95));
    }

    // ---- the session ----

    /** A clock that runs with real time from a start in the past, jumps forward on demand, and finally joins real time. */
    static final class ShiftedClock extends Clock {
        private volatile Duration offset;

        ShiftedClock(Instant start) {
            offset = Duration.between(Instant.now(), start);
        }

        /** Jumps forward to {@code t} (never back). */
        void jumpTo(Instant t) {
            Duration to = Duration.between(Instant.now(), t);
            if (to.compareTo(offset) > 0) {
                offset = to;
            }
        }

        void joinRealTime() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    /** The nurse's side of the session; each refused command is noted and the session goes on. */
    private static final class Trail {
        private final Vertx vertx;
        private final ShiftedClock clock;
        private final InstrumentCatalog instruments;
        private final DeliveryOptions nurse;
        private final PrintStream out;
        final List<String> refused = new ArrayList<>();
        int markers;
        int ratings;
        Instant infusionStart;
        Instant infusionEnd;

        Trail(Vertx vertx, ShiftedClock clock, InstrumentCatalog instruments, String token, PrintStream out) {
            this.vertx = vertx;
            this.clock = clock;
            this.instruments = instruments;
            this.nurse = BusGuard.options(token, 60_000);
            this.out = out;
        }

        void run(Instant t0, Duration length) throws Exception {
            double scale = length.toMillis() / (double) Duration.ofHours(4).toMillis();
            command(t0.minusSeconds(60), new SessionCommand.CreateSession(NURSE, BED, "ketamine-buprenorphine-double-dummy", SUBJECT, 72, "KIT-0001"));
            command(t0, new SessionCommand.SessionStep(NURSE, BED, Step.BASELINE, null));
            rate(at(t0, scale, 5), "baseline", "ham_a", "ocs", "cows");
            command(at(t0, scale, 20), new SessionCommand.SessionStep(NURSE, BED, Step.PRETREATMENT, null));
            infusionStart = at(t0, scale, 21);
            command(infusionStart, new SessionCommand.SessionStep(NURSE, BED, Step.CONFIRM_INFUSION_START, "benchmark: no live cuff reading",
                    Set.of(StartGates.Kind.NO_PRE_DOSE_NIBP)));
            infusionEnd = at(t0, scale, 61);
            List<Instant> marks = new ArrayList<>();
            for (int m = 25; m < 240; m += 10) {
                marks.add(at(t0, scale, m));
            }
            MarkerKind[] kinds = {MarkerKind.NAUSEA, MarkerKind.ANXIETY, MarkerKind.HEADACHE, MarkerKind.ASLEEP, MarkerKind.EMERGENCE_REACTION};
            int k = 0;
            boolean ended = false;
            boolean observing = false;
            boolean rated2h = false;
            boolean medicated = false;
            for (Instant m : marks) {
                if (!ended && m.isAfter(infusionEnd)) {
                    command(infusionEnd, new SessionCommand.SessionStep(NURSE, BED, Step.END_OF_INFUSION, "benchmark: pump not connected"));
                    rate(infusionEnd.plusSeconds(Math.round(60 * scale)), "end-of-infusion", "cadss", "moaas");
                    ended = true;
                }
                if (ended && !observing && m.isAfter(at(t0, scale, 64))) {
                    command(at(t0, scale, 64), new SessionCommand.SessionStep(NURSE, BED, Step.OBSERVATION, null));
                    observing = true;
                }
                if (!medicated && m.isAfter(at(t0, scale, 90))) {
                    command(at(t0, scale, 90), new SessionCommand.RecordMedication(NURSE, BED, new Medication("ondansetron", 4, "mg", "IV",
                            at(t0, scale, 89), NURSE, PHYSICIAN, true)));
                    medicated = true;
                }
                if (!rated2h && m.isAfter(at(t0, scale, 181))) {
                    rate(at(t0, scale, 181), "t2h", "ham_a", "ocs", "cadss", "moaas");
                    rated2h = true;
                }
                if (command(m, new SessionCommand.AddMarker(NURSE, BED, kinds[k++ % kinds.length], "benchmark marker " + k))) {
                    markers++;
                }
            }
            command(t0.plus(length).plusSeconds(30), new SessionCommand.SessionStep(NURSE, BED, Step.CLOSE, "benchmark: end of the recorded session"));
        }

        private static Instant at(Instant t0, double scale, int minutes) {
            return t0.plusMillis(Math.round(minutes * 60_000 * scale));
        }

        /** One rating of each instrument at the time point, every item at its lowest valid score. */
        private void rate(Instant at, String timePoint, String... instrumentIds) throws Exception {
            for (String id : instrumentIds) {
                Instrument instrument = instruments.get(id);
                Answers answers = Answers.builder();
                for (Item item : instrument.itemsOf(null)) {
                    answers.score(item.id(), item.anchorValuesOnly() && !item.anchors().isEmpty() ? item.anchors().getFirst().value() : item.min());
                }
                Rating r = new Rating("bench-" + timePoint + "-" + id, id, null, timePoint, "nurse", NURSE, at.minusSeconds(120), at,
                        answers.build(), null);
                if (command(at, new SessionCommand.RecordRating(BED, r))) {
                    ratings++;
                }
            }
        }

        private boolean command(Instant at, SessionCommand c) throws Exception {
            clock.jumpTo(at);
            try {
                Futures.await(vertx.eventBus().request(Addresses.SESSION_COMMAND, c, nurse));
                return true;
            } catch (ExecutionException e) {
                refused.add(c.getClass().getSimpleName() + ": " + e.getCause().getMessage());
                return false;
            }
        }
    }

    private static String signIn(Vertx vertx, String user) throws Exception {
        return Futures.await(vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                new AuthMessages.SignInRequest(user, PASSWORD.toCharArray()), new DeliveryOptions().setSendTimeout(30_000)).map(m -> m.body().token()));
    }

    // ---- the data ----

    private record Generated(long waveform, long numeric) {
    }

    /** Writes the session's data through the station's writer, two streams of work at a time. */
    private static Generated generate(StationConfig config, Instant t0, Duration length, Instant infusionStart, Instant infusionEnd,
                                      PrintStream out) throws Exception {
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        DeviceRef pump = new DeviceRef(BED, "pump");
        AtomicLong waves = new AtomicLong();
        AtomicLong numerics = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // each writer takes one half of the session, every waveform; the numerics go with the second half
            long half = length.toMillis() / CHUNK.toMillis() / 2 * CHUNK.toMillis();
            List<Future<?>> jobs = List.of(
                    pool.submit(() -> {
                        write(config, sink -> waveforms(sink, monitor, t0, 0, half, waves));
                        return null;
                    }),
                    pool.submit(() -> {
                        write(config, sink -> {
                            waveforms(sink, monitor, t0, half, length.toMillis(), waves);
                            numerics(sink, monitor, pump, t0, length, infusionStart, infusionEnd, numerics);
                        });
                        return null;
                    }));
            for (Future<?> j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "  %s  generated and written through the station's InfluxPointWriter (line protocol, 2 writers): %,d waveform samples "
                        + "and %,d numeric values in %.1f s (%,.0f values/s)%n", CLOCK.format(Instant.now()), waves.get(), numerics.get(), seconds,
                (waves.get() + numerics.get()) / seconds);
        return new Generated(waves.get(), numerics.get());
    }

    @FunctionalInterface
    private interface Producer {
        void produce(Sink sink) throws Exception;
    }

    /** Collects line protocol and writes it in batches of about 1 MiB. */
    private static final class Sink {
        private final PointWriter writer;
        private final StringBuilder lines = new StringBuilder(BATCH_CHARS + 4096);

        Sink(PointWriter writer) {
            this.writer = writer;
        }

        void add(Observation o) throws InterruptedException {
            LineProtocol.append(o, lines);
            if (lines.length() >= BATCH_CHARS) {
                flush();
            }
        }

        void flush() throws InterruptedException {
            if (lines.isEmpty()) {
                return;
            }
            String batch = lines.toString();
            lines.setLength(0);
            for (int attempt = 1; ; attempt++) {
                try {
                    writer.write(batch);
                    return;
                } catch (PointWriter.StoreUnavailableException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                    Thread.sleep(500L * attempt); // pacing: a loaded influxd timed out; the same batch again
                }
            }
        }
    }

    private static void write(StationConfig config, Producer producer) throws Exception {
        try (InfluxPointWriter writer = new InfluxPointWriter(config.influx())) {
            writer.prepare();
            Sink sink = new Sink(writer);
            producer.produce(sink);
            sink.flush();
        }
    }

    /** Every waveform of the full profile from {@code fromMs} to {@code toMs} after {@code t0} (multiples of a chunk). */
    private static void waveforms(Sink sink, DeviceRef monitor, Instant t0, long fromMs, long toMs, AtomicLong count) throws InterruptedException {
        waveform(sink, monitor, Stream.ECG_I, 500, t0, fromMs, toMs, count);
        waveform(sink, monitor, Stream.ECG_II, 500, t0, fromMs, toMs, count);
        waveform(sink, monitor, Stream.ECG_III, 500, t0, fromMs, toMs, count);
        waveform(sink, monitor, Stream.PLETH, 125, t0, fromMs, toMs, count);
        waveform(sink, monitor, Stream.CO2, 62.5, t0, fromMs, toMs, count);
    }

    private static void waveform(Sink sink, DeviceRef device, Stream stream, double hz, Instant t0, long fromMs, long toMs, AtomicLong count)
            throws InterruptedException {
        int n = (int) Math.round(hz * CHUNK.toMillis() / 1000.0);
        long seq = 1 + fromMs / CHUNK.toMillis() * n;
        float[] samples = new float[n];
        for (long ms = fromMs; ms < toMs; ms += CHUNK.toMillis()) {
            for (int i = 0; i < n; i++) {
                double t = (ms / 1000.0) + i / hz;
                samples[i] = (float) signal(stream, t);
            }
            Instant at = t0.plusMillis(ms);
            sink.add(new WaveformChunk(device, stream, hz, at, at.plus(CHUNK).plusMillis(40), seq, samples));
            seq += n;
            count.addAndGet(n);
        }
    }

    /** A plausible shape per stream: an ECG beat at 72/min, a pleth pulse, a capnogram at 14 breaths/min. */
    private static double signal(Stream stream, double t) {
        double beat = (t * 1.2) % 1.0;
        return switch (stream) {
            case ECG_I, ECG_II, ECG_III -> {
                double lead = stream == Stream.ECG_II ? 1.0 : stream == Stream.ECG_I ? 0.7 : 0.4;
                double qrs = Math.exp(-Math.pow((beat - 0.3) / 0.012, 2)) - 0.15 * Math.exp(-Math.pow((beat - 0.33) / 0.01, 2));
                double tWave = 0.25 * Math.exp(-Math.pow((beat - 0.6) / 0.05, 2));
                yield lead * (1.2 * qrs + tWave);
            }
            case PLETH -> 50 + 40 * Math.sin(2 * Math.PI * beat);
            case CO2 -> ((t / (60.0 / 14)) % 1.0) < 0.5 ? 37 : 0.5;
            default -> 0;
        };
    }

    private static void numerics(Sink sink, DeviceRef monitor, DeviceRef pump, Instant t0, Duration length, Instant infusionStart,
                                 Instant infusionEnd, AtomicLong count) throws InterruptedException {
        Map<Stream, long[]> seq = new HashMap<>();
        double volume = 0;
        for (long s = 0; s < length.toSeconds(); s++) {
            Instant at = t0.plusSeconds(s);
            double hr = 72 + 6 * Math.sin(s / 600.0);
            numeric(sink, monitor, Stream.HR, hr, at, seq, count);
            numeric(sink, monitor, Stream.PULSE_RATE, hr, at, seq, count);
            numeric(sink, monitor, Stream.SPO2, 97 + Math.sin(s / 300.0), at, seq, count);
            numeric(sink, monitor, Stream.RESP_RATE, 14 + Math.sin(s / 450.0), at, seq, count);
            numeric(sink, monitor, Stream.ETCO2, 37 + Math.sin(s / 500.0), at, seq, count);
            if (s % 300 == 0) {
                numeric(sink, monitor, Stream.NIBP_SYS, 125 + 5 * Math.sin(s / 3000.0), at, seq, count);
                numeric(sink, monitor, Stream.NIBP_DIA, 78, at, seq, count);
                numeric(sink, monitor, Stream.NIBP_MEAN, 94, at, seq, count);
            }
            if (s % 2 == 0 && !at.isBefore(infusionStart) && at.isBefore(infusionEnd)) {
                volume += 150.0 * 2 / 3600;
                numeric(sink, pump, Stream.PUMP_RATE, 150, at, seq, count);
                numeric(sink, pump, Stream.PUMP_VOLUME_INFUSED, Math.round(volume * 10) / 10.0, at, seq, count);
            }
        }
    }

    private static void numeric(Sink sink, DeviceRef device, Stream stream, double value, Instant at, Map<Stream, long[]> seq, AtomicLong count)
            throws InterruptedException {
        long n = ++seq.computeIfAbsent(stream, x -> new long[1])[0];
        sink.add(new NumericSample(device, stream, Math.round(value * 10) / 10.0, at, at.plusMillis(40), n));
        count.incrementAndGet();
    }

    // ---- figures ----

    private static long sum(Map<String, List<Object>> perSeries) {
        return perSeries.values().stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum();
    }

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String stats(List<Long> ms) {
        if (ms.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "p50 %,d ms, p95 %,d ms, max %,d ms", percentile(ms, 0.5), percentile(ms, 0.95),
                ms.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static String size(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
