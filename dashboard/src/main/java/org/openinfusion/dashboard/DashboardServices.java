package org.openinfusion.dashboard;

import io.vertx.core.Vertx;
import java.util.Objects;
import org.openinfusion.dashboard.users.UserStore;
import org.openinfusion.station.clinical.rating.InstrumentCatalog;

/**
 * What views need from the running station, handed over once by the launcher before the web
 * server starts (Vaadin Boot has no dependency injection). Views reach the station only through
 * the event bus: never a device, never the database. The instrument catalog is immutable data
 * (structure and item wording) and the user store a file of accounts.
 */
public final class DashboardServices {
    private static volatile DashboardServices current;

    private final Vertx vertx;
    private final UserStore users;
    private final InstrumentCatalog instruments;

    private DashboardServices(Vertx vertx, UserStore users, InstrumentCatalog instruments) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.users = Objects.requireNonNull(users, "users");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
    }

    public static void install(Vertx vertx, UserStore users, InstrumentCatalog instruments) {
        current = new DashboardServices(vertx, users, instruments);
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

    public UserStore users() {
        return users;
    }

    public InstrumentCatalog instruments() {
        return instruments;
    }
}
