package org.openinfusion.station.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process this station started itself: output to a log file in its folder, readiness
 * polling and graceful stop (SIGTERM, then SIGKILL after a grace period). It stops only the process
 * it started; the owner stops it in order at shut-down (the launchers' shutdown hooks do).
 *
 * <p>A JVM that ends before the owner can stop it (SIGTERM or Ctrl-C while the station is still starting, before any
 * launcher's hook exists, or an owner that never closes) leaves no process behind: every process still running when the
 * JVM shuts down is stopped by one shutdown hook ({@value #EXIT_HOOK}). A process whose owner said it stops it in order
 * ({@link #ownerStopsAtExit}) is given {@link #OWNER_GRACE} to be stopped by its owner first. A JVM killed with SIGKILL
 * runs no hook: its processes are left running (docs/operations.md).
 *
 * <p>A port {@link FreePort#find()} found free can be taken by another process before the server binds it.
 * {@link #onFreePorts} therefore starts a server anew on fresh ports when the port answered before launch or
 * the server's log says the address was already in use.
 */
public class ManagedProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);

    /** Start attempts when the ports found free were taken before the server bound them. */
    static final int PORT_ATTEMPTS = 3;

    /** The shutdown hook's thread name. */
    static final String EXIT_HOOK = "station-managed-processes";
    /** How long the exit hook waits for an owner that stops its process in order. */
    static final Duration OWNER_GRACE = Duration.ofSeconds(30);
    /** Processes started and not stopped yet, for the exit hook, which is added before the first process starts. */
    private static final ExitStops<ManagedProcess> RUNNING = new ExitStops<>(
            () -> Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::stopAllAtExit, EXIT_HOOK)));

    private final String name;
    private final List<String> command;
    private final Path logFile;
    /** Volatile: the exit hook reads it without the lock, which {@link #launch} holds while it waits for readiness. */
    private volatile Process process;
    private volatile boolean ownerStops;

    protected ManagedProcess(String name, List<String> command, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    /** Builds a server on the ports it draws and starts it. */
    @FunctionalInterface
    protected interface Starter<P extends ManagedProcess> {
        P start(IntSupplier ports) throws IOException;
    }

    /**
     * Starts a server on ports drawn from {@code ports} (usually {@link FreePort#find}); when one of them turns out
     * taken ({@link PortTakenException}), starts it again on freshly drawn ports, up to {@value #PORT_ATTEMPTS}
     * times in all.
     */
    protected static <P extends ManagedProcess> P onFreePorts(String name, IntSupplier ports, Starter<P> starter)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return starter.start(ports);
            } catch (PortTakenException e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("{}: {}; starting again on other ports", name, e.getMessage());
            }
        }
    }

    /** Fails with {@link PortTakenException} when something already answers on {@code port}. */
    protected static void requireFree(int port) throws PortTakenException {
        if (FreePort.answers(port)) {
            throw new PortTakenException("port " + port + " is already taken by another process");
        }
    }

    /**
     * Starts the process and waits until {@code ready} holds; fails if it exits or times out first, with
     * {@link PortTakenException} when its log says an address it wanted was in use.
     */
    protected synchronized void launch(BooleanSupplier ready, Duration timeout) throws IOException {
        Files.createDirectories(logFile.getParent());
        long logFrom = Files.exists(logFile) ? Files.size(logFile) : 0;
        RUNNING.startAndRegister(this, name, () -> process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start());
        Process started = process;
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (process != started) {
                throw new IOException(name + " was stopped during start-up (the JVM is shutting down)");
            }
            if (!started.isAlive()) {
                String why = name + " exited with code " + started.exitValue() + " during start-up (" + lastLine()
                        + "); see " + logFile;
                process = null;
                RUNNING.unregister(this);
                throw addressInUseSince(logFrom) ? new PortTakenException(why) : new IOException(why);
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                String why = name + " was not ready within " + timeout + "; see " + logFile;
                throw addressInUseSince(logFrom) ? new PortTakenException(why) : new IOException(why);
            }
            sleep(50);
        }
        LOG.info("{} started (pid {}), log {}", name, started.pid(), logFile);
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /**
     * The owner stops this process in order in its own shutdown hook (e.g. the station after its storage has drained):
     * the exit hook gives it {@link #OWNER_GRACE} before stopping it itself.
     */
    public void ownerStopsAtExit() {
        ownerStops = true;
    }

    /** The exit hook: stops every process still running, after its owner's grace when it has one. */
    static void stopAllAtExit() {
        Instant graceEnd = Instant.now().plus(OWNER_GRACE);
        for (ManagedProcess p : RUNNING.shutDown()) {
            while (p.ownerStops && p.process != null && Instant.now().isBefore(graceEnd)) {
                sleep(50);
            }
            p.stopNow();
        }
    }

    /** Stops gracefully (SIGTERM), forcibly after 15 s. Safe to call twice. */
    public synchronized void stop() {
        stopNow();
    }

    /** {@link #stop} without the lock, which a start still waiting for readiness holds (the exit hook calls it). */
    private void stopNow() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        RUNNING.unregister(this);
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within 15 s; killing it", name);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        LOG.info("{} stopped", name);
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        stop();
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the log written since byte {@code from} (this launch) says an address was already in use. */
    private boolean addressInUseSince(long from) {
        try {
            byte[] log = Files.readAllBytes(logFile);
            int start = (int) Math.min(from, log.length);
            return new String(log, start, log.length - start, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                    .contains("address already in use");
        } catch (IOException e) {
            return false;
        }
    }

    /** The log's last non-blank line (why a server gave up, for the error a test or the launcher shows). */
    private String lastLine() {
        try {
            List<String> lines = Files.readAllLines(logFile).stream().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "no output" : lines.getLast().strip();
        } catch (IOException e) {
            return "log unreadable: " + e.getMessage();
        }
    }
}
