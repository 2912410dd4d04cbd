package org.openinfusion.station.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.storage.StorageReplies;
import org.openinfusion.station.storage.StoreRequest;
import org.openinfusion.testing.Eventually;

class ObservationPublisherTest {
    private final Vertx vertx = Vertx.vertx();
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final StoreRequest REQUEST = new StoreRequest(List.of(
            new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.HR, 70, T, T, 1)));

    private ObservationPublisher publisher;

    @BeforeEach
    void setUp() {
        Codecs.registerAll(vertx);
        publisher = new ObservationPublisher(vertx, new IngestMetrics(Clock.systemUTC(), Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    @Test
    void aStoreThatFailsForAnyReasonIsRetriedUntilItIsDurableNeverGivenUp() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch durable = new CountDownLatch(1);
        // given storage that is not there yet (no handler), then fails writing twice, then succeeds
        publisher.store(REQUEST, durable::countDown, cause -> failures.incrementAndGet());
        Eventually.waitUntil(Duration.ofSeconds(5), "a failure while no storage is there",
                () -> failures.get() >= 1);
        vertx.eventBus().<StoreRequest>consumer(Addresses.STORE, m -> {
            if (attempts.incrementAndGet() <= 2) {
                m.fail(StorageReplies.WRITE_FAILED, "disk error");
            } else {
                m.reply(1);
            }
        });
        // then the values end up durable, after every failure was reported and retried
        assertTrue(durable.await(20, TimeUnit.SECONDS), "durable in the end");
        assertEquals(3, attempts.get());
        assertTrue(failures.get() >= 3, "failures reported: " + failures.get());
    }

    @Test
    void aFullBufferIsRetriedWithoutBeingReportedAsAFailure() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch durable = new CountDownLatch(1);
        vertx.eventBus().<StoreRequest>consumer(Addresses.STORE, m -> {
            if (attempts.incrementAndGet() <= 3) {
                m.fail(StorageReplies.BUFFER_FULL, "full");
            } else {
                m.reply(1);
            }
        });
        publisher.store(REQUEST, durable::countDown, cause -> failures.incrementAndGet());
        assertTrue(durable.await(10, TimeUnit.SECONDS));
        assertEquals(4, attempts.get());
        assertEquals(0, failures.get());
    }
}
