package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes one CSV file: a header row, then rows of the same width; RFC 4180 quoting (a cell holding a comma, a
 * double quote or a line break is quoted, quotes doubled), CRLF line ends, null written as an empty cell.
 */
final class Csv {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final StringBuilder out = new StringBuilder(4096);

    Csv(List<String> header) {
        this.header = List.copyOf(header);
        line(header);
    }

    List<String> header() {
        return header;
    }

    /** The rows written, each cell as written (null as empty). */
    List<List<String>> rows() {
        return rows;
    }

    /** Appends a row; refuses one whose width differs from the header's. */
    Csv row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells under a header of " + header.size());
        }
        rows.add(cells.stream().map(c -> Objects.toString(c, "")).toList());
        line(cells);
        return this;
    }

    Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    private void line(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One cell, RFC 4180 quoted when needed. */
    static String cell(Object value) {
        String s = Objects.toString(value, "");
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
