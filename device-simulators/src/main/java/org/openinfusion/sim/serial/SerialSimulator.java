package org.openinfusion.sim.serial;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SerialDevice} on one {@link Transport}: a link thread opens the transport and
 * reads the host's bytes, a ticker lets the device send, and every frame goes through the fault
 * switches. Build one with {@link #builder(SerialDevice, Transport)}.
 */
public final class SerialSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialSimulator.class);

    private final SerialDevice device;
    private final Transport transport;
    private final FaultSwitches faults;
    private final Clock clock;
    private final ActiveLine line;
    private final Duration reopenDelay;
    private final ScheduledExecutorService threads;
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    SerialSimulator(SerialSimulatorBuilder b, CaptureRecorder recorder) {
        this.device = b.device;
        this.transport = b.transport;
        this.faults = b.faults;
        this.clock = b.clock;
        this.line = new ActiveLine(new FaultyOutput(b.faults, b.random), recorder);
        this.reopenDelay = b.reopenDelay;
        this.threads = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "serial-sim " + transport.describe());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::linkLoop);
        long tick = b.tickInterval.toNanos();
        threads.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
        LOG.info("serial simulator on {}", transport.describe());
    }

    public static SerialSimulatorBuilder builder(SerialDevice device, Transport transport) {
        return new SerialSimulatorBuilder(device, transport);
    }

    public FaultSwitches faults() {
        return faults;
    }

    /** The port of a TCP simulator (handy after asking for port 0); empty on a pty. */
    public OptionalInt tcpPort() {
        return transport instanceof TcpTransport tcp ? OptionalInt.of(tcp.port()) : OptionalInt.empty();
    }

    public boolean isConnected() {
        return line.isConnected();
    }

    /** How many times a host has been attached so far. */
    public long connections() {
        return connections.get();
    }

    /** Bytes written to the host after the fault switches. */
    public long bytesSent() {
        return line.bytesSent();
    }

    /** Waits until a host is attached; false on timeout. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!isConnected()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void linkLoop() {
        while (!closed) {
            Connection connection = null;
            try {
                connection = transport.open();
                attach(connection);
                readUntilClosed(connection);
            } catch (IOException e) {
                if (closed || connection != null && !line.isAttached(connection)) {
                    LOG.debug("{} closed: {}", transport.describe(), e.toString());
                } else {
                    LOG.warn("{}: {}", transport.describe(), e.toString());
                }
            } finally {
                if (connection != null) {
                    line.detach(connection);
                    closeQuietly(connection);
                }
            }
            if (!closed && transport instanceof PtyTransport) {
                pause(reopenDelay);
            }
        }
    }

    private void attach(Connection connection) {
        synchronized (device) {
            line.attach(connection);
            connections.incrementAndGet();
            device.connected(clock.instant());
        }
        LOG.info("host attached: {}", connection.describe());
    }

    private void readUntilClosed(Connection connection) throws IOException {
        byte[] buffer = new byte[4096];
        int count;
        while ((count = connection.read(buffer)) >= 0) {
            byte[] bytes = Arrays.copyOf(buffer, count);
            line.record(Direction.TX, bytes);
            if (count > 0 && !faults.isOn(Fault.STALL)) {
                synchronized (device) {
                    device.received(bytes, clock.instant(), line);
                }
            }
        }
        LOG.info("host detached: {}", connection.describe());
    }

    private void tick() {
        try {
            if (faults.takeDisconnectRequest()) {
                LOG.info("fault: disconnecting");
                line.drop();
            }
            synchronized (device) {
                device.tick(clock.instant(), line);
            }
        } catch (RuntimeException e) {
            LOG.error("device tick failed", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            transport.close();
            line.close();
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.toString());
        }
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("serial simulator threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("serial simulator on {} stopped", transport.describe());
    }
}
