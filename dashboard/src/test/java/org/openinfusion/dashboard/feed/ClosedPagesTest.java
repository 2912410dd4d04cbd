package org.openinfusion.dashboard.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.Eventually;
import org.slf4j.LoggerFactory;

/** A page closing while waveforms are on their way to it: the messages are counted, not warned about. */
class ClosedPagesTest {
    @Test
    void messagesOnTheirWayToAClosedPageAreCountedNotWarnedAbout() throws Exception {
        Logger vertxConsumer = (Logger) LoggerFactory.getLogger("io.vertx.core.eventbus.impl.MessageConsumerImpl");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        vertxConsumer.addAppender(seen);
        Vertx vertx = Vertx.vertx();
        try {
            long before = ClosedPages.discarded();
            CompletableFuture<Void> closed = new CompletableFuture<>();
            // on one event loop, as a page's consumer: 200 messages published, then the page closes before they arrive
            vertx.runOnContext(v -> {
                MessageConsumer<String> page = ClosedPages.quietWhenClosed(vertx.eventBus().localConsumer("test.obs.waveform", m -> { }));
                for (int i = 0; i < 200; i++) {
                    vertx.eventBus().publish("test.obs.waveform", "chunk " + i);
                }
                page.unregister().onComplete(r -> closed.complete(null));
            });
            closed.get(10, TimeUnit.SECONDS);
            Eventually.waitUntil(Duration.ofSeconds(10), "the discarded messages counted", () -> ClosedPages.discarded() - before > 0);
            assertTrue(ClosedPages.discarded() - before <= 200);
            assertEquals(0, seen.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count(), seen.list.toString());
        } finally {
            vertxConsumer.detachAppender(seen);
            vertx.close().await();
        }
    }
}
