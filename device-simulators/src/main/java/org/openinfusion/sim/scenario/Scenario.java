package org.openinfusion.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.sim.signal.BedEvent;

/**
 * A timeline of events per bed, read from YAML (docs/simulation.md, "Writing a scenario"):
 * <pre>
 * name: hypertension
 * title: Hypertension during the infusion
 * description: SBP climbs over the hold limit at minute 25
 * timeline:
 *   "*":                       # every bed (or a bed id such as bed-02)
 *     - {at: 0s, action: program-pump, rate: 150, vtbi: 100}
 *     - {at: 0s, action: start-pump}
 *     - {at: 25m, action: change, vital: sbp, to: 185, over: 2m, hold: 15m}
 * </pre>
 * Times count from the moment the scenario starts on a bed. Everything random comes from the bed's
 * seed, so a scenario replays identically for the same seed.
 *
 * @param name short name (the file name without {@code .yaml} for shipped ones)
 * @param title what people call it, for screens ("Pump occlusion at minute 15"); the name in words when the file has none
 * @param description one line for people
 * @param timeline events per bed id, {@code *} for every bed; a bed with its own list gets both
 */
public record Scenario(String name, String title, String description, Map<String, List<BedEvent.Timed>> timeline) {

    /** The scenarios shipped in the jar, by name. */
    public static final List<String> SHIPPED = List.of("uneventful", "hypertension", "desaturation", "pump-occlusion",
            "device-failures");
    public static final String EVERY_BED = "*";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public Scenario {
        timeline = Map.copyOf(timeline);
    }

    /** The events for {@code bedId}: its own and those for every bed, in time order. */
    public List<BedEvent.Timed> eventsFor(String bedId) {
        List<BedEvent.Timed> events = new ArrayList<>(timeline.getOrDefault(EVERY_BED, List.of()));
        events.addAll(timeline.getOrDefault(bedId, List.of()));
        events.sort(Comparator.comparingDouble(BedEvent.Timed::seconds));
        return events;
    }

    /** The same scenario without pump programming and starting (a nurse or the demo does that). */
    public Scenario withoutPumpStart() {
        Map<String, List<BedEvent.Timed>> kept = new LinkedHashMap<>();
        timeline.forEach((bed, events) -> kept.put(bed, events.stream()
                .filter(e -> !(e.event() instanceof BedEvent.ProgramPump) && !(e.event() instanceof BedEvent.StartPump))
                .toList()));
        return new Scenario(name, title, description, kept);
    }

    /** A shipped scenario by name, or a YAML file when {@code nameOrPath} ends in .yaml / .yml. */
    public static Scenario load(String nameOrPath) {
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
            Path file = Path.of(nameOrPath);
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, file.toString());
            } catch (IOException e) {
                throw new ScenarioException("cannot read scenario " + file + ": " + e.getMessage(), e);
            }
        }
        if (!SHIPPED.contains(nameOrPath)) {
            throw new ScenarioException("no scenario '" + nameOrPath + "'; shipped: " + SHIPPED + " (or a .yaml file)");
        }
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + nameOrPath + ".yaml")) {
            if (in == null) {
                throw new ScenarioException("scenario " + nameOrPath + " is missing from the jar");
            }
            return parse(in, nameOrPath);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + nameOrPath + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML; {@code source} names it in error messages. */
    public static Scenario parse(InputStream yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ScenarioException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + ": a scenario is a mapping with name, description and timeline");
        }
        String name = root.path("name").asText(source);
        JsonNode timeline = root.get("timeline");
        if (timeline == null || !timeline.isObject() || timeline.isEmpty()) {
            throw new ScenarioException(source + ": 'timeline' must map bed ids (or \"*\") to lists of events");
        }
        Map<String, List<BedEvent.Timed>> beds = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = timeline.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> bed = it.next();
            if (!bed.getValue().isArray()) {
                throw new ScenarioException(source + ": timeline of " + bed.getKey() + " must be a list of events");
            }
            List<BedEvent.Timed> events = new ArrayList<>();
            int index = 0;
            for (JsonNode node : bed.getValue()) {
                index++;
                try {
                    events.add(new BedEvent.Timed(EventParser.seconds(node, "at", null), EventParser.parse(node)));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException(source + ": " + bed.getKey() + " event " + index + ": " + e.getMessage(), e);
                }
            }
            beds.put(bed.getKey(), events);
        }
        String title = root.path("title").asText("").isBlank() ? words(name) : root.path("title").asText().strip();
        return new Scenario(name, title, root.path("description").asText(""), beds);
    }

    /** A name in words, for a scenario file without a title: "pump-occlusion" reads "Pump occlusion". */
    static String words(String name) {
        String w = name.replace('-', ' ').replace('_', ' ').strip();
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
