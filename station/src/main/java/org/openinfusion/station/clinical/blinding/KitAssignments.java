package org.openinfusion.station.clinical.blinding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.SealedArms;

/**
 * The pharmacy's randomisation list: kit id -> arm code, from a site file the unblinded pharmacist
 * provides ({@code KIT-0042,A} per line, {@code #} comments). Held sealed: nothing here is ever shown
 * or logged; only {@link UnblindingService} reads it.
 */
public final class KitAssignments {
    private final Map<String, String> armByKit;

    private KitAssignments(Map<String, String> armByKit) {
        this.armByKit = Map.copyOf(armByKit);
    }

    public static KitAssignments load(Path file, SealedArms arms) throws IOException {
        return load(file, List.of(arms));
    }

    /** A file for a station running several protocols: each arm code must be one of some protocol's arms. */
    public static KitAssignments load(Path file, Collection<SealedArms> armsOfProtocols) throws IOException {
        Map<String, String> map = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 2 || !parts[0].trim().matches("[A-Za-z0-9-]{1,32}")) {
                throw new IOException(file + " line " + (i + 1) + ": expected 'KIT-ID,ARM-CODE'");
            }
            if (armsOfProtocols.stream().noneMatch(a -> a.hasCode(parts[1].trim()))) {
                throw new IOException(file + " line " + (i + 1) + ": arm code is not one of the protocol's arms");
            }
            if (map.put(parts[0].trim(), parts[1].trim()) != null) {
                throw new IOException(file + " line " + (i + 1) + ": kit listed twice");
            }
        }
        return new KitAssignments(map);
    }

    /** No kits: every unblinding finds its kit missing. */
    public static KitAssignments none() {
        return new KitAssignments(Map.of());
    }

    Optional<String> armCode(String kitId) {
        return Optional.ofNullable(armByKit.get(kitId));
    }

    public boolean knows(String kitId) {
        return armByKit.containsKey(kitId);
    }

    @Override
    public String toString() {
        return "KitAssignments[" + armByKit.size() + " kits, sealed]";
    }
}
