package org.openinfusion.dashboard.feed;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.impl.MessageConsumerImpl;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's consumer of the station's observations (waveforms many times a second) is unregistered when the browser
 * closes the page; the messages already on their way to it are then discarded. That is normal, not a warning: Vert.x's
 * own WARN ("Discarding message since the consumer is not registered") is replaced by a count, logged at DEBUG.
 */
public final class ClosedPages {
    private static final Logger LOG = LoggerFactory.getLogger(ClosedPages.class);
    private static final LongAdder DISCARDED = new LongAdder();

    private ClosedPages() {
    }

    /** {@code consumer}, whose messages arriving after it was unregistered are counted instead of warned about. */
    public static <T> MessageConsumer<T> quietWhenClosed(MessageConsumer<T> consumer) {
        if (consumer instanceof MessageConsumerImpl<T> impl) {
            impl.discardHandler(m -> {
                DISCARDED.increment();
                LOG.debug("a message for a closed page was discarded ({}; {} in all)", m.address(), DISCARDED.sum());
            });
        }
        return consumer;
    }

    /** How many messages for closed pages were discarded since the start. */
    public static long discarded() {
        return DISCARDED.sum();
    }
}
