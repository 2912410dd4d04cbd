package org.openinfusion.station.testing;

import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.bus.ReviewVerticle;
import org.openinfusion.station.clinical.export.ExportSpool;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;

/**
 * What the review tests start from: a closed, rated session (bed-01, KET-501, created {@link #START}) in a
 * {@link ReviewScenario} on a real audit file, a review service over it that writes EDF+ into its own spool folder,
 * and the physician who reviews it; on request ({@link #onBus}) the review worker over it on an event bus. Close after
 * each test.
 */
public final class ReviewFixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    public static final Principal PHYSICIAN = new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME);

    public final ReviewScenario scenario;
    /** The closed session's id. */
    public final String closed;
    public final ExportSpool spool;
    public final ReviewService review;
    private Vertx bus;

    /** Everything in {@code dir} (a test's temporary folder). */
    public ReviewFixture(Path dir) throws IOException {
        scenario = new ReviewScenario(dir);
        closed = scenario.quickRatedSession(ReviewScenario.BED, "KET-501", START);
        spool = new ExportSpool(dir.resolve("export-spool"));
        review = scenario.review(spool);
    }

    /** {@code seconds} of ECG lead II from the monitor at 250 Hz from {@code from}, a slow sine, in the store. */
    public void ecg(Instant from, int seconds) {
        for (int i = 0; i < seconds * 250; i++) {
            scenario.series.add(new StoredValue(from.plusMillis(4L * i), "monitor", Stream.ECG_II, Math.sin(i / 40.0)));
        }
    }

    /**
     * The review worker over {@link #review} as the station deploys it, on an event bus of its own, and the physician's
     * sign-in for it (15 minutes on the scenario's clock). Closed with the fixture.
     */
    public ReviewBus onBus() throws Exception {
        if (bus != null) {
            throw new IllegalStateException("the review worker is already deployed");
        }
        bus = Vertx.vertx();
        Codecs.registerAll(bus);
        SignIns signIns = new SignIns(scenario.clock, Duration.ofMinutes(15));
        await(bus.deployVerticle(new ReviewVerticle(review, new BusGuard(signIns, scenario.audit)),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
        return new ReviewBus(bus, signIns.open(PHYSICIAN));
    }

    /** The review worker's bus and the physician's token for it. */
    public record ReviewBus(Vertx vertx, String token) {
        /** {@code body} to {@code address} as the physician, failing after {@code timeoutMillis} without an answer. */
        public <T> Future<Message<T>> request(String address, Object body, long timeoutMillis) {
            return vertx.eventBus().request(address, body, BusGuard.options(token, timeoutMillis));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (bus != null) {
                await(bus.close());
            }
        } finally {
            scenario.close();
        }
    }
}
