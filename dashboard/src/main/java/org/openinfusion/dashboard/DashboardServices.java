package org.openinfusion.dashboard;

import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * What views need from the running station, handed over once by the launcher before the web
 * server starts (Vaadin Boot has no dependency injection). Views reach the station only through
 * the event bus: never a device, never the database. The instrument catalog is immutable data
 * (structure and item wording); accounts and sign-in live in the station (security package).
 */
public final class DashboardServices {
    private static volatile DashboardServices current;
    private static volatile URI simulatorControl;

    private final Vertx vertx;
    private final InstrumentCatalog instruments;

    private DashboardServices(Vertx vertx, InstrumentCatalog instruments) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
    }

    public static void install(Vertx vertx, InstrumentCatalog instruments) {
        current = new DashboardServices(vertx, instruments);
    }

    /**
     * The station on {@code vertx} is closing: its services are no longer the dashboard's, so a web server started
     * beside the next station's start waits for that station's services instead of using this closed one.
     */
    public static void uninstall(Vertx vertx) {
        DashboardServices s = current;
        if (s != null && s.vertx == vertx) {
            current = null;
        }
    }

    /** Whether a launcher has installed the station's services. */
    public static boolean installed() {
        return current != null;
    }

    /** The simulator's HTTP control channel the engineer's page drives (the demo launcher starts one). */
    public static void useSimulatorControl(URI base) {
        simulatorControl = base;
    }

    /** The simulator's control channel, if a launcher started simulated beds with one. */
    public static Optional<URI> simulatorControl() {
        return Optional.ofNullable(simulatorControl);
    }

    public static DashboardServices get() {
        DashboardServices s = current;
        if (s == null) {
            throw new IllegalStateException("the dashboard was started without a station");
        }
        return s;
    }

    public Vertx vertx() {
        return vertx;
    }

    public InstrumentCatalog instruments() {
        return instruments;
    }
}
