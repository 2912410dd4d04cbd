package org.openinfusion.dashboard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.testing.TempFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the Chromium tests share instead of each starting its own: ONE Chromium, and ONE demo (four simulated beds)
 * with the bed scene the layout tests look at. Both start on first use and live in JUnit's root store, which closes
 * what it holds when the whole test run ends (failsafe runs every IT of the module in one JVM); the demo is closed
 * earlier, after the last class that uses it (below). A test class asks for them as a parameter of its
 * {@code @BeforeAll} method (the browser also of a test method), with {@code @ExtendWith(SharedDemo.class)}:
 * <ul>
 * <li>{@link ChromeDriver}: the shared browser, handed over clean: on a blank page, no cookie of any site (so signed in
 * nowhere), no device emulation, the page 1280x800.</li>
 * <li>{@link Beds}: the shared demo, with that browser signed in as the demo nurse. Its bed-01 is the scene: a session
 * (subject {@link #SCENE_SUBJECT}, kit KIT-0042, the midazolam protocol) infusing, its baseline ratings due, a monitor
 * ({@code spare-monitor}) offline (a high alarm), the last NIBP 128/82. A class may look at the scene and may open and
 * cancel its dialogs; what it changes on bed-01 it puts back in its {@code @AfterAll}. Any other session it needs
 * goes on bed-02 to bed-04 under a subject of its own, and it leaves those beds as it found them or closed.</li>
 * </ul>
 * The dashboard serves one station per JVM (its services are installed JVM-wide when a station starts), so the demo
 * cannot run beside another class's station: {@link DemoClassesFirst} (junit-platform.properties) runs the classes that
 * use it first, one after another, and the demo is closed after the last of them, before any other class starts its
 * own. Without that orderer it is closed after each class that used it (correct, only not shared).
 * The demo's settings are the union of what its classes need: the site's wording file ({@link #SITE_WORDING} for CADSS
 * item 1), the site's time zone (Europe/Berlin), the pharmacy's kit-to-arm file (KIT-0042 is midazolam). A class that
 * needs a clock of its own, a trail written before the start or beds of its own keeps its own station and asks only
 * for the browser.
 */
final class SharedDemo implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    static final String SITE_WORDING = "Site wording: do things around you seem unreal, as if in a dream?";
    static final String SCENE_SUBJECT = "KET-014";
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(SharedDemo.class);
    /** The classes that use the demo and have not finished yet (as {@link DemoClassesFirst} found them). */
    private static final Set<Class<?>> PENDING = ConcurrentHashMap.newKeySet();

    /** Whether {@code testClass} asks for the demo: a {@code @BeforeAll} method with a {@link Beds} parameter. */
    static boolean usesDemo(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(BeforeAll.class))
                .anyMatch(m -> Arrays.asList(m.getParameterTypes()).contains(Beds.class));
    }

    /** Runs the classes that use the demo first, one after another (every other order kept), and notes them. */
    public static final class DemoClassesFirst implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().stream().map(ClassDescriptor::getTestClass).filter(SharedDemo::usesDemo).forEach(PENDING::add);
            context.getClassDescriptors().sort(Comparator.comparing(d -> !usesDemo(d.getTestClass())));
        }
    }

    /**
     * After each test of a class with a station of its own, the shared browser leaves the page (as quitting it did), so
     * that the class closes its station with no page of it open.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Browser shared = context.getRoot().getStore(SHARED).get(Browser.class, Browser.class);
        if (shared != null && !usesDemo(context.getRequiredTestClass())) {
            shared.driver().get("about:blank");
        }
    }

    /** After the last class that uses the demo, the demo is closed (another class may start a station of its own). */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        if (usesDemo(testClass)) {
            PENDING.remove(testClass);
            if (PENDING.isEmpty()) {
                Demo demo = context.getRoot().getStore(SHARED).remove(Demo.class, Demo.class);
                if (demo != null) {
                    demo.close();
                }
            }
        }
    }

    /** The shared demo: the launcher, its data directory (audit trail, users file) and the browser signed in as a nurse. */
    record Beds(StationMain demo, Path dataDir, ChromeDriver browser) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ChromeDriver.class || type == Beds.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(SHARED);
        Browser shared = store.computeIfAbsent(Browser.class, k -> Browser.start(), Browser.class);
        if (parameter.getParameter().getType() == ChromeDriver.class) {
            return shared.clean();
        }
        Demo demo = store.computeIfAbsent(Demo.class, k -> Demo.start(shared.clean()), Demo.class);
        ChromeDriver browser = shared.clean();
        BrowserSteps.signIn(browser, demo.launcher.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
        return new Beds(demo.launcher, demo.dataDir, browser);
    }

    /** The shared Chromium, quit at the end of the run. */
    private record Browser(Path profile, ChromeDriver driver) implements AutoCloseable {
        static Browser start() {
            try {
                Path profile = Files.createTempDirectory("shared-chromium-");
                return new Browser(profile, Chromium.start(profile));
            } catch (Exception e) {
                throw new IllegalStateException("Chromium did not start", e);
            }
        }

        /** Blank page, no cookies of any site, no emulated device, a 1280x800 page: as a fresh start leaves it. */
        ChromeDriver clean() {
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
            driver.executeCdpCommand("Emulation.setEmitTouchEventsForMouse", Map.of("enabled", false));
            BrowserSteps.size(driver, 1280, 800);
            return driver;
        }

        @Override
        public void close() throws Exception {
            driver.quit();
            TempFolders.deleteTree(profile);
        }
    }

    /** The shared demo, closed at the end of the run. */
    private record Demo(StationMain launcher, Path dataDir) implements AutoCloseable {
        static Demo start(ChromeDriver browser) {
            Path dataDir = null;
            StationMain launcher = null;
            try {
                dataDir = Files.createTempDirectory("shared-demo-");
                Path wording = dataDir.resolve("site-wording.properties");
                Files.writeString(wording, "cadss.1 = " + SITE_WORDING + "\n");
                // the pharmacy's sealed kit-to-arm file, for emergency unblinding
                Path kitArms = dataDir.resolve("kit-arms.csv");
                Files.writeString(kitArms, "KIT-0042,MDZ\n");
                StationConfig config = DemoConfig.of(dataDir, Map.of("health.publishInterval", "5s", "site.wording", wording.toString(),
                        "site.timeZone", "Europe/Berlin", "clinical.kitAssignments", kitArms.toString()));
                launcher = StationMain.start(config, StationMain.LaunchOptions.parse(new String[] {"--simulate-beds", "4", "--seed", "7"}));
                Demo demo = new Demo(launcher, dataDir);
                BrowserSteps.signIn(browser, launcher.dashboardUrl(), StationMain.DEMO_USER, StationMain.DEMO_USER);
                demo.scene(browser);
                return demo;
            } catch (Exception | AssertionError e) {
                if (launcher != null) {
                    launcher.close();
                }
                try {
                    TempFolders.deleteTree(dataDir);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw new IllegalStateException("the shared demo did not start", e);
            }
        }

        /** On bed-01: a session, baseline started (its ratings become due), the infusion confirmed, a monitor offline. */
        private void scene(ChromeDriver browser) {
            BrowserSteps.openStartForm(browser, launcher.dashboardUrl() + "bed/bed-01");
            // the midazolam protocol: its baseline (CADSS, BPRS+, VAS) is rated at once, the crossover's waits for the capsule
            BrowserSteps.startSession(browser, SCENE_SUBJECT, 42, 70, "KIT-0042", "midazolam");
            BrowserSteps.click(browser, "step-baseline");
            BrowserSteps.waitFor(browser).until(d -> !d.findElements(By.id("rate-baseline-cadss")).isEmpty());
            if (!browser.findElements(By.id("step-pretreatment")).isEmpty()) {
                BrowserSteps.click(browser, "step-pretreatment");
            }
            nibp("bed-01", 128, 82); // the pre-dose blood pressure the station needs before the start is confirmed
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "num-nibp-value").equals("128/82"));
            BrowserSteps.confirmStartOverOpenBaseline(browser); // the scene keeps its baseline ratings due
            BrowserSteps.waitFor(browser).until(d -> !d.findElements(By.id("step-end-of-infusion")).isEmpty());
            launcher.station().vertx().eventBus().publish(Addresses.DEVICE_STATUS,
                    new DeviceStatus(new DeviceRef("bed-01", "spare-monitor"), false, Instant.now()));
            BrowserSteps.waitFor(browser).until(d -> BrowserSteps.text(browser, "alarm-banner").contains("Monitor 2 disconnected (bed 1)"));
        }

        void nibp(String bed, int sys, int dia) {
            Instant taken = Instant.now();
            launcher.station().vertx().eventBus().publish(Addresses.NUMERIC,
                    new NumericSample(new DeviceRef(bed, "monitor"), Stream.NIBP_SYS, sys, taken, taken, 1));
            launcher.station().vertx().eventBus().publish(Addresses.NUMERIC,
                    new NumericSample(new DeviceRef(bed, "monitor"), Stream.NIBP_DIA, dia, taken, taken, 2));
        }

        @Override
        public void close() throws Exception {
            launcher.close();
            TempFolders.deleteTree(dataDir);
        }
    }
}
