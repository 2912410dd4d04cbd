package org.openinfusion.station.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process this station started itself: output to a log file in its folder, readiness
 * polling and graceful stop (SIGTERM, then SIGKILL after a grace period). It stops only the process
 * it started; the owner stops it in order at shut-down (the launchers' shutdown hooks do).
 */
public class ManagedProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private Process process;

    protected ManagedProcess(String name, List<String> command, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    /** Starts the process and waits until {@code ready} holds; fails if it exits or times out first. */
    protected synchronized void launch(BooleanSupplier ready, Duration timeout) throws IOException {
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " during start-up (" + lastLine()
                        + "); see " + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw new IOException(name + " was not ready within " + timeout + "; see " + logFile);
            }
            sleep(50);
        }
        LOG.info("{} started (pid {}), log {}", name, process.pid(), logFile);
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Stops gracefully (SIGTERM), forcibly after 15 s. Safe to call twice. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
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
