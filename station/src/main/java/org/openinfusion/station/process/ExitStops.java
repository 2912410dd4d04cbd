package org.openinfusion.station.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The processes to stop when the JVM shuts down, and the one rule that makes it safe: a process is started and
 * registered in one step, under the same lock the shutdown takes, so none is started after the shutdown took its list
 * (it would be orphaned: SIGTERM a moment after {@code ProcessBuilder.start()} used to leave a just-launched influxd
 * running). Once shutting down, nothing more is started.
 *
 * @param <T> what is registered (a {@link ManagedProcess})
 */
final class ExitStops<T> {
    /** Starts something; called under the registry's lock. */
    @FunctionalInterface
    interface Start {
        void run() throws IOException;
    }

    /** Called once, under the lock, before the first start: e.g. adds the JVM's shutdown hook. */
    private final Runnable firstUse;
    private final Set<T> running = new LinkedHashSet<>();
    private boolean used;
    private boolean shuttingDown;

    ExitStops(Runnable firstUse) {
        this.firstUse = firstUse;
    }

    /**
     * Runs {@code start} and registers {@code item}, or refuses with an {@link IOException} when the shutdown has begun
     * (then {@code start} is not run).
     */
    synchronized void startAndRegister(T item, String name, Start start) throws IOException {
        if (shuttingDown) {
            throw new IOException(name + " not started: the JVM is shutting down");
        }
        if (!used) {
            try {
                firstUse.run();
            } catch (IllegalStateException e) {
                // Runtime.addShutdownHook once the shutdown has begun
                shuttingDown = true;
                throw new IOException(name + " not started: the JVM is shutting down", e);
            }
            used = true;
        }
        start.run();
        running.add(item);
    }

    synchronized void unregister(T item) {
        running.remove(item);
    }

    /** Marks the shutdown (no start after this returns) and gives what is registered, in start order. */
    synchronized List<T> shutDown() {
        shuttingDown = true;
        return new ArrayList<>(running);
    }
}
