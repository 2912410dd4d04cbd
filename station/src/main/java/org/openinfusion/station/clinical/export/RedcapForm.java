package org.openinfusion.station.clinical.export;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * One REDCap instrument (form) for one rating instrument: its fields in the data dictionary and a rating's values
 * for the record import. Names: the form is the instrument id in lower case ([a-z0-9_]); the field prefix is that
 * name cut to 12 characters; items are {@code prefix_NN} (item number on two digits), then the rating's metadata
 * ({@code _tp, _form, _role, _finished, _total, _na, _rating_id}). Item labels are public names (BPRS, VAS) or
 * placeholders ("CADSS item 7"), never licensed wording.
 */
final class RedcapForm {
    /** The 18 columns of a REDCap data dictionary, in REDCap's order. */
    static final List<String> DICTIONARY_COLUMNS = List.of("Variable / Field Name", "Form Name", "Section Header",
            "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note",
            "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max", "Identifier?",
            "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment", "Question Number (surveys only)",
            "Matrix Group Name", "Matrix Ranking?", "Field Annotation");
    /** Items of at most this many points are radio buttons; wider scales (VAS 0-100) are integer text fields. */
    static final int MAX_RADIO_POINTS = 11;
    private static final int PREFIX_LENGTH = 12;
    static final String COMPLETE = "2";
    static final String INCOMPLETE = "0";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One dictionary row (the columns left out are empty). */
    record Field(String name, String form, String section, String type, String label, String choices, String note,
                 String validation, String min, String max, String annotation) {
        List<String> dictionaryRow() {
            return List.of(name, form, section, type, label, choices, note, validation, min, max, "", "", "", "", "", "", "",
                    annotation);
        }
    }

    private final Instrument instrument;
    private final String form;
    private final String prefix;
    private final List<Field> fields = new ArrayList<>();

    private RedcapForm(Instrument instrument) {
        this.instrument = instrument;
        this.form = name(instrument.id());
        this.prefix = form.length() > PREFIX_LENGTH ? form.substring(0, PREFIX_LENGTH).replaceAll("_+$", "") : form;
        for (Item item : instrument.items()) {
            boolean radio = item.max() - item.min() + 1 <= MAX_RADIO_POINTS;
            fields.add(new Field(itemField(item), form, fields.isEmpty() ? instrument.name() : "", radio ? "radio" : "text",
                    SdtmCodes.itemLabel(instrument, item), radio ? choices(item) : "", itemNote(item), radio ? "" : "integer",
                    radio ? "" : String.valueOf(item.min()), radio ? "" : String.valueOf(item.max()),
                    "openinfusion " + instrument.id() + "." + item.id()));
        }
        meta("tp", "text", "Time point (station id)", "", "", "", "");
        if (!instrument.shortForms().isEmpty()) {
            meta("form", "dropdown", "Form used", "full, Full form | " + instrument.shortForms().stream()
                    .map(f -> f.id() + ", " + f.name()).collect(Collectors.joining(" | ")), "", "", "");
        }
        meta("role", "text", "Rater role", "", "", "", "");
        meta("finished", "text", "Finished at (UTC)", "", "datetime_seconds_ymd", "", "");
        if (hasTotal()) {
            int min = IntStream.concat(IntStream.of(instrument.minTotal(null)),
                    instrument.shortForms().stream().mapToInt(f -> instrument.minTotal(f.id()))).min().orElseThrow();
            meta("total", "text", instrument.label() + " total (computed by the station; empty when incomplete)", "", "integer",
                    String.valueOf(min), String.valueOf(instrument.maxTotal(null)));
        }
        meta("na", "notes", "Items not assessed, with the reason", "", "", "", "");
        meta("rating_id", "text", "Station rating id (audit trail)", "", "", "", "");
    }

    static RedcapForm of(Instrument instrument) {
        return new RedcapForm(instrument);
    }

    /** One form per instrument of the catalog, by id: the whole project's dictionary. */
    static List<RedcapForm> forms(InstrumentCatalog instruments) {
        return instruments.all().stream().sorted(Comparator.comparing(Instrument::id)).map(RedcapForm::of).toList();
    }

    String form() {
        return form;
    }

    Instrument instrument() {
        return instrument;
    }

    List<Field> fields() {
        return List.copyOf(fields);
    }

    /** A rating's values by field name; items not in its form, not assessed, and an incomplete total stay empty. */
    Map<String, String> values(TrailRating r) {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> notAssessed = new ArrayList<>();
        for (Item item : instrument.items()) {
            Answer a = r.answers().get(item.id());
            if (a instanceof Answer.Scored s) {
                v.put(itemField(item), String.valueOf(s.value()));
            } else if (a instanceof Answer.NotAssessed na) {
                notAssessed.add("item " + item.number() + ": " + na.reason());
            }
        }
        v.put(field("tp"), r.timePoint());
        if (!instrument.shortForms().isEmpty()) {
            v.put(field("form"), r.shortForm() == null ? "full" : r.shortForm());
        }
        v.put(field("role"), r.raterRole());
        v.put(field("finished"), DATETIME.format(r.finishedAt().truncatedTo(ChronoUnit.SECONDS)));
        if (hasTotal() && r.total() != null && notAssessed.isEmpty()) {
            v.put(field("total"), String.valueOf(r.total()));
        }
        v.put(field("na"), String.join("; ", notAssessed));
        v.put(field("rating_id"), r.ratingId());
        v.put(completeField(), notAssessed.isEmpty() ? COMPLETE : INCOMPLETE);
        return v;
    }

    /**
     * REDCap's own status field of the form, {@code <form>_complete} (not in the dictionary: REDCap adds it to every
     * form): "2" (Complete) for a rating with every item of its form assessed, "0" (Incomplete) otherwise.
     */
    String completeField() {
        return form + "_complete";
    }

    private boolean hasTotal() {
        return instrument.scoring() == Scoring.SUM && instrument.items().size() > 1;
    }

    private void meta(String suffix, String type, String label, String choices, String validation, String min, String max) {
        fields.add(new Field(field(suffix), form, "", type, label, choices, "", validation, min, max, ""));
    }

    private String field(String suffix) {
        return prefix + "_" + suffix;
    }

    private String itemField(Item item) {
        return prefix + "_" + (item.number() < 10 ? "0" : "") + item.number();
    }

    /** "0, not at all | 1, 1 | ... | 4, extremely": the anchors' labels where the instrument has them, else the number. */
    private static String choices(Item item) {
        Map<Integer, String> anchors = item.anchors().stream().collect(Collectors.toMap(Anchor::value, Anchor::label));
        // an item that allows only its anchors' values (COWS) offers only those
        return IntStream.rangeClosed(item.min(), item.max()).filter(item::inRange)
                .mapToObj(v -> v + ", " + anchors.getOrDefault(v, String.valueOf(v)).replace("|", "/"))
                .collect(Collectors.joining(" | "));
    }

    private static String itemNote(Item item) {
        String rater = item.rater() == Rater.SUBJECT ? "Rated by the subject" : "Rated by an observer";
        return !item.anchors().isEmpty() && !item.anchorsVerified() ? rater + "; anchor labels UNVERIFIED" : rater;
    }

    /** A REDCap name: lower case letters, digits and underscores, starting with a letter. */
    static String name(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "i_" + s : s;
    }
}
