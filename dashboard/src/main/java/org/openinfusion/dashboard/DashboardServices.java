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
 * (structure and item wording); accounts and sign-in live in the station (security package), whose printed names and
 * roles {@link StaffNames} reads so screens name staff, never by account id.
 */
public final class DashboardServices {
    private static volatile DashboardServices current;
    private static volatile URI simulatorControl;

    private final Vertx vertx;
    private final InstrumentCatalog instruments;
    private final StaffNames staff;

    private DashboardServices(Vertx vertx, InstrumentCatalog instruments, StaffNames staff) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.staff = Objects.requireNonNull(staff, "staff");
    }

    /** A station without an account list to name staff by (staff then read "staff member", never an account id). */
    public static void install(Vertx vertx, InstrumentCatalog instruments) {
        install(vertx, instruments, StaffNames.none());
    }

    public static void install(Vertx vertx, InstrumentCatalog instruments, StaffNames staff) {
        current = new DashboardServices(vertx, instruments, staff);
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

    /** Printed names and roles of the station's accounts, for "who did it" on screens. */
    public StaffNames staff() {
        return staff;
    }
}
