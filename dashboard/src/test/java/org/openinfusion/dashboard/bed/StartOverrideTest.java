package org.openinfusion.dashboard.bed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartOverrideTest {
    @Test
    void theNurseReadsAShortMessageAndTheRulesSourceIsKeptApartWithItsOwnBrackets() {
        String refusal = "Infusion start not confirmed: pre-dose BP 165/95 above 150/90 (source: esketamine phase 3 pre-dose rule "
                + "(SBP > 140, > 150 over 65, DBP > 90); Sanacora 2017: treat baseline > 140/90 before dosing). Take a blood pressure "
                + "now, or give a reason to confirm the start anyway.";

        StartOverride.Parts parts = StartOverride.split(refusal);

        assertEquals("Infusion start not confirmed: pre-dose BP 165/95 above 150/90. Take a blood pressure now, or give a reason to "
                + "confirm the start anyway.", parts.message());
        assertEquals(List.of("esketamine phase 3 pre-dose rule (SBP > 140, > 150 over 65, DBP > 90); Sanacora 2017: treat baseline "
                + "> 140/90 before dosing"), parts.sources());
    }

    @Test
    void aRefusalWithoutASourceIsShownAsItIs() {
        String refusal = "the infusion starts 45 min after the naltrexone capsule (12 min to go): give a reason to start early";

        assertEquals(new StartOverride.Parts(refusal, List.of()), StartOverride.split(refusal));
    }
}
