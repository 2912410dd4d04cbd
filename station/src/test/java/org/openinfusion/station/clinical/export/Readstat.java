package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a SAS transport file with Debian's readstat (an independent reader, installed by bin/run-tests): its
 * variables (converted by readstat to an SPSS file whose metadata its extract_metadata prints as JSON) and its values
 * (readstat's CSV).
 */
final class Readstat {
    record Variable(String name, String label, boolean numeric) {
    }

    record Read(String table, String label, List<Variable> variables, CsvTable values) {
    }

    private Readstat() {
    }

    static Read read(Path xpt, Path work) throws IOException, InterruptedException {
        String summary = run(work, "readstat", xpt.toString());
        String table = line(summary, "Table name: ");
        String label = line(summary, "Table label: ");
        Path sav = work.resolve(xpt.getFileName() + ".sav");
        Path json = work.resolve(xpt.getFileName() + ".json");
        run(work, "readstat", xpt.toString(), sav.toString());
        run(work, "extract_metadata", sav.toString(), json.toString());
        List<Variable> variables = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(json.toFile()).get("variables")) {
            variables.add(new Variable(v.get("name").asText(), v.path("label").asText(""), v.get("type").asText().equals("NUMERIC")));
        }
        String csv = run(work, "readstat", xpt.toString(), "-").replace("\r\n", "\n").replace("\n", "\r\n");
        return new Read(table, label, variables, CsvTable.parse(csv));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst().orElse("");
    }

    private static String run(Path work, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.getErrorStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return new String(out, StandardCharsets.UTF_8);
    }
}
