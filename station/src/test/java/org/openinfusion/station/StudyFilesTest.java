package org.openinfusion.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.config.ClinicalConfig;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;

/** The study's kit list and pharmacy file named in the configuration are read at start-up; a bad one stops the start. */
class StudyFilesTest {
    @TempDir
    Path dir;

    @Test
    void byDefaultNoKitListAndNoPharmacyFileAreConfigured() {
        assertEquals(ClinicalConfig.NONE, StationConfig.from(Settings.defaultsWith(Map.of())).clinical());
    }

    @Test
    void aConfiguredKitListIsReadAndItsPathResolved() throws Exception {
        Path kits = Files.writeString(dir.resolve("kits.csv"), "kit_id,subject,period\nKIT-1,KET-014,1\n");
        ClinicalConfig c = StationConfig.from(Settings.defaultsWith(Map.of("clinical.kitList", kits.toString()))).clinical();

        var files = StationApp.studyFiles(c, ProtocolCatalog.builtIn());

        assertEquals(1, files.kitList().orElseThrow().size());
        assertEquals(Optional.empty(), files.kitAssignments());
    }

    @Test
    void aKitListWithBadLinesStopsTheStartNamingEveryLine() throws Exception {
        Path kits = Files.writeString(dir.resolve("kits.csv"), "kit_id,subject,period\nKIT-1,KET-014,1\nKIT-1,KET-015,1\nKIT-2,KET-014\n");

        ConfigException e = assertThrows(ConfigException.class, () -> StationApp.studyFiles(
                new ClinicalConfig(Optional.of(kits), Optional.empty()), ProtocolCatalog.builtIn()));

        assertEquals("clinical.kitList: kits.csv line 3: kit KIT-1 already listed on line 2; "
                + "kits.csv line 4: expected 3 fields (kit_id,subject,period), got 2", e.getMessage());
    }

    @Test
    void aMissingFileOrAnArmNoProtocolHasStopsTheStart() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> StationApp.studyFiles(
                new ClinicalConfig(Optional.of(dir.resolve("nope.csv")), Optional.empty()), ProtocolCatalog.builtIn()));
        assertTrue(missing.getMessage().startsWith("clinical.kitList: cannot read "), missing.getMessage());
        Path arms = Files.writeString(dir.resolve("arms.csv"), "KIT-1,ZZZ\n");
        ConfigException badArm = assertThrows(ConfigException.class, () -> StationApp.studyFiles(
                new ClinicalConfig(Optional.empty(), Optional.of(arms)), ProtocolCatalog.builtIn()));
        assertTrue(badArm.getMessage().endsWith("line 1: arm code is not one of the protocol's arms"), badArm.getMessage());
    }
}
