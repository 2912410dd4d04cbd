package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KetamineEffectTest {

    private final KetamineEffect effect = new KetamineEffect(InfusionPlan.defaults());

    @Test
    void effectPeaksAtTheEndOfTheInfusionAndFadesByEightyMinutes() {
        // given the infusion from minute 1 to minute 41
        // then
        assertEquals(0.0, effect.at(30));
        assertTrue(effect.at(21 * 60) > 0.3 && effect.at(21 * 60) < effect.at(40 * 60));
        assertEquals(1.0, effect.at(41 * 60), 1e-9);
        assertTrue(effect.at(41 * 60 + 1) < 1.0);
        assertTrue(effect.at(81 * 60) < 0.15, "mostly gone 40 minutes after the end");
    }
}
