package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parsed CSV export (RFC 4180: quoted cells, doubled quotes, CRLF record ends, every record as wide as the
 * header). Parsing fails the test on a bare LF record end, a ragged row or a stray quote.
 */
record CsvTable(List<String> header, List<Map<String, String>> rows) {
    static CsvTable parse(byte[] content) {
        return parse(new String(content, StandardCharsets.UTF_8));
    }

    static CsvTable parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertTrue(cell.isEmpty(), "a quote inside an unquoted cell at " + i);
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(i + 1), "CR without LF at " + i);
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "a bare LF ends a record at " + i);
                cell.append(c);
            }
        }
        assertTrue(!quoted && cell.isEmpty() && record.isEmpty(), "the file ends with CRLF after a whole record");
        List<String> header = records.getFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertEquals(header.size(), r.size(), "row width: " + r);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return new CsvTable(List.copyOf(header), List.copyOf(rows));
    }

    List<Map<String, String>> where(Predicate<Map<String, String>> p) {
        return rows.stream().filter(p).toList();
    }

    List<Map<String, String>> where(String column, String value) {
        return where(r -> value.equals(r.get(column)));
    }

    Map<String, String> only(String column, String value) {
        List<Map<String, String>> found = where(column, value);
        assertEquals(1, found.size(), column + " = " + value + ": " + found);
        return found.getFirst();
    }
}
