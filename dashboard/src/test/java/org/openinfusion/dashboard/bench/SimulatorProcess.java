package org.openinfusion.dashboard.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openinfusion.sim.Pacing;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.Conditions;

/**
 * The simulated beds of the capacity benchmark, in a JVM of their own so that the station's heap and
 * GC figures are the station's alone. The parent talks to the child over its stdin and stdout, one
 * line per request; the child's answers start with {@code @} (its log goes to stderr, into a file).
 * The child exits when its stdin closes, so it never outlives the benchmark.
 */
final class SimulatorProcess implements AutoCloseable {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final PrintWriter toChild;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path logFile;

    /** What the simulator offered and whether the broker acknowledged all of it. */
    record Offered(Map<String, Map<String, Long>> produced, boolean allAcknowledged, boolean failed,
                   long publishedMessages, long acknowledgedMessages) {
        long total() {
            return produced.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Counters summed over every bed, and how far the slowest running bed set lags behind the clock, beyond the least
     * lag it ever had (its constant start-up offset).
     */
    record Status(long publishedValues, long acknowledgedValues, long outstandingMessages, long lagMillis) {
    }

    private SimulatorProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        this.toChild = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("@")) {
                        replies.add(line.substring(1));
                    }
                }
            } catch (IOException e) {
                // the child went away: requests time out with its log named
            }
        }, "capacity-sim-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child JVM (same Java and class path as this one) publishing to {@code brokerUrl}. */
    static SimulatorProcess start(String brokerUrl, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path logback = dir.resolve("simulator-logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %-20logger{0} %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.eclipse.paho" level="WARN"/>
                  <root level="INFO"><appender-ref ref="ERR"/></root>
                </configuration>
                """);
        Path log = dir.resolve("simulator.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx2g", "-XX:+UseParallelGC", "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"), SimulatorProcess.class.getName(), brokerUrl)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        SimulatorProcess sim = new SimulatorProcess(p, log);
        try {
            sim.request("hello", "hello");
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
        return sim;
    }

    /**
     * Adds {@code beds} beds named {@code {prefix}-01...}, publishing in real time from now until {@code end}; returns
     * once every device connected.
     */
    synchronized void addBeds(String prefix, int beds, long seed, Instant end) throws IOException, InterruptedException {
        request("add " + prefix + " " + beds + " " + seed + " " + end.toEpochMilli(), "added");
    }

    /** The same with the pumps idle (they report their status but infuse nothing), as beds before an infusion starts. */
    synchronized void addBedsWithIdlePumps(String prefix, int beds, long seed, Instant end) throws IOException, InterruptedException {
        request("add " + prefix + " " + beds + " " + seed + " " + end.toEpochMilli() + " idle", "added");
    }

    /**
     * Applies a change of one vital sign on one bed now (the simulated patient's conditions, as a scenario step does):
     * {@code target} reached over {@code rampSeconds}, held {@code holdSeconds}, then back to the patient's own course.
     */
    synchronized void change(String bed, Conditions.Vital vital, double target, double rampSeconds, double holdSeconds)
            throws IOException, InterruptedException {
        request("change " + bed + " " + vital + " " + target + " " + rampSeconds + " " + holdSeconds, "changed");
    }

    /** Turns a measurement fault of {@code bed}'s monitor on for {@code seconds} (MONITOR_UNPLUGGED: it sends nothing). */
    synchronized void artefact(String bed, Conditions.Artefact artefact, double seconds) throws IOException, InterruptedException {
        request("artefact " + bed + " " + artefact + " " + seconds, "artefact");
    }

    /**
     * When the simulator handed each of {@code slots} to its MQTT client ({@code bed@emitMillis}: a bed's chunks ending at
     * that device time, HandOverTimes): epoch milliseconds per slot, absent when it has no record of it.
     */
    synchronized Map<String, Long> handOvers(Collection<String> slots) throws IOException, InterruptedException {
        Map<String, Long> out = new HashMap<>();
        List<String> all = List.copyOf(slots);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            String[] times = request("handovers " + String.join(" ", part), "handovers").split(" ");
            for (int i = 0; i < part.size(); i++) {
                long at = Long.parseLong(times[i + 1]);
                if (at >= 0) {
                    out.put(part.get(i), at);
                }
            }
        }
        return out;
    }

    synchronized Status status() throws IOException, InterruptedException {
        String[] p = request("status", "status").split(" ");
        return new Status(Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4]));
    }

    /**
     * Waits for every bed to reach its end, then for the broker to acknowledge everything published
     * (up to {@code ackTimeout}), and returns what was produced per bed and stream.
     */
    synchronized Offered finish(Duration ackTimeout) throws IOException, InterruptedException {
        toChild.println("finish " + ackTimeout.toSeconds());
        Map<String, Map<String, Long>> produced = new TreeMap<>();
        Duration timeout = ackTimeout.plus(Duration.ofMinutes(3));
        while (true) {
            String line = next(timeout);
            String[] p = line.split(" ");
            switch (p[0]) {
                case "produced" -> produced.computeIfAbsent(p[1], b -> new TreeMap<>()).put(p[2], Long.parseLong(p[3]));
                case "finished" -> {
                    return new Offered(produced, Boolean.parseBoolean(p[1]), Boolean.parseBoolean(p[2]),
                            Long.parseLong(p[3]), Long.parseLong(p[4]));
                }
                case "error" -> throw new IOException("simulator: " + line.substring(6) + " (log: " + logFile + ")");
                default -> throw new IOException("simulator answered '" + line + "' (log: " + logFile + ")");
            }
        }
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    private String request(String line, String expected) throws IOException, InterruptedException {
        toChild.println(line);
        String reply = next(REPLY_TIMEOUT);
        if (!reply.equals(expected) && !reply.startsWith(expected + " ")) {
            throw new IOException("simulator answered '" + reply + "' to '" + line + "' (log: " + logFile + ")");
        }
        return reply;
    }

    private String next(Duration timeout) throws IOException, InterruptedException {
        String reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new IOException("simulator process " + (process.isAlive() ? "did not answer within " + timeout
                    : "exited with code " + process.exitValue()) + " (log: " + logFile + ")");
        }
        return reply;
    }

    /** Asks the child to stop (it closes its beds), and kills it if it has not gone after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        toChild.println("quit");
        toChild.close();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    // ---- the child side ----

    /** {@code SimulatorProcess BROKER_URL}: reads requests from stdin until {@code quit} or end of input. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but answers on stdout
        String broker = args[0];
        List<SimulatedBeds> sims = new ArrayList<>();
        Map<SimulatedBeds, Instant> ends = new HashMap<>();
        Map<SimulatedBeds, Long> leastLag = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line; (line = in.readLine()) != null; ) {
                String[] p = line.trim().split(" ");
                try {
                    switch (p[0]) {
                        case "hello" -> out.println("@hello");
                        case "add" -> {
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                            Instant end = Instant.ofEpochMilli(Long.parseLong(p[4]));
                            SimulatedBeds sim = SimulatedBeds.start(SimulatorConfig.defaults(broker)
                                    .withBedPrefix(p[1])
                                    .withBeds(Integer.parseInt(p[2]))
                                    .withSeed(Long.parseLong(p[3]))
                                    .withStart(now)
                                    .withDuration(Duration.between(now, end))
                                    .withPacing(Pacing.REAL_TIME)
                                    .withIdlePumps(p.length > 5 && "idle".equals(p[5]))
                                    .withProgressInterval(Duration.ofSeconds(30)));
                            sims.add(sim);
                            ends.put(sim, end);
                            out.println(sim.awaitConnected(Duration.ofSeconds(60)) ? "@added"
                                    : "@error not every device of " + p[1] + " connected within 60 s");
                        }
                        case "change" -> {
                            BedEvent event = new BedEvent.Change(Conditions.Vital.valueOf(p[2]), Double.parseDouble(p[3]),
                                    Double.parseDouble(p[4]), Double.parseDouble(p[5]));
                            SimulatedBeds sim = sims.stream().filter(x -> x.bedIds().contains(p[1])).findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException("no bed " + p[1]));
                            sim.apply(p[1], event);
                            out.println("@changed");
                        }
                        case "artefact" -> {
                            SimulatedBeds sim = sims.stream().filter(x -> x.bedIds().contains(p[1])).findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException("no bed " + p[1]));
                            sim.apply(p[1], new BedEvent.ArtefactOn(Conditions.Artefact.valueOf(p[2]), Double.parseDouble(p[3])));
                            out.println("@artefact");
                        }
                        case "handovers" -> {
                            StringBuilder reply = new StringBuilder("@handovers");
                            for (int i = 1; i < p.length; i++) {
                                String bed = p[i].substring(0, p[i].indexOf('@'));
                                long emit = Long.parseLong(p[i].substring(p[i].indexOf('@') + 1));
                                long at = sims.stream().filter(x -> x.bedIds().contains(bed)).findFirst()
                                        .map(x -> x.delivery().handOvers().of(bed, emit).orElse(-1)).orElse(-1L);
                                reply.append(' ').append(at);
                            }
                            out.println(reply);
                        }
                        case "status" -> {
                            long published = 0;
                            long acked = 0;
                            long outstanding = 0;
                            long lag = 0;
                            Instant now = Instant.now();
                            for (SimulatedBeds sim : sims) {
                                published += sim.delivery().publishedValues();
                                acked += sim.delivery().acknowledgedValues();
                                outstanding += sim.delivery().outstanding();
                                Instant wanted = now.isBefore(ends.get(sim)) ? now : ends.get(sim);
                                long behind = Duration.between(sim.simulatedUntil(), wanted).toMillis();
                                // the part above the least ever seen: the start-up offset of a bed set is not lag
                                long least = leastLag.merge(sim, behind, Math::min);
                                lag = Math.max(lag, behind - least);
                            }
                            out.println("@status " + published + " " + acked + " " + outstanding + " " + lag);
                        }
                        case "finish" -> {
                            Duration ackTimeout = Duration.ofSeconds(Long.parseLong(p[1]));
                            boolean failed = false;
                            boolean acknowledged = true;
                            long published = 0;
                            long acked = 0;
                            for (SimulatedBeds sim : sims) {
                                Duration toEnd = Duration.between(Instant.now(), ends.get(sim)).plusMinutes(2);
                                failed |= !sim.awaitFinished(toEnd.isNegative() ? Duration.ofMinutes(2) : toEnd) || sim.hasFailed();
                            }
                            for (SimulatedBeds sim : sims) {
                                acknowledged &= sim.awaitDelivered(ackTimeout);
                                published += sim.publishedMessages();
                                acked += sim.acknowledgedMessages();
                            }
                            for (SimulatedBeds sim : sims) {
                                for (String bed : sim.bedIds()) {
                                    for (String stream : sim.producedCounts().keySet()) {
                                        out.println("@produced " + bed + " " + stream + " " + sim.produced(bed, stream));
                                    }
                                }
                            }
                            sims.forEach(SimulatedBeds::close);
                            sims.clear();
                            out.println("@finished " + acknowledged + " " + failed + " " + published + " " + acked);
                        }
                        case "quit" -> {
                            return;
                        }
                        default -> out.println("@error unknown request " + line);
                    }
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    out.println("@error " + e);
                }
            }
        } finally {
            sims.forEach(SimulatedBeds::close);
            System.exit(0);
        }
    }
}
