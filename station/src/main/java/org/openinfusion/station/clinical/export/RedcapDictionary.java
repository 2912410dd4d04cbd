package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A REDCap data dictionary (the 18 columns REDCap imports): {@code record_id} (the subject code) first, then one form
 * per instrument ({@link RedcapForm}). Every field name is checked: lower case, at most 26 characters, starting with a
 * letter, unique.
 */
final class RedcapDictionary {
    static final String RECORD_ID = "record_id";
    static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,25}");

    private RedcapDictionary() {
    }

    static String write(List<RedcapForm> forms) {
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("no instrument to put in a REDCap dictionary");
        }
        Csv csv = new Csv(RedcapForm.DICTIONARY_COLUMNS);
        for (RedcapForm.Field f : fields(forms)) {
            csv.row(f.dictionaryRow());
        }
        return csv.toString();
    }

    /** Every field in dictionary order, record_id first; @throws IllegalStateException on a bad or repeated name */
    static List<RedcapForm.Field> fields(List<RedcapForm> forms) {
        List<RedcapForm.Field> all = new ArrayList<>();
        all.add(new RedcapForm.Field(RECORD_ID, forms.getFirst().form(), "", "text", "Subject code", "", "", "", "", "", ""));
        forms.forEach(f -> all.addAll(f.fields()));
        Set<String> seen = new HashSet<>();
        for (RedcapForm.Field f : all) {
            if (!FIELD_NAME.matcher(f.name()).matches() || !seen.add(f.name())) {
                throw new IllegalStateException("REDCap field name '" + f.name() + "' of form " + f.form()
                        + " is repeated or not 1-26 lower-case letters, digits and underscores starting with a letter");
            }
        }
        return all;
    }
}
