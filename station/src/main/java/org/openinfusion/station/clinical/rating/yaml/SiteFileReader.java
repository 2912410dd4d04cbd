package org.openinfusion.station.clinical.rating.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openinfusion.station.clinical.rating.Instrument;

/**
 * Reads a site file ({@code .properties}, or {@code .yaml}/{@code .yml} with nested keys) into flat
 * "a.b.c" keys, then checks it against the catalog ({@link SiteFileRules}). Format: docs/instruments.md.
 */
public final class SiteFileReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SiteFileReader() {
    }

    /** @throws SiteFileException listing every problem (file, key, what is wrong) */
    public static SiteFile read(Path file, Map<String, Instrument> instruments) {
        List<SiteProblem> problems = new ArrayList<>();
        Map<String, String> flat = new LinkedHashMap<>();
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                readYaml(file, flat, problems);
            } else {
                readProperties(file, flat, problems);
            }
        } catch (IOException e) {
            throw new SiteFileException(List.of(new SiteProblem(file, "", "cannot read: " + e.getMessage())));
        }
        SiteFile site = SiteFileRules.check(file, flat, instruments, problems);
        if (!problems.isEmpty()) {
            throw new SiteFileException(problems);
        }
        return site;
    }

    private static void readProperties(Path file, Map<String, String> flat, List<SiteProblem> problems)
            throws IOException {
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    problems.add(new SiteProblem(file, key.toString(), "given twice"));
                }
                return super.put(key, value);
            }
        };
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        p.stringPropertyNames().stream().sorted().forEach(k -> flat.put(k.trim(), p.getProperty(k)));
    }

    private static void readYaml(Path file, Map<String, String> flat, List<SiteProblem> problems)
            throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(new SiteProblem(file, "", "not valid YAML: " + e.getOriginalMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(new SiteProblem(file, "", "top level must be a mapping of instrument ids"));
            return;
        }
        flatten("", root, flat, file, problems);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat, Path file,
                                List<SiteProblem> problems) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), flat, file, problems));
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            flat.put(prefix, String.join(", ", parts));
        } else if (node.isNull()) {
            problems.add(new SiteProblem(file, prefix, "has no value"));
        } else {
            flat.put(prefix, node.asText());
        }
    }
}
