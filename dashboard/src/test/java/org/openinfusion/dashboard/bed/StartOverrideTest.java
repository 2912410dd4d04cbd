package org.openinfusion.dashboard.bed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.session.StartGates;

/** The start override's gate lines in staff words. */
class StartOverrideTest {
    private static StartGates.Unmet lead(int minutesAgo) {
        return new StartGates.Unmet(StartGates.Kind.PRETREATMENT_LEAD, List.of("Study capsule", String.valueOf(minutesAgo), "45",
                String.valueOf(45 - minutesAgo)), "the infusion starts 45 min after Study capsule", Optional.of("Williams 2018"));
    }

    @Test
    void aCapsuleGivenUnderAMinuteAgoWasGivenJustNowNeverZeroMinutesAgo() {
        assertEquals("Study capsule was given just now; the protocol starts the infusion 45 min after it (45 min to go).",
                StartOverride.words(lead(0)));
        assertEquals("Study capsule was given 12 min ago; the protocol starts the infusion 45 min after it (33 min to go).",
                StartOverride.words(lead(12)));
    }
}
