package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** The five REDCap files keep every documented REDCap rule ({@link RedcapRules}, which cites them). */
class RedcapImportRulesTest {
    @TempDir
    Path dir;

    @Test
    void theFilesOfEachSessionAndOfAllSessionsKeepEveryRedcapRule() {
        TrailBuilder.Recorded trail = ExportFixtures.trail();
        for (Optional<String> scope : List.of(Optional.of(trail.first()), Optional.of(trail.second()), Optional.<String>empty())) {
            assertEquals(List.of(), RedcapRules.check(file(ExportFormat.REDCAP_DICTIONARY, trail.entries(), scope),
                    file(ExportFormat.REDCAP_EVENTS, trail.entries(), scope), file(ExportFormat.REDCAP_DESIGNATIONS, trail.entries(), scope),
                    file(ExportFormat.REDCAP_REPEATING, trail.entries(), scope), file(ExportFormat.REDCAP_IMPORT, trail.entries(), scope)),
                    scope.toString());
        }
    }

    @Test
    void theFilesOfTheAuditTrailsWrittenByEarlierStationsKeepEveryRedcapRule() {
        for (String v1 : List.of(V1Trails.SESSION_FILE, V1Trails.REVIEW_FILE)) {
            List<AuditEntry> entries = V1Trails.read(v1);
            assertEquals(List.of(), RedcapRules.check(file(ExportFormat.REDCAP_DICTIONARY, entries, Optional.empty()),
                    file(ExportFormat.REDCAP_EVENTS, entries, Optional.empty()), file(ExportFormat.REDCAP_DESIGNATIONS, entries, Optional.empty()),
                    file(ExportFormat.REDCAP_REPEATING, entries, Optional.empty()), file(ExportFormat.REDCAP_IMPORT, entries, Optional.empty())),
                    v1);
        }
    }

    @Test
    void aFormGivenOnceIsOnARepeatRowWhenItRepeatsInThatEventForAnotherSubject() throws IOException {
        // given KET-401 rated VAS once at baseline and KET-402 twice
        List<AuditEntry> entries;
        try (TrailBuilder t = TrailBuilder.open(dir.resolve("audit.log"))) {
            t.fullSession();
            t.vasTwice("KET-402");
            entries = t.entries();
        }
        // when the project's files are written
        CsvTable records = file(ExportFormat.REDCAP_IMPORT, entries, Optional.empty());
        CsvTable repeating = file(ExportFormat.REDCAP_REPEATING, entries, Optional.empty());
        // then VAS repeats in the baseline event, and every VAS there is on a repeat row, the single one as instance 1
        assertEquals(List.of(Map.of("event_name", "baseline_arm_1", "form_name", "vas", "custom_form_label", "")), repeating.rows());
        List<String> vasRows = records.where("redcap_event_name", "baseline_arm_1").stream().filter(r -> !r.get("vas_rating_id").isEmpty())
                .map(r -> r.get("record_id") + " " + r.get("redcap_event_name") + " " + r.get("redcap_repeat_instrument") + " "
                        + r.get("redcap_repeat_instance") + " " + r.get("vas_rating_id")).toList();
        assertEquals(List.of("KET-401 baseline_arm_1 vas 1 r4", "KET-402 baseline_arm_1 vas 1 v1", "KET-402 baseline_arm_1 vas 2 v2"),
                vasRows);
        Map<String, String> main = records.rows().getFirst();
        assertEquals(List.of("KET-401", "", "r2", ""), List.of(main.get("record_id"), main.get("redcap_repeat_instrument"),
                main.get("cadss_rating_id"), main.get("vas_03")), "the forms that do not repeat stay on the event's row");
        assertEquals(List.of(), RedcapRules.check(file(ExportFormat.REDCAP_DICTIONARY, entries, Optional.empty()),
                file(ExportFormat.REDCAP_EVENTS, entries, Optional.empty()), file(ExportFormat.REDCAP_DESIGNATIONS, entries, Optional.empty()),
                repeating, records));
    }

    @Test
    void theAgeGivenAtTheFirstSessionIsOnTheDemographicsFormOfTheFirstEventOnly() throws IOException {
        // given KET-404 aged 34 at the first session and 35 at the second, KET-405 with no age, and no rating at all
        List<AuditEntry> entries;
        try (TrailBuilder t = TrailBuilder.open(dir.resolve("audit.log"))) {
            t.agedSessions();
            entries = t.entries();
        }
        Optional<String> all = Optional.empty();
        CsvTable events = file(ExportFormat.REDCAP_EVENTS, entries, all);
        CsvTable designations = file(ExportFormat.REDCAP_DESIGNATIONS, entries, all);
        CsvTable records = file(ExportFormat.REDCAP_IMPORT, entries, all);
        String first = events.rows().getFirst().get("event_name") + "_arm_1";

        // then the demographics form is designated to the first event alone, and does not repeat
        assertEquals(List.of(first), designations.where("form", "demographics").stream().map(r -> r.get("unique_event_name")).toList());
        assertEquals(List.of(), file(ExportFormat.REDCAP_REPEATING, entries, all).where("form_name", "demographics"));
        // and the age is on one row of the first event, with the form complete; the subject without an age has none
        assertEquals(List.of(Map.of("record_id", "KET-404", "redcap_event_name", first, "redcap_repeat_instrument", "",
                "redcap_repeat_instance", "", "age", "34", "demographics_complete", "2")), records.rows().stream()
                .map(r -> Map.of("record_id", r.get("record_id"), "redcap_event_name", r.get("redcap_event_name"),
                        "redcap_repeat_instrument", r.get("redcap_repeat_instrument"), "redcap_repeat_instance", r.get("redcap_repeat_instance"),
                        "age", r.get("age"), "demographics_complete", r.get("demographics_complete"))).toList());
        assertEquals(List.of(), RedcapRules.check(file(ExportFormat.REDCAP_DICTIONARY, entries, all), events, designations,
                file(ExportFormat.REDCAP_REPEATING, entries, all), records));
        // and the age reaches SDTM DM AGE as the same number
        assertEquals("34", file(ExportFormat.SDTM_DM, entries, all).only("SUBJID", "KET-404").get("AGE"));
    }

    @Test
    void theEventsAreTheProtocolsTimePointsPerPeriodWithEveryFormItSchedulesDesignated() {
        TrailBuilder.Recorded trail = ExportFixtures.trail();
        CsvTable events = file(ExportFormat.REDCAP_EVENTS, trail.entries(), Optional.empty());
        assertEquals(List.of("event_name", "arm_num"), events.header());
        List<String> labels = events.rows().stream().map(r -> r.get("event_name")).toList();
        assertTrue(labels.containsAll(List.of("baseline", "t20", "end_of_infusion", "baseline_p2")), labels.toString());
        assertEquals(labels.indexOf("baseline_p2"), labels.size() / 2, "the second period's events follow the first's");
        CsvTable designations = file(ExportFormat.REDCAP_DESIGNATIONS, trail.entries(), Optional.empty());
        List<String> atBaseline = designations.where("unique_event_name", "baseline_arm_1").stream().map(r -> r.get("form")).toList();
        assertTrue(atBaseline.containsAll(List.of("bprs_pos", "cadss", "vas")), atBaseline.toString());
        for (String event : labels) {
            assertEquals(event + "_arm_1", RedcapRules.uniqueEventName(event, 1), "REDCap keeps the label as the unique name");
        }
    }

    @Test
    void theRulesCatchWhatRedcapRefuses() {
        TrailBuilder.Recorded trail = ExportFixtures.trail();
        Optional<String> all = Optional.empty();
        CsvTable dictionary = file(ExportFormat.REDCAP_DICTIONARY, trail.entries(), all);
        CsvTable events = file(ExportFormat.REDCAP_EVENTS, trail.entries(), all);
        CsvTable designations = file(ExportFormat.REDCAP_DESIGNATIONS, trail.entries(), all);
        CsvTable repeating = file(ExportFormat.REDCAP_REPEATING, trail.entries(), all);
        CsvTable records = file(ExportFormat.REDCAP_IMPORT, trail.entries(), all);
        // a repeat row stripped of its instrument (the old single-rating-on-the-main-row shape)
        assertBroken("[RI]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r12",
                Map.of("redcap_repeat_instrument", "", "redcap_repeat_instance", "")));
        // the old i_ prefix on an event name REDCap would make from a leading digit
        assertBroken("[DI]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r4",
                Map.of("redcap_event_name", "i_baseline_arm_1")));
        // a value outside the field's choices, a bad status
        assertBroken("[DI]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r4", Map.of("cadss_03", "9")));
        assertBroken("[FC]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r4", Map.of("cadss_complete", "3")));
        // an age out of the field's range, an age in an event the demographics form is not designated to, an age on a repeat row
        // (r4 is on KET-401's baseline row, the first event's; r6 at t20; r12 on a VAS repeat row)
        assertEquals(List.of(), RedcapRules.check(dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r4",
                Map.of("age", "34", "demographics_complete", "2"))), "the age where it belongs");
        assertBroken("[DI]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r4", Map.of("age", "130")));
        assertBroken("[RI]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r6", Map.of("age", "34")));
        assertBroken("[RI]", dictionary, events, designations, repeating, edit(records, "vas_rating_id", "r12", Map.of("age", "34")));
        // two labels giving one unique event name
        List<Map<String, String>> clash = new ArrayList<>(events.rows());
        clash.add(Map.of("event_name", "Baseline", "arm_num", "1"));
        assertBroken("[EV]", dictionary, new CsvTable(events.header(), clash), designations, repeating, records);
    }

    private static void assertBroken(String rule, CsvTable dictionary, CsvTable events, CsvTable designations, CsvTable repeating,
                                     CsvTable records) {
        List<String> broken = RedcapRules.check(dictionary, events, designations, repeating, records);
        assertTrue(broken.stream().anyMatch(b -> b.startsWith(rule)), rule + " in " + broken);
    }

    private static CsvTable edit(CsvTable table, String keyColumn, String key, Map<String, String> changes) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> r : table.rows()) {
            Map<String, String> copy = new LinkedHashMap<>(r);
            if (key.equals(r.get(keyColumn))) {
                copy.putAll(changes);
            }
            rows.add(copy);
        }
        return new CsvTable(table.header(), rows);
    }

    private static CsvTable file(ExportFormat format, List<AuditEntry> entries, Optional<String> scope) {
        return CsvTable.parse(Exports.write(format, new ExportRequest(entries, scope, null, InstrumentCatalog.builtIn(),
                ProtocolCatalog.builtIn()), ExportFixtures.EVENING).content());
    }
}
