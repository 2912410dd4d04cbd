package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * A REDCap data dictionary (the 18 columns REDCap imports): the {@code demographics} form first, holding
 * {@code record_id} (the subject code; REDCap wants the record identifier as the first field of the first form) and
 * {@code age} (whole years, as given when the subject's first exported session was created: the same age as SDTM DM
 * AGE), then one form per instrument ({@link RedcapForm}). Every field name is checked: lower case, at most 26
 * characters, starting with a letter, unique.
 */
final class RedcapDictionary {
    static final String RECORD_ID = "record_id";
    /** The subject's form: not repeating, designated to the first event only ({@link RedcapProject}). */
    static final String DEMOGRAPHICS = "demographics";
    static final String AGE = "age";
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

    /** The demographics form's fields: the record identifier, then the age. */
    static List<RedcapForm.Field> demographics() {
        return List.of(new RedcapForm.Field(RECORD_ID, DEMOGRAPHICS, "", "text", "Subject code", "", "", "", "", "", ""),
                new RedcapForm.Field(AGE, DEMOGRAPHICS, "", "text", "Age (years)", "",
                        "As given when the first session was created; empty when not given", "integer",
                        String.valueOf(SessionEvent.MIN_AGE_YEARS), String.valueOf(SessionEvent.MAX_AGE_YEARS),
                        "openinfusion session.created ageYears"));
    }

    /** REDCap's status field of the demographics form. */
    static String demographicsComplete() {
        return DEMOGRAPHICS + "_complete";
    }

    /** Every field in dictionary order, record_id first; @throws IllegalStateException on a bad or repeated name */
    static List<RedcapForm.Field> fields(List<RedcapForm> forms) {
        List<RedcapForm.Field> all = new ArrayList<>();
        all.addAll(demographics());
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
