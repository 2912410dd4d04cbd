package org.openinfusion.station.device.serial;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.openinfusion.station.device.DeviceAlarms;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.ProblemCounters;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one device on its own thread: opens the link, feeds the session, sends its requests, hands
 * decoded values on, and keeps going. A lost link is closed at once and raises
 * {@code DEVICE_DISCONNECTED}; it is reopened with back-off and the alarm cleared. A link that stays
 * quiet longer than {@code silentAfter} raises {@code DEVICE_SILENT} until data comes again.
 */
public final class DeviceRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);

    private final DeviceRef source;
    private final DeviceSession session;
    private final LinkOpener opener;
    private final DeviceEvents events;
    private final Clock clock;
    private final Duration silentAfter;
    private final Backoff backoff;
    private final Optional<RawCaptureWriter> capture;
    private final ProblemCounters problems;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile boolean quiet;
    private volatile Instant lastDataAt;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong values = new AtomicLong();
    private final AlarmState disconnected;
    private final AlarmState silent;
    private final AlarmState sensorOff;
    private final Set<String> streamsWithoutValue = new TreeSet<>();

    public DeviceRunner(DeviceRef source, DeviceSession session, LinkOpener opener, DeviceEvents events, Clock clock,
                        Duration silentAfter, Backoff backoff, Optional<RawCaptureWriter> capture) {
        this.source = source;
        this.session = session;
        this.opener = opener;
        this.events = events;
        this.clock = clock;
        this.silentAfter = silentAfter;
        this.backoff = backoff;
        this.capture = capture;
        this.problems = new ProblemCounters(source.toString(), clock, Duration.ofSeconds(10));
        this.disconnected = new AlarmState(DeviceAlarms.DEVICE_DISCONNECTED, events);
        this.silent = new AlarmState(DeviceAlarms.DEVICE_SILENT, events);
        this.sensorOff = new AlarmState(DeviceAlarms.SENSOR_OFF, events);
        this.thread = Thread.ofPlatform().daemon().name("device-" + source.deviceId()).unstarted(this::run);
    }

    public DeviceRunner start() {
        thread.start();
        return this;
    }

    public DeviceRef source() {
        return source;
    }

    public ProblemCounters problems() {
        return problems;
    }

    /** Link state and traffic now (read from other threads). */
    public DeviceStatusSnapshot status(String name, String endpoint, String protocol, String link) {
        return new DeviceStatusSnapshot(name, endpoint, protocol, link, connected, quiet, bytes.get(),
                values.get(), Optional.ofNullable(lastDataAt), problems.totals());
    }

    private void run() {
        Duration delay = null;
        while (running) {
            try (ByteLink l = opener.open()) {
                delay = null;
                LOG.info("device {} connected", source);
                connected = true;
                disconnected.set(false, source + " connected");
                serve(l);
            } catch (IOException e) {
                LOG.debug("device {}: {}", source, e.toString());
            } catch (RuntimeException e) {
                LOG.error("device {}: unexpected {}; reconnecting", source, e.toString());
            }
            silent.set(false, source + " link closed");
            connected = false;
            quiet = false;
            if (running) {
                disconnected.set(true, source + " disconnected; reconnecting");
                delay = backoff.next(delay);
                sleep(delay);
            }
        }
    }

    private void serve(ByteLink l) throws IOException {
        byte[] buf = new byte[4096];
        CollectingOutput out = new CollectingOutput(problems);
        Instant lastData = clock.instant();
        session.connected(lastData, out);
        flush(l, out);
        while (running) {
            int n = l.read(buf);
            Instant now = clock.instant();
            if (n < 0) {
                LOG.warn("device {}: link lost", source);
                return;
            }
            if (n > 0) {
                lastData = now;
                lastDataAt = now;
                bytes.addAndGet(n);
                quiet = false;
                silent.set(false, source + " sends data again");
                capture.ifPresent(c -> c.write(now, CaptureLine.Direction.RX, buf, 0, n));
                session.received(buf, 0, n, now, out);
            }
            session.tick(now, out);
            flush(l, out);
            if (Duration.between(lastData, now).compareTo(silentAfter) > 0) {
                quiet = true;
                silent.set(true, source + " sent nothing for " + silentAfter.toSeconds() + " s");
            }
        }
    }

    private void flush(ByteLink l, CollectingOutput out) throws IOException {
        trackSensors(out);
        if (!out.observations.isEmpty()) {
            out.observations.forEach(o -> values.addAndGet(o.valueCount()));
            events.observations(List.copyOf(out.observations));
        }
        List<byte[]> send = List.copyOf(out.toSend);
        out.clear();
        for (byte[] b : send) {
            capture.ifPresent(c -> c.write(clock.instant(), CaptureLine.Direction.TX, b, 0, b.length));
            l.write(b);
        }
    }

    /** A stream that reports "no value" is a sensor off until the same stream delivers a value again. */
    private void trackSensors(CollectingOutput out) {
        streamsWithoutValue.addAll(out.noValue);
        out.observations.forEach(o -> streamsWithoutValue.remove(o.stream().key()));
        sensorOff.set(!streamsWithoutValue.isEmpty(), streamsWithoutValue.isEmpty()
                ? source + " sensors report values again" : source + " sensor off: no value for " + streamsWithoutValue);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        capture.ifPresent(RawCaptureWriter::close);
    }
}
