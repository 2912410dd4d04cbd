package org.openinfusion.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.sim.signal.Bag;
import org.openinfusion.sim.signal.Drug;

/**
 * The simulated unblinded pharmacist's preparations: which bag each kit holds, from a file with one
 * kit a line, {@code KIT-0042,midazolam,0.025} ({@code ketamine}, {@code midazolam} or
 * {@code saline}, then mg/kg; {@code #} starts a comment). It lives in the simulator only, so a
 * simulated bed follows a session's sealed arm while the station never learns it; nothing here is
 * logged, and a mistake names the line, never the content. A kit the file does not list gets no
 * bag of its own (the bed keeps its default ketamine bag).
 */
public final class Pharmacy {

    private final Map<String, Bag> bags;

    private Pharmacy(Map<String, Bag> bags) {
        this.bags = Map.copyOf(bags);
    }

    /** No preparations: every bed keeps its default bag. */
    public static Pharmacy none() {
        return new Pharmacy(Map.of());
    }

    public static Pharmacy load(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** {@code lines} of a file called {@code name}; throws {@link IllegalArgumentException} naming the bad line. */
    public static Pharmacy parse(String name, List<String> lines) {
        Map<String, Bag> bags = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",", -1);
            String where = name + " line " + (i + 1);
            if (parts.length != 3 || !parts[0].trim().matches("[A-Za-z0-9-]{1,32}")) {
                throw new IllegalArgumentException(where + ": expected 'KIT-ID,DRUG,MG-PER-KG'");
            }
            Bag bag;
            try {
                Drug drug = Drug.parse(parts[1]);
                bag = drug == Drug.SALINE ? Bag.saline() : new Bag(drug, Double.parseDouble(parts[2].trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": drug must be ketamine, midazolam or saline and the dose 0-5 mg/kg");
            }
            if (bags.put(parts[0].trim(), bag) != null) {
                throw new IllegalArgumentException(where + ": kit listed twice");
            }
        }
        return new Pharmacy(bags);
    }

    /** The bag prepared for {@code kitId}, if the pharmacy prepared one. */
    public Optional<Bag> bagFor(String kitId) {
        return Optional.ofNullable(bags.get(kitId));
    }

    @Override
    public String toString() {
        return "Pharmacy[" + bags.size() + " kits, sealed]";
    }
}
