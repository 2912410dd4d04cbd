package org.openinfusion.station.clinical.rating.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFileTest {
    @TempDir
    Path dir;

    @Test
    void withoutASiteFileItemsShowPlaceholdersOrTheirPublicNames() {
        // given the catalog without a site file
        InstrumentCatalog catalog = InstrumentCatalog.builtIn();
        // when item texts are asked
        // then licensed items are placeholders and public names ship
        assertFalse(catalog.hasSiteWording());
        assertEquals("CADSS item 7", catalog.itemText("cadss", "7"));
        assertEquals("PSI item 48", catalog.itemText("psi", "48"));
        assertEquals("Suspiciousness", catalog.itemText("bprs_pos", "suspiciousness"));
    }

    @Test
    void aPropertiesFileSuppliesWordingAndThePsiMapping() throws IOException {
        // given a site file with wording for CADSS 7 and a PSI paranoia mapping
        Path file = write("site.properties", """
                # test wording, not the licensed text
                cadss.7 = Test wording for item seven
                psi.subscale.paranoia = 1, 2, 40-42
                cadss.subscale.observer = 20, 21
                """);
        // when the catalog is built with it
        InstrumentCatalog catalog = InstrumentCatalog.builtIn(file);
        // then the wording replaces the placeholder and the mappings apply
        assertTrue(catalog.hasSiteWording());
        assertEquals("Test wording for item seven", catalog.itemText("cadss", "7"));
        assertEquals("CADSS item 8", catalog.itemText("cadss", "8"));
        assertFalse(catalog.placeholder("cadss", "7"));
        assertTrue(catalog.placeholder("cadss", "8"), "an item the site file leaves out is still a placeholder");
        assertFalse(catalog.placeholder("bprs_pos", "suspiciousness"), "a public name is not a placeholder");
        assertEquals(List.of("1", "2", "40", "41", "42"),
                catalog.get("psi").subscale("paranoia").orElseThrow().itemIds());
        assertEquals(List.of("20", "21"), catalog.get("cadss").subscale("observer").orElseThrow().itemIds());
        assertFalse(catalog.get("psi").subscale("mania").orElseThrow().mapped());
    }

    @Test
    void aSiteFileGivesAnInstrumentsOwnInstructionsForThePatientTabletAndWithoutItAPlaceholderNamesTheKey() throws IOException {
        Path file = write("site.properties", "psi.instructions = Test instructions, not the licensed text\n");
        InstrumentCatalog catalog = InstrumentCatalog.builtIn(file);
        assertEquals("Test instructions, not the licensed text", catalog.instructions("psi"));
        assertEquals("CADSS instructions (the site's wording, key cadss.instructions)", catalog.instructions("cadss"));
        assertEquals("Move the marker along the line to show how you feel right now.", catalog.instructions("vas"));
        // the patient tablet shows only real instructions: the placeholder names a key, which is for staff
        assertTrue(catalog.hasInstructions("psi"));
        assertTrue(catalog.hasInstructions("vas"));
        assertFalse(catalog.hasInstructions("cadss"));
        assertFalse(InstrumentCatalog.builtIn().hasInstructions("psi"));
    }

    @Test
    void aYamlFileWithNestedKeysWorksTheSame() throws IOException {
        // given a YAML site file
        Path file = write("site.yaml", """
                cadss:
                  7: Test wording for item seven
                psi:
                  subscale:
                    paranoia: [1, 2, 3]
                """);
        // when the catalog is built with it
        InstrumentCatalog catalog = InstrumentCatalog.builtIn(file);
        // then it reads as the properties form
        assertEquals("Test wording for item seven", catalog.itemText("cadss", "7"));
        assertEquals(List.of("1", "2", "3"), catalog.get("psi").subscale("paranoia").orElseThrow().itemIds());
    }

    @Test
    void everyBadKeyIsReportedWithFileKeyAndProblem() throws IOException {
        // given a site file with one problem per line
        Path file = write("bad.properties", """
                cadss.24 = no such item
                cadss.7 =
                hamd.1 = unknown instrument
                cadss.subscale.amnesia = 14
                psi.subscale.psychosis = 1
                psi.subscale.paranoia = 3-1
                psi.subscale.mania = 1, 49
                nonsense = x
                """);
        // when it is read
        SiteFileException e = assertThrows(SiteFileException.class, () -> InstrumentCatalog.builtIn(file));
        // then each problem names the file, the key and what is wrong
        assertEquals(8, e.problems().size(), e.getMessage());
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals(file)));
        assertProblem(e, "cadss.24", "CADSS has no item '24'");
        assertProblem(e, "cadss.7", "empty wording");
        assertProblem(e, "hamd.1", "unknown instrument 'hamd' (known: bprs_pos, bss, c_ssrs, cadss, cgi_i, cgi_s, cows, ham_a, hamd17, madrs, moaas, ocs, psi, qids_sr16, vas, ymrs)");
        assertProblem(e, "cadss.subscale.amnesia", "subscale 'amnesia' is fixed by the instrument file");
        assertProblem(e, "psi.subscale.psychosis", "PSI has no subscale 'psychosis'");
        assertProblem(e, "psi.subscale.paranoia", "descending range '3-1'");
        assertProblem(e, "psi.subscale.mania", "PSI has no item '49'");
        assertProblem(e, "nonsense", "unknown key (expected instrument.item or instrument.subscale.id)");
        assertTrue(e.getMessage().contains(file + ": key 'cadss.24': CADSS has no item '24'"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        // given the same key twice
        Path file = write("twice.properties", "cadss.7 = a\ncadss.7 = b\n");
        // when it is read
        SiteFileException e = assertThrows(SiteFileException.class, () -> InstrumentCatalog.builtIn(file));
        // then the duplicate is named
        assertProblem(e, "cadss.7", "given twice");
    }

    @Test
    void malformedYamlAndAMissingFileAreReported() throws IOException {
        // given a broken YAML file and a path with no file
        Path yaml = write("broken.yaml", "cadss: [unclosed\n");
        Path missing = dir.resolve("missing.properties");
        // when they are read
        SiteFileException bad = assertThrows(SiteFileException.class, () -> InstrumentCatalog.builtIn(yaml));
        SiteFileException absent = assertThrows(SiteFileException.class, () -> InstrumentCatalog.builtIn(missing));
        // then the problem names the file
        assertTrue(bad.problems().getFirst().problem().startsWith("not valid YAML"), bad.getMessage());
        assertTrue(absent.problems().getFirst().problem().startsWith("cannot read"), absent.getMessage());
        assertEquals(missing, absent.problems().getFirst().file());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertProblem(SiteFileException e, String key, String problem) {
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals(key) && p.problem().equals(problem)),
                "expected " + key + ": " + problem + " in\n" + e.getMessage());
    }
}
