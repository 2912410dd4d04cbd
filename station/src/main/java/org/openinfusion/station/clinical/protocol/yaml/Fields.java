package org.openinfusion.station.clinical.protocol.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.openinfusion.station.clinical.protocol.ProtocolException;

/** Reads one object of a protocol file, knowing its path, so every error can name the field. */
final class Fields {
    private final String file;
    private final String path;
    private final JsonNode node;

    Fields(String file, String path, JsonNode node, Set<String> allowed) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw error("", "must be a mapping (key: value lines)");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    ProtocolException error(String field, String problem) {
        String full = path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
        return new ProtocolException(file, full, problem);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw error(field, "must be a non-empty text");
        }
        return v.textValue().trim();
    }

    double number(String field, double min, double max) {
        JsonNode v = required(field);
        if (!v.isNumber()) {
            throw error(field, "must be a number, got '" + v.asText() + "'");
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw error(field, "must be between " + min + " and " + max + ", got " + d);
        }
        return d;
    }

    OptionalDouble optionalNumber(String field, double min, double max) {
        return has(field) ? OptionalDouble.of(number(field, min, max)) : OptionalDouble.empty();
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, got '" + v.asText() + "'");
        }
        return v.booleanValue();
    }

    int integer(String field, int min, int max) {
        double d = number(field, min, max);
        if (d != Math.rint(d)) {
            throw error(field, "must be a whole number, got " + d);
        }
        return (int) d;
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String v = text(field);
        String constant = v.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, constant);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw error(field, "'" + v + "' is not one of " + names);
        }
    }

    Fields object(String field, Set<String> allowed) {
        return new Fields(file, path.isEmpty() ? field : path + "." + field, required(field), allowed);
    }

    List<Fields> objects(String field, Set<String> allowed) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw error(field, "must be a list");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Fields(file, (path.isEmpty() ? field : path + "." + field) + "[" + i + "]", v.get(i), allowed));
        }
        return out;
    }

    List<String> texts(String field) {
        JsonNode v = required(field);
        if (!v.isArray() || v.isEmpty()) {
            throw error(field, "must be a non-empty list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw error(field, "must list texts");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private JsonNode required(String field) {
        if (!has(field)) {
            throw error(field, "is missing");
        }
        return node.get(field);
    }
}
