package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** The REDCap data dictionary and record import from the recorded trail. */
class RedcapExportTest {
    private final TrailBuilder.Recorded trail = ExportFixtures.trail();

    @TempDir
    Path dir;

    @Test
    void theDictionaryHasTheEighteenRedcapColumnsRecordIdFirstAndOneFormPerInstalledInstrumentEvenForOneSession() {
        CsvTable dictionary = ExportFixtures.first(ExportFormat.REDCAP_DICTIONARY);
        assertEquals(List.of("Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
                "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
                "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
                "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
                "Field Annotation"), dictionary.header());
        assertEquals("record_id", dictionary.rows().getFirst().get("Variable / Field Name"));
        List<String> every = List.of("demographics", "bprs_pos", "bss", "c_ssrs", "cadss", "cgi_i", "cgi_s", "cows", "ham_a", "hamd17", "madrs", "moaas", "ocs", "psi", "qids_sr16", "vas",
                "ymrs");
        assertEquals(every, forms(dictionary), "uploading a dictionary replaces the project's: the subject's form and every instrument, "
                + "even for one session");
        Map<String, String> age = dictionary.only("Variable / Field Name", "age");
        assertEquals(List.of("demographics", "text", "integer", "1", "120"), List.of(age.get("Form Name"), age.get("Field Type"),
                age.get("Text Validation Type OR Show Slider Number"), age.get("Text Validation Min"), age.get("Text Validation Max")),
                "the age range the station accepts at session creation");
        assertEquals("demographics", dictionary.rows().getFirst().get("Form Name"), "the record identifier opens the first form");
        assertEquals(every, forms(ExportFixtures.all(ExportFormat.REDCAP_DICTIONARY)));

        Map<String, String> item7 = dictionary.only("Variable / Field Name", "cadss_07");
        assertEquals(List.of("radio", "CADSS item 7", "0, not at all | 1, 1 | 2, 2 | 3, 3 | 4, extremely"),
                List.of(item7.get("Field Type"), item7.get("Field Label"), item7.get("Choices, Calculations, OR Slider Labels")));
        assertEquals("1, not present | 2, very mild | 3, mild | 4, moderate | 5, moderately severe | 6, severe | 7, extremely severe",
                dictionary.only("Variable / Field Name", "bprs_pos_02").get("Choices, Calculations, OR Slider Labels"));
        assertEquals("Suspiciousness", dictionary.only("Variable / Field Name", "bprs_pos_02").get("Field Label"));
        // a COWS item offers only its published score points
        assertEquals("0, 0 | 3, 3 | 5, 5", ExportFixtures.all(ExportFormat.REDCAP_DICTIONARY).only("Variable / Field Name", "cows_11")
                .get("Choices, Calculations, OR Slider Labels"));
        Map<String, String> vas = dictionary.only("Variable / Field Name", "vas_03");
        assertEquals(List.of("text", "Craving", "integer", "0", "100"), List.of(vas.get("Field Type"), vas.get("Field Label"),
                vas.get("Text Validation Type OR Show Slider Number"), vas.get("Text Validation Min"), vas.get("Text Validation Max")));
        Map<String, String> total = dictionary.only("Variable / Field Name", "cadss_total");
        assertEquals(List.of("integer", "0", "92"), List.of(total.get("Text Validation Type OR Show Slider Number"),
                total.get("Text Validation Min"), total.get("Text Validation Max")));
        assertEquals("datetime_seconds_ymd", dictionary.only("Variable / Field Name", "cadss_finished")
                .get("Text Validation Type OR Show Slider Number"));
        assertTrue(dictionary.where("Variable / Field Name", "moaas_total").isEmpty(), "no total for a one-item scale");
    }

    @Test
    void everyFieldNameIsLowerCaseShortStartsWithALetterAndIsUnique() {
        Set<String> names = new HashSet<>();
        for (Map<String, String> row : ExportFixtures.all(ExportFormat.REDCAP_DICTIONARY).rows()) {
            String name = row.get("Variable / Field Name");
            assertTrue(name.matches("[a-z][a-z0-9_]*") && name.length() <= 26, name);
            assertTrue(names.add(name), "unique: " + name);
            assertTrue(row.get("Form Name").matches("[a-z][a-z0-9_]*"), row.get("Form Name"));
        }
    }

    @Test
    void licensedWordingNeverShipsEvenWhenTheSiteSuppliesIt() throws IOException {
        // given a catalog with site wording for CADSS 7 and PSI 3
        Path site = Files.writeString(dir.resolve("site.properties"), "cadss.7 = Site wording seven\npsi.3 = Site wording three\n");
        InstrumentCatalog withWording = InstrumentCatalog.builtIn(site);
        // when the dictionary of every instrument is written
        CsvTable dictionary = CsvTable.parse(ExportFixtures.export(ExportFormat.REDCAP_DICTIONARY, trail.entries(), Optional.empty(),
                null, withWording, ExportFixtures.EVENING).content());
        // then CADSS and PSI items are placeholders
        for (Map<String, String> row : dictionary.rows()) {
            String name = row.get("Variable / Field Name");
            if (name.matches("(cadss|psi)_\\d+")) {
                assertTrue(row.get("Field Label").matches("(CADSS|PSI) item \\d+"), row.toString());
            }
        }
        assertTrue(dictionary.rows().stream().noneMatch(r -> r.toString().contains("Site wording")));
    }

    @Test
    void theImportHoldsTheEffectiveRatingsPerTimePointWithTheDictionarysVariables() {
        CsvTable dictionary = ExportFixtures.first(ExportFormat.REDCAP_DICTIONARY);
        CsvTable records = ExportFixtures.first(ExportFormat.REDCAP_IMPORT);
        Set<String> variables = new HashSet<>(dictionary.rows().stream().map(r -> r.get("Variable / Field Name")).toList());
        assertEquals(List.of("record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"),
                records.header().subList(0, 4));
        for (String column : records.header().subList(1, records.header().size())) {
            assertTrue(column.startsWith("redcap_") || variables.contains(column) || column.matches("[a-z0-9_]+_complete"),
                    column + " is in the dictionary or a form's status");
        }
        assertEquals(List.of("baseline_arm_1", "t20_arm_1", "end_of_infusion_arm_1"),
                records.rows().stream().map(r -> r.get("redcap_event_name")).toList());
        assertTrue(records.rows().stream().allMatch(r -> r.get("record_id").equals("KET-401") && r.get("redcap_repeat_instance").isEmpty()));

        Map<String, String> baseline = records.rows().getFirst();
        assertEquals("r2", baseline.get("cadss_rating_id"), "the correction replaces r1");
        assertEquals("2", baseline.get("cadss_03"));
        assertEquals("", baseline.get("cadss_07"), "not assessed");
        assertEquals("item 7: participant asleep", baseline.get("cadss_na"));
        assertEquals("", baseline.get("cadss_total"), "an incomplete rating has no total");
        assertEquals(List.of("0", "2", "2", ""), List.of(baseline.get("cadss_complete"), baseline.get("bprs_pos_complete"),
                baseline.get("vas_complete"), baseline.get("moaas_complete")), "Incomplete with an item not assessed, else Complete");
        assertEquals(List.of("1", "2", "1", "1", "5"), List.of(baseline.get("bprs_pos_01"), baseline.get("bprs_pos_02"),
                baseline.get("bprs_pos_03"), baseline.get("bprs_pos_04"), baseline.get("bprs_pos_total")));
        assertEquals(List.of("10", "0", "25", "2026-11-22 08:09:00", "baseline", "nurse"), List.of(baseline.get("vas_01"),
                baseline.get("vas_02"), baseline.get("vas_03"), baseline.get("vas_finished"), baseline.get("vas_tp"), baseline.get("vas_role")));

        Map<String, String> t20 = records.rows().get(1);
        assertEquals(List.of("cadss6", "9", "1", "2", "", "0", "3"), List.of(t20.get("cadss_form"), t20.get("cadss_total"),
                t20.get("cadss_01"), t20.get("cadss_02"), t20.get("cadss_03"), t20.get("cadss_06"), t20.get("cadss_07")));
        Map<String, String> end = records.rows().get(2);
        assertEquals(List.of("r10", "3", "6", "physician"), List.of(end.get("bprs_pos_rating_id"), end.get("bprs_pos_02"),
                end.get("bprs_pos_total"), end.get("bprs_pos_role")), "the amendment in review replaces r8");
        assertEquals(List.of("4", "46"), List.of(end.get("moaas_01"), end.get("cadss_total")));
    }

    @Test
    void aSecondSessionIsAnotherPeriodAndRepeatedRatingsAreRepeatInstances() {
        CsvTable records = ExportFixtures.all(ExportFormat.REDCAP_IMPORT);
        List<Map<String, String>> second = records.where("redcap_event_name", "baseline_p2_arm_1");
        assertEquals(3, second.size());
        assertEquals(List.of("", "", "r11", "0"), List.of(second.getFirst().get("redcap_repeat_instrument"),
                second.getFirst().get("redcap_repeat_instance"), second.getFirst().get("cadss_rating_id"), second.getFirst().get("cadss_total")));
        assertEquals(List.of("vas", "1", "40", "r12", ""), List.of(second.get(1).get("redcap_repeat_instrument"),
                second.get(1).get("redcap_repeat_instance"), second.get(1).get("vas_03"), second.get(1).get("vas_rating_id"),
                second.get(1).get("cadss_rating_id")));
        assertEquals(List.of("vas", "2", "30", "r13"), List.of(second.get(2).get("redcap_repeat_instrument"),
                second.get(2).get("redcap_repeat_instance"), second.get(2).get("vas_03"), second.get(2).get("vas_rating_id")));
    }

    @Test
    void eventLabelsFollowTheTimePointIdAndThePeriodKeepALeadingDigitAndFitEighteenCharacters() {
        assertEquals("t40", RedcapProject.label("t40", 1, 1));
        assertEquals("end_of_infusion", RedcapProject.label("end-of-infusion", 1, 1));
        assertEquals("end_of_infusion_p2", RedcapProject.label("end-of-infusion", 2, 1));
        assertEquals("a_very_long_time_p", RedcapProject.label("a very long time point name", 1, 1));
        assertEquals("a_very_long_time_2", RedcapProject.label("a very long time point name 2", 1, 2), "a clash gets _2");
        assertEquals("40min", RedcapProject.label("40min", 1, 1), "REDCap keeps a leading digit");
    }

    private static List<String> forms(CsvTable dictionary) {
        return dictionary.rows().stream().map(r -> r.get("Form Name")).distinct().toList();
    }
}
