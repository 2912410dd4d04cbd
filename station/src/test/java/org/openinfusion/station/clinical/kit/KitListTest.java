package org.openinfusion.station.clinical.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KitListTest {
    private static final List<String> LIST = List.of(
            "# randomisation 2026-11, block size 4",
            "kit_id,subject,period",
            "KIT-0001,KET-014,1",
            "KIT-0002,KET-014,2",
            "KIT-0003,KET-015,1",
            "");

    private static KitList list() {
        return KitList.parse("kits.csv", LIST);
    }

    @Test
    void aValidListGivesEachKitItsSubjectAndPeriod() {
        KitList kits = list();
        assertEquals(3, kits.size());
        assertEquals(new KitList.Kit("KIT-0002", "KET-014", 2), kits.kit("KIT-0002").orElseThrow());
        assertEquals("KitList[3 kits]", kits.toString());
    }

    @Test
    void everyBadLineIsReportedWithItsFileAndLineNumber() {
        var e = assertThrows(KitListException.class, () -> KitList.parse("kits.csv", List.of(
                "kit_id,subject,period",
                "KIT-0001,KET-014,1",
                "KIT-0001,KET-015,1",
                "KIT-0002,KET-014,1",
                "KIT 3,KET-016,1",
                "KIT-0004,John Smith,1",
                "KIT-0005,KET-017,first",
                "KIT-0006,KET-018",
                "KIT-0007,KET-019,0")));
        assertEquals(List.of(
                "kits.csv line 3: kit KIT-0001 already listed on line 2",
                "kits.csv line 4: KET-014 period 1 already has kit KIT-0001",
                "kits.csv line 5: kit id must be 1-32 letters, digits or dashes",
                "kits.csv line 6: subject must be a study code (upper-case letters, digits, dashes, at least one digit)",
                "kits.csv line 7: period must be a whole number 1-99, got 'first'",
                "kits.csv line 8: expected 3 fields (kit_id,subject,period), got 2",
                "kits.csv line 9: period must be a whole number 1-99, got '0'"), e.problems());
        assertEquals(List.of("kits.csv line 1: expected the header 'kit_id,subject,period'"),
                assertThrows(KitListException.class, () -> KitList.parse("kits.csv", List.of("KIT-0001,KET-014,1"))).problems());
        assertEquals(List.of("kits.csv: empty (expected the header 'kit_id,subject,period' and one kit per line)"),
                assertThrows(KitListException.class, () -> KitList.parse("kits.csv", List.of("# nothing yet"))).problems());
    }

    @Test
    void anUnknownKitIsRefusedAtSessionCreation() {
        var e = assertThrows(IllegalArgumentException.class, () -> list().requireUsable("KIT-9999", "KET-014", Set.of(), 0));
        assertEquals("kit KIT-9999 is not on the kit list", e.getMessage());
    }

    @Test
    void aKitAlreadyUsedByAnotherSessionIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> list().requireUsable("KIT-0001", "KET-014", Set.of("KIT-0001"), 0));
        assertEquals("kit KIT-0001 was already used by another session", e.getMessage());
    }

    @Test
    void aKitAssignedToAnotherSubjectIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> list().requireUsable("KIT-0003", "KET-014", Set.of(), 0));
        assertEquals("kit KIT-0003 is assigned to another subject", e.getMessage());
    }

    @Test
    void theKitMustBeForTheSubjectsNextPeriodCountedOverDosedSessions() {
        KitList kits = list();
        assertEquals(1, kits.requireUsable("KIT-0001", "KET-014", Set.of(), 0).period());
        var e = assertThrows(IllegalArgumentException.class, () -> kits.requireUsable("KIT-0002", "KET-014", Set.of(), 0));
        assertEquals("kit KIT-0002 is for period 2; KET-014 is due period 1 (0 dosed sessions)", e.getMessage());
        assertEquals(2, kits.requireUsable("KIT-0002", "KET-014", Set.of("KIT-0001"), 1).period());
    }

    @Test
    void anAbortedSessionDoesNotBecomePeriodOne() {
        // created, aborted before dosing; then dosed; then dosed again
        assertEquals(List.of(0, 1, 2), CrossoverPeriod.periods(List.of(false, true, true)));
        assertEquals(1, CrossoverPeriod.next(0));
        assertEquals(2, CrossoverPeriod.next(1));
    }
}
