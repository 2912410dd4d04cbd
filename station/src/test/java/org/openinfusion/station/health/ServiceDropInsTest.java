package org.openinfusion.station.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openinfusion.testing.TempFolders;

/**
 * The drop-ins shipped for Debian's mosquitto and influxdb units (ops/systemd, docs/operations.md "Service units") are
 * read by systemd with the package's own unit and pass {@code systemd-analyze verify} without a warning; a key systemd
 * does not know in the same drop-in is reported, so the drop-in is indeed what was checked.
 */
class ServiceDropInsTest {
    /** The unit and its drop-in in a folder of their own, as /etc/systemd/system would hold them. */
    private static Path layout(Path dir, String service, String extra) throws IOException {
        Path unit = Path.of("/lib/systemd/system", service + ".service");
        assertTrue(Files.exists(unit), unit + " (Debian's " + service + " package, installed by bin/run-tests)");
        Files.copy(unit, dir.resolve(service + ".service"));
        Path dropIns = Files.createDirectory(dir.resolve(service + ".service.d"));
        String conf = Files.readString(Path.of("../ops/systemd/" + service + ".service.d-hardening.conf"));
        return Files.writeString(dropIns.resolve("hardening.conf"), conf + extra);
    }

    /** {@code systemd-analyze verify} of the unit by name, the folder first on the unit path; its exit code and output. */
    private static List<String> verify(Path dir, String service) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("systemd-analyze", "verify", "--man=no", service + ".service").redirectErrorStream(true);
        pb.environment().put("SYSTEMD_UNIT_PATH", dir + ":");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return List.of(String.valueOf(p.exitValue()), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "influxdb"})
    void theDropInPassesSystemdAnalyzeVerifyWithThePackagesUnit(String service) throws Exception {
        Path dir = TempFolders.deletedOnExit("dropin-");
        try {
            Path conf = layout(dir, service, "");
            List<String> clean = verify(dir, service);
            assertEquals("0", clean.get(0), clean.get(1));
            assertEquals("", clean.get(1).lines().filter(l -> l.contains("hardening.conf") || l.contains(service + ".service"))
                    .collect(Collectors.joining("\n")), "no warning about the unit or its drop-in");

            Files.writeString(conf, "Restart=sometimes\nMemoryMaxx=1G\n", StandardOpenOption.APPEND);
            String broken = verify(dir, service).get(1);
            assertTrue(broken.contains("hardening.conf") && broken.contains("MemoryMaxx"), "the drop-in is read: " + broken);
        } finally {
            TempFolders.deleteTree(dir);
        }
    }
}
