package org.openinfusion.dashboard.app;

import com.github.mvysny.vaadinboot.VaadinBoot;
import com.github.mvysny.vaadinboot.common.Env;
import com.github.mvysny.vaadinboot.common.JettyWebServer;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's web server: Vaadin Boot's Jetty set-up (its web root, context and virtual-thread pool), started by us
 * so that Jetty's annotation scan can be narrowed before it runs (docs/performance.md, "Start-up"). Vaadin Boot scans
 * every jar on the class path ({@code .*\.jar}); the station's class path holds about 220 jars (HAPI FHIR's R4
 * structures, ICU4J, RocksDB, the embedded broker...) of which only Vaadin's own, Atmosphere, uPlot's WebJar and the
 * dashboard carry anything Jetty or Vaadin look for (routes, {@code @HandlesTypes} classes, {@code META-INF/resources}).
 */
final class DashboardServer {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    /**
     * Jetty's container jar pattern for the dashboard: class folders (the dashboard's own classes when run from the build)
     * and the jars named here. A new dependency with routes, servlet annotations or web resources in its jar needs its
     * name here; {@code DashboardServerTest} checks every jar of the class path that carries any.
     */
    static final String SCANNED = ".*/(flow-|vaadin-|collaboration-engine-|atmosphere-runtime-|uplot-|dashboard-)[^/]*\\.jar$"
            + "|.*/classes/.*";

    static final Pattern SCANNED_PATTERN = Pattern.compile(SCANNED);

    private final NarrowJetty jetty = new NarrowJetty();
    private double startSeconds;

    private DashboardServer() {
    }

    /** Starts the dashboard on {@code host:port}, HTTPS when {@code tls} is given; returns once it answers. */
    static DashboardServer start(String host, int port, Optional<DashboardWeb.Keystore> tls) throws Exception {
        long since = System.nanoTime();
        // as Vaadin Boot does: the packaged jar runs in production mode unless told otherwise
        if (System.getProperty("vaadin.productionMode") == null && Env.isVaadinProductionMode) {
            System.setProperty("vaadin.productionMode", "true");
        }
        DashboardServer server = new DashboardServer();
        VaadinBoot settings = new VaadinBoot().withPort(port).listenOn(host);
        server.jetty.configure(settings);
        server.jetty.start();
        try {
            DashboardWeb.secure(server.jetty.getContext(), tls);
        } catch (Exception e) {
            server.stop();
            throw e instanceof IOException io ? io : new IOException("cannot set up the dashboard's HTTPS: " + e.getMessage(), e);
        }
        server.startSeconds = (System.nanoTime() - since) / 1e9;
        return server;
    }

    /** How long the web server took to start, for the station's start line. */
    double startSeconds() {
        return startSeconds;
    }

    /** Stops the web server; never throws. */
    void stop() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping the dashboard's web server failed: {}", e.toString());
        }
    }

    /** Vaadin Boot's Jetty with {@link #SCANNED} instead of every jar. */
    private static final class NarrowJetty extends JettyWebServer {
        @Override
        protected WebAppContext createWebAppContext(VaadinBoot cfg) throws IOException {
            WebAppContext context = super.createWebAppContext(cfg);
            context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, SCANNED);
            return context;
        }
    }
}
