package org.openinfusion.station.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one way tests wait: poll a condition until it holds or a deadline passes (never a fixed sleep). */
public final class Eventually {
    private static final long POLL_MILLIS = 50;

    private Eventually() {
    }

    public static void waitUntil(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Calls {@code call} until its result satisfies {@code until} or the time is up; returns the last result. */
    public static <T> T poll(Duration timeout, Supplier<T> call, Predicate<T> until) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T v = call.get();
        while (!until.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
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
}
