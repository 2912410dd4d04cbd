package org.openinfusion.station.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds a server binary by path or by name on PATH (and the sbin folders Debian uses). */
public final class Binaries {
    private Binaries() {
    }

    public static Optional<Path> find(String nameOrPath, String pathVariable) {
        if (nameOrPath.contains("/")) {
            Path p = Path.of(nameOrPath);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<String> dirs = new ArrayList<>(List.of(pathVariable == null ? new String[0] : pathVariable.split(":")));
        dirs.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return dirs.stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, nameOrPath))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
