package org.openinfusion.dashboard;

import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * What views need from the running station, handed over once by the launcher before the web
 * server starts (Vaadin Boot has no dependency injection). Views reach the station only through
 * the event bus: never a device, never the database.
 */
public final class DashboardServices {
    private static volatile DashboardServices current;

    private final Vertx vertx;

    private DashboardServices(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
    }

    public static void install(Vertx vertx) {
        current = new DashboardServices(vertx);
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
}
