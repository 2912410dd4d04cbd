package org.openinfusion.sim.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what was handed to MQTT clients and what the broker acknowledged (PUBACK), and lets a
 * caller wait until nothing is outstanding. Message counts leave out the retained status
 * messages; the wait covers them too. Thread-safe.
 */
public final class DeliveryTracker {

    private final AtomicLong publishedMessages = new AtomicLong();
    private final AtomicLong publishedValues = new AtomicLong();
    private final AtomicLong acknowledgedMessages = new AtomicLong();
    private final AtomicLong acknowledgedValues = new AtomicLong();
    private final Object lock = new Object();
    private final HandOverTimes handOvers;
    private long outstanding;

    /** Hand-over times read from the system clock. */
    public DeliveryTracker() {
        this(Clock.systemUTC());
    }

    /** Hand-over times ({@link #handOvers()}) read from {@code clock}. */
    public DeliveryTracker(Clock clock) {
        this.handOvers = new HandOverTimes(clock);
    }

    /** Call just before handing {@code message} to a client. */
    void handing(OutgoingMessage message) {
        synchronized (lock) {
            outstanding++;
        }
    }

    /** The client refused the message (it will be offered again, or dropped on close). */
    void refused(OutgoingMessage message) {
        changeOutstanding(-1);
    }

    /** The client took the message. */
    void accepted(OutgoingMessage message) {
        if (!message.isStatus()) {
            publishedMessages.incrementAndGet();
            publishedValues.addAndGet(message.values());
        }
    }

    /** The client of {@code bed}'s device took {@code message} for sending (its publish), asked at {@code atMillis}. */
    void handedOver(String bed, OutgoingMessage message, long atMillis) {
        handOvers.handedOver(bed, message, atMillis);
    }

    /** When waveform chunks were handed to their clients (for the latency benchmark). */
    public HandOverTimes handOvers() {
        return handOvers;
    }

    /** The broker acknowledged the message. */
    void acknowledged(OutgoingMessage message) {
        if (!message.isStatus()) {
            acknowledgedMessages.incrementAndGet();
            acknowledgedValues.addAndGet(message.values());
        }
        changeOutstanding(-1);
    }

    /** Waits until every message handed over so far is acknowledged; false on timeout. */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (outstanding > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Waits for the next acknowledgement, at most {@code millis}: back-off while in-flight is full. */
    void awaitProgress(long millis) throws InterruptedException {
        synchronized (lock) {
            lock.wait(millis);
        }
    }

    public long outstanding() {
        synchronized (lock) {
            return outstanding;
        }
    }

    public long publishedMessages() {
        return publishedMessages.get();
    }

    public long publishedValues() {
        return publishedValues.get();
    }

    public long acknowledgedMessages() {
        return acknowledgedMessages.get();
    }

    public long acknowledgedValues() {
        return acknowledgedValues.get();
    }

    private void changeOutstanding(int delta) {
        synchronized (lock) {
            outstanding += delta;
            lock.notifyAll();
        }
    }
}
