package org.openinfusion.sim.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fault switches that can be flipped at any time from any thread while a simulator runs. */
public final class FaultSwitches {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSwitches.class);

    private final Clock clock;
    private final Set<Fault> on = EnumSet.noneOf(Fault.class);
    private final AtomicBoolean disconnectRequested = new AtomicBoolean();
    private Instant stalledUntil = Instant.MIN;

    public FaultSwitches(Clock clock) {
        this.clock = clock;
    }

    /** Turns a fault on; {@link Fault#DISCONNECT} closes the link once, {@link Fault#STALL} stalls until turned off. */
    public synchronized void enable(Fault fault) {
        LOG.info("fault on: {}", fault.cliName());
        if (fault == Fault.DISCONNECT) {
            disconnectRequested.set(true);
        } else {
            on.add(fault);
        }
    }

    public synchronized void disable(Fault fault) {
        LOG.info("fault off: {}", fault.cliName());
        on.remove(fault);
        if (fault == Fault.STALL) {
            stalledUntil = Instant.MIN;
        }
    }

    public synchronized boolean isOn(Fault fault) {
        return on.contains(fault) || fault == Fault.STALL && clock.instant().isBefore(stalledUntil);
    }

    /** Sends nothing and answers nothing for {@code duration}, then carries on. */
    public synchronized void stall(Duration duration) {
        LOG.info("fault on: stall for {}", duration);
        stalledUntil = clock.instant().plus(duration);
    }

    /** Closes the port or socket once; a TCP simulator then waits for the next client, a pty one reopens it. */
    public void disconnect() {
        enable(Fault.DISCONNECT);
    }

    /** True once per {@link #disconnect()} call: the link closes the connection when it sees it. */
    boolean takeDisconnectRequest() {
        return disconnectRequested.getAndSet(false);
    }
}
