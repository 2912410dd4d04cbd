package org.openinfusion.station.clinical.protocol.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ProtocolException;

/** The protocols shipped with the station (resources/protocols) plus any site folder of *.yaml files. */
public final class ProtocolCatalog {
    private final Map<String, Protocol> byKey = new LinkedHashMap<>();

    private ProtocolCatalog() {
    }

    public static ProtocolCatalog builtIn() {
        ProtocolCatalog c = new ProtocolCatalog();
        try (InputStream index = resource("index.txt")) {
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                try (InputStream in = resource(name)) {
                    c.add(ProtocolLoader.load("protocols/" + name, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** Adds every *.yaml protocol in {@code dir}; a site file may not reuse a shipped id and version. */
    public ProtocolCatalog withFolder(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    add(ProtocolLoader.load(p.toString(), in));
                }
            }
        }
        return this;
    }

    private void add(Protocol p) {
        String key = p.id() + "@" + p.version();
        if (byKey.putIfAbsent(key, p) != null) {
            throw new ProtocolException(p.id(), "version", "protocol " + key + " is defined twice");
        }
    }

    /** The newest version of a protocol. */
    public Optional<Protocol> latest(String id) {
        return byKey.values().stream().filter(p -> p.id().equals(id)).max(Comparator.comparingInt(Protocol::version));
    }

    public Optional<Protocol> get(String id, int version) {
        return Optional.ofNullable(byKey.get(id + "@" + version));
    }

    public List<Protocol> all() {
        return List.copyOf(byKey.values());
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ProtocolCatalog.class.getResourceAsStream("/protocols/" + name);
        if (in == null) {
            throw new IOException("protocols/" + name + " missing from the class path");
        }
        return in;
    }
}
