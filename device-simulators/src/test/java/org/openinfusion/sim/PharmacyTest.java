package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.signal.Bag;
import org.openinfusion.sim.signal.Drug;

class PharmacyTest {

    @Test
    void eachKitGetsTheBagThePharmacistPrepared() {
        Pharmacy pharmacy = Pharmacy.parse("kits.csv", List.of("# kit, drug, mg/kg", "KIT-0001,midazolam,0.025",
                "KIT-0002, ketamine , 0.71", "KIT-0003,saline,0", ""));
        assertEquals(Optional.of(new Bag(Drug.MIDAZOLAM, 0.025)), pharmacy.bagFor("KIT-0001"));
        assertEquals(Optional.of(new Bag(Drug.KETAMINE, 0.71)), pharmacy.bagFor("KIT-0002"));
        assertEquals(Optional.of(Bag.saline()), pharmacy.bagFor("KIT-0003"));
        assertEquals(Optional.empty(), pharmacy.bagFor("KIT-0004"));
        assertEquals("Pharmacy[3 kits, sealed]", pharmacy.toString());
    }

    @Test
    void aBadLineIsNamedWithoutItsContent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pharmacy.parse("kits.csv", List.of("KIT-0001,midazolam,0.025", "KIT-0002,morphine,0.1")));
        assertEquals("kits.csv line 2: drug must be ketamine, midazolam or saline and the dose 0-5 mg/kg", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Pharmacy.parse("kits.csv", List.of("KIT-0001,midazolam,0.025", "KIT-0001,saline,0")))
                .getMessage().endsWith("line 2: kit listed twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pharmacy.parse("kits.csv", List.of("KIT-0001,midazolam")))
                .getMessage().endsWith("line 1: expected 'KIT-ID,DRUG,MG-PER-KG'"));
    }
}
