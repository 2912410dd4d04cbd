package org.openinfusion.station.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A private Mosquitto 2.x broker on a free loopback port with its own persistence folder, so a
 * restart keeps queued QoS 1 messages of persistent sessions. Ready when its log says it listens
 * on our port and the port answers.
 */
public final class LocalMosquitto extends ManagedProcess {
    private final int port;
    private final List<Integer> morePorts;
    private final boolean tls;

    private LocalMosquitto(Path binary, Path dir, int port, List<Integer> morePorts, Path configFile, boolean tls) {
        super("mosquitto :" + port, List.of(binary.toString(), "-c", configFile.toString()), dir.resolve("mosquitto.log"));
        this.port = port;
        this.morePorts = List.copyOf(morePorts);
        this.tls = tls;
    }

    public static LocalMosquitto start(Path binary, Path dir) throws IOException {
        return start(binary, dir, List.of("allow_anonymous true"), false);
    }

    /**
     * A broker whose listener takes {@code settings} (mosquitto.conf lines) instead of {@code allow_anonymous true};
     * {@code tls}: the settings make it a TLS listener, so its URL is {@code ssl://}.
     */
    public static LocalMosquitto start(Path binary, Path dir, List<String> listenerLines, boolean tls) throws IOException {
        return start(binary, dir, listenerLines, tls, FreePort::find);
    }

    /**
     * As {@link #start(Path, Path, List, boolean)} on a port drawn from {@code ports}; a port taken before mosquitto
     * bound it is replaced by the next one drawn.
     */
    static LocalMosquitto start(Path binary, Path dir, List<String> listenerLines, boolean tls, IntSupplier ports)
            throws IOException {
        return start(binary, dir, listenerLines, tls, List.of(), ports);
    }

    /**
     * As {@link #start(Path, Path, List, boolean)} with a further listener on its own free port for each of
     * {@code moreListeners} (its mosquitto.conf lines; {@link #port(int)}). With more than one listener each keeps its
     * own security settings ({@code per_listener_settings true}).
     */
    public static LocalMosquitto start(Path binary, Path dir, List<String> listenerLines, boolean tls,
                                       List<List<String>> moreListeners) throws IOException {
        return start(binary, dir, listenerLines, tls, moreListeners, FreePort::find);
    }

    static LocalMosquitto start(Path binary, Path dir, List<String> listenerLines, boolean tls,
                                List<List<String>> moreListeners, IntSupplier ports) throws IOException {
        Files.createDirectories(dir.resolve("persistence"));
        return onFreePorts("mosquitto", ports, p -> {
            int port = p.getAsInt();
            List<Integer> more = moreListeners.stream().map(l -> p.getAsInt()).toList();
            return startOn(binary, dir, listenerLines, tls, port, moreListeners, more);
        });
    }

    private static LocalMosquitto startOn(Path binary, Path dir, List<String> listenerLines, boolean tls, int port,
                                          List<List<String>> moreListeners, List<Integer> morePorts) throws IOException {
        Path config = dir.resolve("mosquitto.conf");
        StringBuilder listeners = new StringBuilder(moreListeners.isEmpty() ? "" : "per_listener_settings true\n");
        listeners.append("listener ").append(port).append(" 127.0.0.1\n").append(String.join("\n", listenerLines));
        for (int i = 0; i < moreListeners.size(); i++) {
            listeners.append("\nlistener ").append(morePorts.get(i)).append(" 127.0.0.1\n")
                    .append(String.join("\n", moreListeners.get(i)));
        }
        Files.writeString(config, """
                %s
                user root
                persistence true
                persistence_location %s/
                autosave_interval 1
                max_queued_messages 0
                max_inflight_messages 1000
                log_dest stderr
                log_type error
                log_type warning
                log_type notice
                log_type information
                """.formatted(listeners, dir.resolve("persistence").toAbsolutePath()));
        LocalMosquitto m = new LocalMosquitto(binary, dir, port, morePorts, config, tls);
        m.start();
        return m;
    }

    /** (Re)starts on the same port and persistence folder. */
    public void start() throws IOException {
        requireFree(port);
        for (int more : morePorts) {
            requireFree(more);
        }
        long logLength = Files.exists(logFile()) ? Files.size(logFile()) : 0;
        launch(() -> listening(logLength, port) && FreePort.answers(port)
                && morePorts.stream().allMatch(p -> listening(logLength, p) && FreePort.answers(p)), Duration.ofSeconds(30));
    }

    private boolean listening(long fromByte, int onPort) {
        try {
            String log = Files.readString(logFile());
            return log.length() > fromByte && log.substring((int) Math.min(fromByte, log.length()))
                    .contains("listen socket on port " + onPort);
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The port of further listener {@code i} (0 for the first of {@code moreListeners}). */
    public int port(int i) {
        return morePorts.get(i);
    }
}
