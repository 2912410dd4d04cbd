package org.openinfusion.dashboard.feed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * The web server starts beside the station (docs/performance.md, start-up): a closed station's services must not be
 * the next web server's, or its live feed would be made on a closed event bus ("event executor terminated").
 */
class FeedStartTest {
    @Test
    void aClosedStationsServicesAreNotTheNextWebServersAndTheFeedStartsOnTheNewStationsBus() throws Exception {
        Vertx closed = Vertx.vertx();
        Vertx next = Vertx.vertx();
        try {
            DashboardServices.install(closed, InstrumentCatalog.builtIn());
            DashboardServices.uninstall(next); // another station's close leaves these alone
            assertTrue(DashboardServices.installed());
            DashboardServices.uninstall(closed);
            closed.close().toCompletionStage().toCompletableFuture().get();
            assertFalse(DashboardServices.installed(), "the closed station's services are gone");
            new FeedStart().serviceInit(null); // a web server starting before the next station's services: nothing made yet

            DashboardServices.install(next, InstrumentCatalog.builtIn());
            LiveFeed feed = LiveFeed.shared();
            assertSame(feed, LiveFeed.shared(), "one feed, on the new station's bus");
        } finally {
            DashboardServices.uninstall(next);
            next.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
