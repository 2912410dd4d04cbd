package org.openinfusion.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.sim.signal.Bag;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.Conditions.Artefact;
import org.openinfusion.sim.signal.Conditions.Vital;
import org.openinfusion.sim.signal.Drug;
import org.openinfusion.sim.signal.PumpAlarm;

/**
 * Reads one event, as written in a scenario file or sent on the control channel (the same JSON
 * or YAML object): {@code {action: change, vital: sbp, to: 185, over: 2m, hold: 15m}}. Every
 * mistake is a {@link ScenarioException} naming the field. The actions are listed in
 * docs/simulation.md.
 */
public final class EventParser {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");
    private static final Set<String> ACTIONS = Set.of("program-pump", "start-pump", "resume-pump", "pause-pump",
            "stop-pump", "pump-alarm", "clear-pump-alarm", "change", "apnoea", "artefact", "emergence", "clear");

    private EventParser() {
    }

    public static BedEvent parse(JsonNode node) {
        String action = text(node, "action").toLowerCase(Locale.ROOT);
        return switch (action) {
            case "program-pump" -> new BedEvent.ProgramPump(number(node, "rate"), number(node, "vtbi"), bag(node));
            case "start-pump", "resume-pump" -> new BedEvent.StartPump();
            case "pause-pump" -> new BedEvent.PausePump();
            case "stop-pump" -> new BedEvent.StopPump();
            case "pump-alarm" -> new BedEvent.PumpFault(alarm(text(node, "alarm")));
            case "clear-pump-alarm" -> new BedEvent.ClearPumpAlarm();
            case "change" -> new BedEvent.Change(vital(text(node, "vital")), number(node, "to"),
                    seconds(node, "over", "0s"), node.has("hold") ? seconds(node, "hold", null) : Double.POSITIVE_INFINITY);
            case "apnoea" -> new BedEvent.Apnoea(seconds(node, "for", null));
            case "artefact" -> new BedEvent.ArtefactOn(artefact(text(node, "type")),
                    node.has("for") ? seconds(node, "for", null) : Double.POSITIVE_INFINITY);
            case "emergence" -> new BedEvent.EmergenceReaction(seconds(node, "for", "5m"));
            case "clear" -> new BedEvent.ClearConditions();
            default -> throw new ScenarioException("unknown action '" + action + "'; one of " + ACTIONS);
        };
    }

    /** {@code 90s}, {@code 2m}, {@code 1.5h}, {@code 500ms}, or ISO {@code PT2M}, in seconds. */
    public static double duration(String text) {
        String trimmed = text.trim();
        Matcher m = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double value = Double.parseDouble(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> value / 1000;
                case "s" -> value;
                case "m", "min" -> value * 60;
                default -> value * 3600;
            };
        }
        try {
            return Duration.parse(trimmed).toNanos() / 1e9;
        } catch (DateTimeParseException e) {
            throw new ScenarioException("'" + text + "' is not a duration (e.g. 30s, 2m, 1h)");
        }
    }

    static double seconds(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new ScenarioException("'" + field + "' is missing (a duration such as 30s or 2m)");
            }
            return duration(fallback);
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return duration(value.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new ScenarioException("'" + field + "' is missing");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new ScenarioException("'" + field + "' must be a number");
        }
        return value.asDouble();
    }

    /** {@code drug} (ketamine, midazolam, saline) and {@code mgPerKg}, or null when no bag is named. */
    private static Bag bag(JsonNode node) {
        if (!node.has("drug")) {
            if (node.has("mgPerKg")) {
                throw new ScenarioException("'mgPerKg' needs a 'drug'");
            }
            return null;
        }
        Drug drug;
        try {
            drug = Drug.parse(text(node, "drug"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("unknown drug '" + node.get("drug").asText() + "'; one of ketamine, midazolam, saline");
        }
        if (drug == Drug.SALINE) {
            return Bag.saline();
        }
        try {
            return new Bag(drug, number(node, "mgPerKg"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("'mgPerKg' " + e.getMessage());
        }
    }

    private static Vital vital(String text) {
        try {
            return Vital.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("unknown vital '" + text + "'; one of sbp, hr, spo2, rr, etco2");
        }
    }

    private static Artefact artefact(String text) {
        try {
            return Artefact.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("unknown artefact '" + text
                    + "'; one of pleth-motion, lead-off, sensor-off, cuff-failure, monitor-unplugged");
        }
    }

    private static PumpAlarm alarm(String text) {
        try {
            PumpAlarm alarm = PumpAlarm.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (alarm == PumpAlarm.NONE) {
                throw new IllegalArgumentException("none");
            }
            return alarm;
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("unknown pump alarm '" + text
                    + "'; one of occlusion, air-in-line, door-open, near-end, end-of-infusion, battery-low, other");
        }
    }
}
