package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/**
 * A REDCap record import (flat CSV): one row per subject (record_id = subject code) and event (one event per time
 * point, {@link #eventName}), holding the effective rating of each instrument rated there ({@link TrailRating#effective}).
 * When a time point holds several effective ratings of one instrument (repeated administrations), each goes on its
 * own row as a repeating instrument, instances 1, 2, ... in finishing order. Columns are the dictionary's fields.
 */
final class RedcapImport {
    static final List<String> KEYS = List.of(RedcapDictionary.RECORD_ID, "redcap_event_name", "redcap_repeat_instrument",
            "redcap_repeat_instance");
    /** REDCap's event arm (not a study arm: the station knows none): every event is in arm 1. */
    static final String EVENT_ARM = "_arm_1";
    private static final int EVENT_BASE_LENGTH = 18;

    private RedcapImport() {
    }

    static String write(List<SessionTrail> sessions, List<RedcapForm> forms, ProtocolCatalog protocols) {
        List<String> fields = RedcapDictionary.fields(forms).stream().map(RedcapForm.Field::name)
                .filter(n -> !n.equals(RedcapDictionary.RECORD_ID)).toList();
        List<String> columns = new ArrayList<>(KEYS);
        columns.addAll(fields);
        Csv csv = new Csv(columns);
        Map<String, RedcapForm> byInstrument = forms.stream()
                .collect(Collectors.toMap(f -> f.instrument().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (SessionTrail s : sessions) {
            List<String> order = s.protocol(protocols).schedule().stream().map(ScheduleEntry::id).toList();
            Map<String, List<TrailRating>> byTimePoint = TrailRating.effective(s.ratings()).stream()
                    .sorted(Comparator.comparingInt((TrailRating r) -> order.contains(r.timePoint()) ? order.indexOf(r.timePoint())
                            : order.size()))
                    .collect(Collectors.groupingBy(TrailRating::timePoint, LinkedHashMap::new, Collectors.toList()));
            byTimePoint.forEach((timePoint, ratings) -> {
                String event = eventName(timePoint, s.period());
                Map<String, String> main = new LinkedHashMap<>();
                List<List<String>> repeats = new ArrayList<>();
                ratings.stream().collect(Collectors.groupingBy(TrailRating::instrument, LinkedHashMap::new, Collectors.toList()))
                        .forEach((instrument, same) -> {
                            RedcapForm form = Optional.ofNullable(byInstrument.get(instrument)).orElseThrow(() ->
                                    new IllegalArgumentException("rating instrument " + instrument + " is not in the REDCap forms"));
                            if (same.size() == 1) {
                                main.putAll(form.values(same.getFirst()));
                                return;
                            }
                            for (int i = 0; i < same.size(); i++) {
                                repeats.add(row(s, event, form.form(), String.valueOf(i + 1), form.values(same.get(i)), fields));
                            }
                        });
                if (!main.isEmpty()) {
                    csv.row(row(s, event, "", "", main, fields));
                }
                repeats.forEach(csv::row);
            });
        }
        return csv.toString();
    }

    private static List<String> row(SessionTrail s, String event, String repeatForm, String instance, Map<String, String> values,
                                    List<String> fields) {
        List<String> row = new ArrayList<>(List.of(s.subjectCode(), event, repeatForm, instance));
        fields.forEach(f -> row.add(values.getOrDefault(f, "")));
        return row;
    }

    /**
     * The REDCap unique event name of a time point: its id in lower case with every run of other characters made one
     * underscore, cut to 18 characters, "_p2", "_p3", ... for the subject's second, third session in the protocol
     * (crossover periods), then "_arm_1": "t40" gives "t40_arm_1", "end-of-infusion" "end_of_infusion_arm_1".
     */
    static String eventName(String timePointId, int period) {
        String base = RedcapForm.name(timePointId.toLowerCase(Locale.ROOT));
        String suffix = period > 1 ? "_p" + period : "";
        int room = EVENT_BASE_LENGTH - suffix.length();
        return (base.length() > room ? base.substring(0, room).replaceAll("_+$", "") : base) + suffix + EVENT_ARM;
    }
}
