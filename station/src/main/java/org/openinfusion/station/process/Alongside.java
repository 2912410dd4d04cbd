package org.openinfusion.station.process;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * A piece of start-up work run on its own thread while the caller goes on with another (the private influxd and the
 * embedded broker beside the journal and the audit check, the dashboard's web server beside the data path): {@link #join}
 * waits for it and throws what it threw.
 *
 * <p>The work runs through {@link CompletableFuture#supplyAsync} on an executor that starts one named platform daemon
 * thread for it (the name shows in a thread dump of a slow start); a checked exception is carried to {@link #join} as the
 * {@link CompletionException}'s cause, an unchecked one or an error as itself.
 *
 * @param <T> what the work makes
 */
public final class Alongside<T> {
    private final CompletableFuture<T> result;

    private Alongside(CompletableFuture<T> result) {
        this.result = result;
    }

    /** Starts {@code work} now on a new thread named {@code name}. */
    public static <T> Alongside<T> start(String name, Callable<T> work) {
        Executor ownThread = task -> Thread.ofPlatform().name(name).daemon().start(task);
        return new Alongside<>(CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, ownThread));
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

    /** Whether the work has ended (made its result or failed). */
    public boolean done() {
        return result.isDone();
    }
}
