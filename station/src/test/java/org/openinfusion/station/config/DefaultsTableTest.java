package org.openinfusion.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's table of settings read as an operator reads it: every key the station knows is in the table,
 * every key in the table is one the station knows, and the default the table gives is the built-in one.
 */
class DefaultsTableTest {
    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    @Test
    void theTableNamesEverySettingWithItsBuiltInDefault() throws Exception {
        Properties builtIn = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/station-defaults.properties")) {
            builtIn.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String page = Files.readString(PAGE);
        String table = page.substring(page.indexOf("| key | default | meaning |"), page.indexOf("## Serial devices"));
        TreeMap<String, String> documented = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        Pattern key = Pattern.compile("`([a-zA-Z]+\\.[a-zA-Z.]+)`");
        for (String row : table.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = row.split("\\|");
            String defaultCell = cells[2].strip();
            Matcher m = key.matcher(cells[1]);
            while (m.find()) {
                String k = m.group(1);
                String stated = defaultCell.startsWith("empty") ? "" : defaultCell.replaceAll("^`([^`]*)`.*$", "$1");
                documented.put(k, stated);
                if (!builtIn.containsKey(k)) {
                    wrong.add(k + ": in the table, not a setting");
                } else if (!builtIn.getProperty(k).equals(stated)) {
                    wrong.add(k + ": the table says '" + stated + "', the built-in default is '" + builtIn.getProperty(k) + "'");
                }
            }
        }
        for (String k : new TreeSet<>(builtIn.stringPropertyNames())) {
            if (!documented.containsKey(k) && !k.equals("devices")) { // devices: its own section, "Serial devices"
                wrong.add(k + ": a setting missing from the table");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
