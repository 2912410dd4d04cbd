package org.openinfusion.station.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The one way tests wait for a Vert.x future: its result, or its failure thrown as the test's error. */
public final class Futures {
    /** Long enough for a loaded build machine; a test that needs it is broken, not slow. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Futures() {
    }

    public static <T> T await(Future<T> future) throws ExecutionException, InterruptedException {
        return await(future, PATIENCE);
    }

    /**
     * The future's result; its failure as an {@link ExecutionException} (the cause is the failure, e.g. a bus
     * {@code ReplyException}), or an AssertionError when it never completes.
     */
    public static <T> T await(Future<T> future, Duration timeout) throws ExecutionException, InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + timeout, e);
        }
    }
}
