package org.openinfusion.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait: poll a condition until it holds or a deadline passes (never a fixed sleep). Polls
 * after 5 ms first, then less often, up to every 50 ms: a quick condition costs little, a slow one little CPU.
 */
public final class Eventually {
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long MAX_PAUSE_MILLIS = 50;

    private Eventually() {
    }

    /** A condition that may throw while it does not hold yet (an assertion, an element not there yet). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    public static void waitUntil(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        waitUntil(timeout, () -> what, condition);
    }

    /** Like {@link #waitUntil(Duration, String, BooleanSupplier)}, describing the wait only on timeout (say, with a log's content). */
    public static void waitUntil(Duration timeout, Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long pause = FIRST_PAUSE_MILLIS; !condition.getAsBoolean(); pause = next(pause)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(pause); // pacing: the poll's pause, the one sleep tests need
        }
    }

    /**
     * Like {@link #waitUntil}, for a condition that may throw while it does not hold: an exception counts as
     * "not yet", and the last one is the cause of the timeout's error.
     */
    public static void waitUntilHolds(Duration timeout, String what, Check condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long pause = FIRST_PAUSE_MILLIS; ; pause = next(pause)) {
            Throwable why = null;
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | AssertionError notYet) {
                why = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what, why);
            }
            Thread.sleep(pause); // pacing: the poll's pause, the one sleep tests need
        }
    }

    /** Calls {@code call} until its result satisfies {@code until} or the time is up; returns the last result. */
    public static <T> T poll(Duration timeout, Supplier<T> call, Predicate<T> until) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T v = call.get();
        for (long pause = FIRST_PAUSE_MILLIS; !until.test(v) && System.nanoTime() < deadline; pause = next(pause)) {
            Thread.sleep(pause); // pacing: the poll's pause, the one sleep tests need
            v = call.get();
        }
        return v;
    }

    /** Takes from {@code queue} until an element satisfies {@code wanted} (dropping the others); fails after {@code timeout}. */
    public static <T> T next(BlockingQueue<T> queue, Predicate<? super T> wanted, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            T e = queue.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    private static long next(long pause) {
        return Math.min(MAX_PAUSE_MILLIS, pause * 2);
    }
}
