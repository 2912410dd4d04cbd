package org.openinfusion.station.clinical.kit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The study's kit list (from the randomisation): which kit goes to which subject in which period. It holds no arm (the
 * pharmacy's sealed kit-to-arm file is {@code KitAssignments}). Format, one kit per line (docs/protocols.md):
 * <pre>
 * kit_id,subject,period
 * KIT-0042,KET-014,1
 * </pre>
 * A header line is required; blank lines and lines starting with {@code #} are skipped. Pure: the caller reads the file.
 */
public final class KitList {
    private static final Pattern KIT = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern SUBJECT = Pattern.compile("(?=.*[0-9])[A-Z0-9-]{2,32}");
    public static final String HEADER = "kit_id,subject,period";

    /** One kit: for {@code subject} in crossover {@code period} (1 for a parallel design). */
    public record Kit(String kitId, String subject, int period) {
    }

    private final Map<String, Kit> byId;

    private KitList(Map<String, Kit> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** @throws KitListException listing every bad line, by file and line number */
    public static KitList parse(String fileName, List<String> lines) {
        List<String> problems = new ArrayList<>();
        Map<String, Kit> byId = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> kitOfSubjectPeriod = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    problems.add(fileName + " line " + n + ": expected the header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                problems.add(fileName + " line " + n + ": expected 3 fields (kit_id,subject,period), got " + f.length);
                continue;
            }
            String kit = f[0].strip();
            String subject = f[1].strip();
            String period = f[2].strip();
            if (!KIT.matcher(kit).matches()) {
                problems.add(fileName + " line " + n + ": kit id must be 1-32 letters, digits or dashes");
                continue;
            }
            if (!SUBJECT.matcher(subject).matches()) {
                problems.add(fileName + " line " + n + ": subject must be a study code (upper-case letters, digits, dashes, "
                        + "at least one digit)");
                continue;
            }
            if (!period.matches("[1-9][0-9]?")) {
                problems.add(fileName + " line " + n + ": period must be a whole number 1-99, got '" + period + "'");
                continue;
            }
            if (byId.containsKey(kit)) {
                problems.add(fileName + " line " + n + ": kit " + kit + " already listed on line " + lineOf.get(kit));
                continue;
            }
            Kit k = new Kit(kit, subject, Integer.parseInt(period));
            String slot = subject + "#" + k.period();
            if (kitOfSubjectPeriod.containsKey(slot)) {
                problems.add(fileName + " line " + n + ": " + subject + " period " + k.period() + " already has kit "
                        + kitOfSubjectPeriod.get(slot));
                continue;
            }
            byId.put(kit, k);
            lineOf.put(kit, n);
            kitOfSubjectPeriod.put(slot, kit);
        }
        if (!header) {
            problems.add(fileName + ": empty (expected the header '" + HEADER + "' and one kit per line)");
        }
        if (!problems.isEmpty()) {
            throw new KitListException(problems);
        }
        return new KitList(byId);
    }

    public Optional<Kit> kit(String kitId) {
        return Optional.ofNullable(byId.get(kitId));
    }

    public int size() {
        return byId.size();
    }

    /**
     * The check when a session is created: the kit is on the list, assigned to this subject, for the subject's next
     * period (counted over dosed sessions), and not named by an earlier session.
     * @param usedKits kit ids named by the subject's and every other earlier session
     * @param dosedSessions how many sessions of this subject were dosed (an aborted session before dosing does not count)
     * @throws IllegalArgumentException naming the problem
     */
    public Kit requireUsable(String kitId, String subject, Collection<String> usedKits, int dosedSessions) {
        Objects.requireNonNull(kitId, "kitId");
        Kit k = kit(kitId).orElseThrow(() -> new IllegalArgumentException("kit " + kitId + " is not on the kit list"));
        if (usedKits.contains(kitId)) {
            throw new IllegalArgumentException("kit " + kitId + " was already used by another session");
        }
        if (!k.subject().equals(subject)) {
            throw new IllegalArgumentException("kit " + kitId + " is assigned to another subject");
        }
        int period = CrossoverPeriod.next(dosedSessions);
        if (k.period() != period) {
            throw new IllegalArgumentException("kit " + kitId + " is for period " + k.period() + "; " + subject + " is due period "
                    + period + " (" + dosedSessions + " dosed session" + (dosedSessions == 1 ? "" : "s") + ")");
        }
        return k;
    }

    @Override
    public String toString() {
        return "KitList[" + byId.size() + " kits]";
    }
}
