package org.openinfusion.station.clinical.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses item lists such as "1, 2, 8-13, 16-19" or "suspiciousness, unusual_thought_content". */
public final class ItemList {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)");

    private ItemList() {
    }

    /** @throws IllegalArgumentException naming the bad token */
    public static List<String> parse(String text) {
        List<String> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String raw : text.split(",")) {
            String token = raw.trim();
            Matcher m = RANGE.matcher(token);
            if (m.matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                if (from > to) {
                    throw new IllegalArgumentException("descending range '" + token + "'");
                }
                for (int n = from; n <= to; n++) {
                    ids.add(String.valueOf(n));
                }
            } else if (token.isEmpty()) {
                throw new IllegalArgumentException("empty entry in item list '" + text + "'");
            } else {
                ids.add(token);
            }
        }
        return ids;
    }
}
