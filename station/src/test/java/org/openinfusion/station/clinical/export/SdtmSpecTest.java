package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every SDTM data set keeps its table in {@link SdtmSpec}: each Required and Expected variable is a column, each
 * Required one is never null (SITEID and COUNTRY excepted: the station does not know them; the sponsor fills them),
 * names and labels fit XPORT, every subject is in DM with the reference start --DY is counted from.
 */
class SdtmSpecTest {
    /** Required DM variables the station cannot know; documented in docs/exports.md. */
    private static final Set<String> LEFT_TO_THE_SPONSOR = Set.of("DM.SITEID", "DM.COUNTRY");

    @Test
    void everyRequiredAndExpectedVariableIsAColumnAndNoRequiredOneIsNull() {
        for (Optional<String> scope : List.of(Optional.of(ExportFixtures.trail().first()), Optional.<String>empty())) {
            for (String name : SdtmSpec.ORDER) {
                CsvTable table = SdtmXptTest.csv(name, scope);
                SdtmSpec.Domain domain = SdtmSpec.domain(name);
                for (SdtmSpec.Var v : domain.variables()) {
                    if (v.core() != SdtmSpec.Core.PERM) {
                        assertTrue(table.header().contains(v.name()), name + " lacks the " + v.core() + " variable " + v.name());
                    }
                    if (v.core() == SdtmSpec.Core.REQ && !LEFT_TO_THE_SPONSOR.contains(name + "." + v.name())) {
                        for (Map<String, String> row : table.rows()) {
                            assertFalse(row.get(v.name()).isEmpty(), name + "." + v.name() + " is Required: " + row);
                        }
                    }
                }
                for (String column : table.header()) {
                    SdtmSpec.Var v = domain.variable(column);
                    assertTrue(v.name().matches("[A-Z][A-Z0-9]{0,7}") && v.label().length() <= 40, v.toString());
                }
                assertTrue(domain.label().length() <= 40 && name.length() <= 8);
            }
        }
    }

    @Test
    void everySubjectOfEveryDataSetIsInDmWithTheReferenceStartOfItsDays() {
        CsvTable dm = SdtmXptTest.csv("DM", Optional.empty());
        Set<String> subjects = new HashSet<>();
        for (Map<String, String> row : dm.rows()) {
            assertTrue(subjects.add(row.get("USUBJID")), "one DM row per subject");
            LocalDateTime.parse(row.get("RFSTDTC"));
            assertEquals("BLINDED", row.get("ARM"), "never the arm");
            assertEquals("U", row.get("SEX"));
        }
        assertEquals(Set.of("ketamine-naltrexone-crossover-KET-401"), subjects);
        assertEquals("2026-11-22T09:00:00", dm.rows().getFirst().get("RFSTDTC"), "the first infusion start");
        for (String name : SdtmSpec.ORDER) {
            for (Map<String, String> row : SdtmXptTest.csv(name, Optional.empty()).rows()) {
                if (row.containsKey("USUBJID")) {
                    assertTrue(subjects.contains(row.get("USUBJID")), name + ": " + row.get("USUBJID"));
                }
            }
        }
    }

    @Test
    void sponsorColumnsAreSupplementalQualifiersOfTheirRecord() {
        CsvTable ec = SdtmXptTest.csv("EC", Optional.empty());
        CsvTable suppec = SdtmXptTest.csv("SUPPEC", Optional.empty());
        assertFalse(ec.header().contains("ECKITID") || ec.header().contains("ECBLIND"));
        assertEquals("KIT-9", ec.rows().getFirst().get("ECREFID"));
        assertEquals(ec.rows().size(), suppec.rows().size(), "one ECBLIND per EC record");
        for (Map<String, String> s : suppec.rows()) {
            assertEquals(List.of("EC", "ECSEQ", "ECBLIND"), List.of(s.get("RDOMAIN"), s.get("IDVAR"), s.get("QNAM")));
            assertEquals(1, ec.rows().stream().filter(r -> r.get("USUBJID").equals(s.get("USUBJID"))
                    && r.get("ECSEQ").equals(s.get("IDVARVAL"))).count(), "names its parent record");
        }
        CsvTable ae = SdtmXptTest.csv("AE", Optional.empty());
        assertFalse(ae.header().contains("AESRC") || ae.header().contains("AENOTE"));
        CsvTable suppae = SdtmXptTest.csv("SUPPAE", Optional.empty());
        for (Map<String, String> a : ae.rows()) {
            List<String> qnams = suppae.rows().stream().filter(s -> s.get("IDVARVAL").equals(a.get("AESEQ")))
                    .map(s -> s.get("QNAM")).toList();
            assertTrue(qnams.containsAll(List.of("AESRC", "AESRCSEQ")), qnams.toString());
        }
    }
}
