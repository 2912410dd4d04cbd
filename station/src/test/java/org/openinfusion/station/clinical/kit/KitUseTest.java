package org.openinfusion.station.clinical.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KitUseTest {
    private static final KitUse NAMED = KitUse.named("KET-014", "KIT-1");

    @Test
    void aKitIsHeldFromTheMomentASessionNamesItAndAnUndosedCloseDoesNotGiveItBack() {
        assertTrue(NAMED.holdsKit());
        assertTrue(NAMED.close().holdsKit(), "the station cannot know the dose was not prepared");
        assertTrue(NAMED.dose().close().holdsKit());
    }

    @Test
    void onlyAnUndosedSessionsKitIsReturnedAndOnlyWithAReason() {
        assertFalse(NAMED.returnUnopened(Optional.of("BP too high; kit sealed")).close().holdsKit());
        assertEquals("returning kit KIT-1 needs a reason (and that it was never opened)",
                assertThrows(IllegalStateException.class, () -> NAMED.returnUnopened(Optional.of("  "))).getMessage());
        assertThrows(IllegalStateException.class, () -> NAMED.returnUnopened(Optional.empty()));
        assertEquals("kit KIT-1 was used in a dosed session: it cannot be returned",
                assertThrows(IllegalStateException.class, () -> NAMED.dose().returnUnopened(Optional.of("stopped at once"))).getMessage());
        KitUse returned = NAMED.returnUnopened(Optional.of("sealed"));
        assertEquals("kit KIT-1 was already returned",
                assertThrows(IllegalStateException.class, () -> returned.returnUnopened(Optional.of("again"))).getMessage());
        assertThrows(IllegalArgumentException.class, returned::dose, "a returned kit cannot then be dosed in that session");
    }
}
