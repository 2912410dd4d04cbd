package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REDCap record import (flat CSV) of a longitudinal project ({@link RedcapProject}): one row per subject (record_id
 * = subject code) and event holding the effective rating of each form that does not repeat in that event
 * ({@link TrailRating#effective}); a form that repeats in an event (given more than once there to some subject) is on
 * its own rows, with redcap_repeat_instrument and instances 1, 2, ... in finishing order, for every subject, even one
 * who was given it once. The subject's age is on the subject's row of the first event (the demographics form,
 * {@link RedcapDictionary}), a row of its own when the subject has no rating there. Columns: the keys, then each
 * form's dictionary fields (demographics first) and its {@code <form>_complete}.
 */
final class RedcapImport {
    static final List<String> KEYS = List.of(RedcapDictionary.RECORD_ID, "redcap_event_name", "redcap_repeat_instrument",
            "redcap_repeat_instance");

    private RedcapImport() {
    }

    static String write(RedcapProject project) {
        List<String> fields = new ArrayList<>();
        RedcapDictionary.demographics().stream().map(RedcapForm.Field::name).filter(n -> !KEYS.contains(n)).forEach(fields::add);
        fields.add(RedcapDictionary.demographicsComplete());
        for (RedcapForm f : project.forms()) {
            f.fields().stream().map(RedcapForm.Field::name).forEach(fields::add);
            fields.add(f.completeField());
        }
        List<String> columns = new ArrayList<>(KEYS);
        columns.addAll(fields);
        Csv csv = new Csv(columns);
        Map<List<Object>, List<RedcapProject.Cell>> byRecordEvent = new LinkedHashMap<>();
        Optional<RedcapProject.Event> first = project.demographicsEvent();
        Map<String, Integer> ages = project.ages();
        for (RedcapProject.Cell c : project.cells()) {
            if (ages.containsKey(c.subject())) {
                byRecordEvent.computeIfAbsent(List.of(c.subject(), first.orElseThrow()), k -> new ArrayList<>());
            }
            byRecordEvent.computeIfAbsent(List.of(c.subject(), c.event()), k -> new ArrayList<>()).add(c);
        }
        first.ifPresent(e -> project.agedSubjects().forEach(subject -> byRecordEvent.computeIfAbsent(List.of(subject, e),
                k -> new ArrayList<>())));
        byRecordEvent.forEach((key, cells) -> {
            String subject = (String) key.get(0);
            String event = ((RedcapProject.Event) key.get(1)).uniqueName();
            Map<String, String> main = new LinkedHashMap<>();
            if (ages.containsKey(subject) && key.get(1).equals(first.orElseThrow())) {
                main.put(RedcapDictionary.AGE, String.valueOf(ages.get(subject)));
                main.put(RedcapDictionary.demographicsComplete(), RedcapForm.COMPLETE);
            }
            List<List<String>> repeats = new ArrayList<>();
            for (RedcapProject.Cell c : cells) {
                if (!project.repeats(c.event(), c.form())) {
                    main.putAll(c.form().values(c.ratings().getFirst()));
                    continue;
                }
                for (int i = 0; i < c.ratings().size(); i++) {
                    repeats.add(row(subject, event, c.form().form(), String.valueOf(i + 1), c.form().values(c.ratings().get(i)),
                            fields));
                }
            }
            if (!main.isEmpty()) {
                csv.row(row(subject, event, "", "", main, fields));
            }
            repeats.forEach(csv::row);
        });
        return csv.toString();
    }

    private static List<String> row(String subject, String event, String repeatForm, String instance, Map<String, String> values,
                                    List<String> fields) {
        List<String> row = new ArrayList<>(List.of(subject, event, repeatForm, instance));
        fields.forEach(f -> row.add(values.getOrDefault(f, "")));
        return row;
    }

    /**
     * The events file (Project Setup, "Define My Events", upload; or the API's event import): event_name, arm_num, in
     * order. REDCap makes each unique event name from event_name (see {@link RedcapProject}).
     */
    static String events(RedcapProject project) {
        Csv csv = new Csv(List.of("event_name", "arm_num"));
        project.events().forEach(e -> csv.row(e.label(), RedcapProject.ARM));
        return csv.toString();
    }

    /** The instrument designations ("Designate Instruments for My Events", upload): arm_num, unique_event_name, form. */
    static String designations(RedcapProject project) {
        Csv csv = new Csv(List.of("arm_num", "unique_event_name", "form"));
        Optional<RedcapProject.Event> first = project.demographicsEvent();
        project.designations().forEach((e, forms) -> {
            if (first.isPresent() && first.get().equals(e)) {
                csv.row(RedcapProject.ARM, e.uniqueName(), RedcapDictionary.DEMOGRAPHICS);
            }
            forms.forEach(f -> csv.row(RedcapProject.ARM, e.uniqueName(), f.form()));
        });
        return csv.toString();
    }

    /** The repeating instruments (Project Setup, "Repeating instruments and events", upload): event_name, form_name, custom_form_label. */
    static String repeating(RedcapProject project) {
        Csv csv = new Csv(List.of("event_name", "form_name", "custom_form_label"));
        project.designations().forEach((e, forms) -> forms.stream().filter(f -> project.repeats(e, f))
                .forEach(f -> csv.row(e.uniqueName(), f.form(), "")));
        return csv.toString();
    }
}
