package org.openinfusion.station.process;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A piece of start-up work run on its own thread while the caller goes on with another (the private influxd beside the
 * embedded broker, the dashboard's web server beside the data path): {@link #join} waits for it and throws what it threw.
 *
 * @param <T> what the work makes
 */
public final class Alongside<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Alongside() {
    }

    /** Starts {@code work} now on a new thread named {@code name}. */
    public static <T> Alongside<T> start(String name, Callable<T> work) {
        Alongside<T> a = new Alongside<>();
        Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                a.result.complete(work.call());
            } catch (Throwable e) {
                a.result.completeExceptionally(e);
            }
        });
        return a;
    }

    /** Waits for the work; its exception (or error) is thrown here as it was thrown there. */
    public T join() throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case Exception x -> throw x;
                case Error x -> throw x;
                default -> throw e;
            }
        }
    }
}
