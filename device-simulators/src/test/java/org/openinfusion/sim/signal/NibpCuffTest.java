package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NibpCuffTest {

    private final NibpCuff cuff = new SimulatedPatient(13, InfusionPlan.defaults()).nibp();

    @Test
    void cuffReadsEveryFiveMinutes() {
        // when
        List<NibpReading> readings = cuff.completedIn(-1, 60 * 60);
        // then
        assertEquals(12, readings.size());
        for (int i = 0; i < readings.size(); i++) {
            NibpReading reading = readings.get(i);
            assertEquals(i, reading.cycle());
            double intoCycle = reading.measuredAt() - i * 300;
            assertTrue(intoCycle >= 25 && intoCycle <= 40, "cycle " + i + " ended " + intoCycle + " s in");
        }
    }

    @Test
    void readingsAreReportedOnceWhateverTheWindows() {
        // given
        int inOneWindow = cuff.completedIn(0, 3600).size();
        // when
        int inOneSecondWindows = 0;
        for (int second = 1; second <= 3600; second++) {
            inOneSecondWindows += cuff.completedIn(second - 1, second).size();
        }
        // then
        assertEquals(inOneWindow, inOneSecondWindows);
    }

    @Test
    void bloodPressureRisesTowardsTheEndOfTheInfusion() {
        // given: the infusion runs from minute 1 to minute 41
        NibpReading baseline = cuff.reading(0);
        NibpReading endOfInfusion = cuff.reading(8);
        NibpReading later = cuff.reading(20);
        // then
        assertTrue(endOfInfusion.systolic() - baseline.systolic() >= 8, "systolic rise " + endOfInfusion + " vs " + baseline);
        assertTrue(endOfInfusion.diastolic() - baseline.diastolic() >= 5, "diastolic rise");
        assertTrue(later.systolic() < endOfInfusion.systolic(), "fading after the infusion");
        assertTrue(endOfInfusion.mean() > endOfInfusion.diastolic() && endOfInfusion.mean() < endOfInfusion.systolic());
    }

    @Test
    void theSameCycleAlwaysReadsTheSame() {
        assertEquals(cuff.reading(3), cuff.reading(3));
    }
}
