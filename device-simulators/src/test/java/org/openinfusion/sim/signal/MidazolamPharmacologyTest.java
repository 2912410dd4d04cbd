package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The midazolam active placebo (docs/simulation.md): the Zomorodi 1998 three-compartment model
 * against published figures, and the mild sedation and respiratory depression of 0.025-0.045 mg/kg.
 * Each test prints its figures.
 */
class MidazolamPharmacologyTest {

    private static final double END_40 = 40 * 60;

    /** {@code mgPerKg} midazolam in 100 mL over {@code minutes} from time 0, for a patient of {@code kg}. */
    private static DrugExposure midazolam(double kg, double mgPerKg, double minutes) {
        Pump pump = Pump.idle();
        pump.program(0, 100 * 60 / minutes, 100);
        pump.start(0);
        return new DrugExposure(new Bag(Drug.MIDAZOLAM, mgPerKg), pump, kg);
    }

    @Test
    void afterAFastInjectionTheLevelFallsToAboutATenthWithinTwoHoursAsPublished() {
        // Heizmann, Eckert, Ziegler, Br J Clin Pharmacol 1983;16:43S-49S: after 0.15 mg/kg IV the plasma
        // concentration "decreased to approximately 10 % within 2 h owing to a rapid rate of distribution".
        Pump pump = Pump.idle();
        pump.program(0, 1200, 20); // 20 mL in one minute
        pump.start(0);
        DrugExposure drug = new DrugExposure(new Bag(Drug.MIDAZOLAM, 0.15), pump, 70);
        double ratio = drug.plasma(120 * 60) / drug.plasma(2 * 60);
        System.out.printf(Locale.ROOT, "midazolam 0.15 mg/kg in 1 min: %.0f ng/mL at 2 min, %.1f at 2 h (%.1f %%)%n",
                drug.plasma(120) * 1000, drug.plasma(7200) * 1000, 100 * ratio);
        assertTrue(ratio > 0.05 && ratio < 0.15, "2 h / 2 min = " + ratio);
    }

    @Test
    void theActivePlaceboDosesGiveLevelsThatSedateMildly() {
        // Platten et al., Clin Pharmacol Ther 1998;63:552-560: half-maximal sedation (VAS) at 29.7 ng/mL in young
        // patients after 0.05 mg/kg; Barr et al., Anesthesiology 2001;95:286-298: Ramsay score >= 2 for half of
        // patients at 68 ng/mL. The arms' doses should reach the first and stay under the second.
        double high = midazolam(70, 0.045, 40).plasma(END_40) * 1000;
        double low = midazolam(70, 0.025, 52).plasma(52 * 60) * 1000;
        System.out.printf(Locale.ROOT, "midazolam end of infusion: 0.045 mg/kg/40 min %.1f ng/mL, 0.025 mg/kg/52 min %.1f ng/mL%n",
                high, low);
        assertTrue(high > 29.7 && high < 68, "0.045 mg/kg: " + high);
        assertTrue(low > 15 && low < high, "0.025 mg/kg: " + low);
    }

    @Test
    void theLevelIsWeightScaledAndFallsAfterTheInfusion() {
        assertEquals(midazolam(55, 0.045, 40).plasma(END_40), midazolam(95, 0.045, 40).plasma(END_40), 1e-9);
        DrugExposure drug = midazolam(70, 0.045, 40);
        double at80 = drug.plasma(80 * 60);
        double at180 = drug.plasma(180 * 60);
        System.out.printf(Locale.ROOT, "midazolam 0.045 mg/kg: %.1f ng/mL at 40 min, %.1f at 80, %.1f at 180%n",
                drug.plasma(END_40) * 1000, at80 * 1000, at180 * 1000);
        assertTrue(at80 < drug.plasma(END_40) / 2 && at180 < at80, at80 + " " + at180);
    }

    @Test
    void sedationAndMildRespiratoryDepressionWithoutAlarmOrHaemodynamicChange() {
        double worstRr = 0;
        double worstEtco2 = 0;
        double worstSpo2 = 0;
        double leastSedation = 1;
        for (long seed = 1; seed <= 20; seed++) {
            Physiology mdz = patient(seed, new Bag(Drug.MIDAZOLAM, 0.045));
            Physiology saline = patient(seed, Bag.saline());
            double rr = mdz.respiratoryRate(END_40) / saline.respiratoryRate(END_40) - 1;
            double etco2 = mdz.endTidalCo2(END_40) - saline.endTidalCo2(END_40);
            double spo2 = mdz.spo2(END_40) - saline.spo2(END_40);
            double sedation = mdz.sedation(END_40);
            worstRr = Math.min(worstRr, rr);
            worstEtco2 = Math.max(worstEtco2, etco2);
            worstSpo2 = Math.min(worstSpo2, spo2);
            leastSedation = Math.min(leastSedation, sedation);
            assertTrue(rr < -0.03 && rr > -0.15, "seed " + seed + " breathing slower, mildly: " + rr);
            assertTrue(etco2 > 0.5 && etco2 < 4, "seed " + seed + " EtCO2 up a little: " + etco2);
            // Platten 1998: SpO2 always >= 95 % of baseline after 0.05 mg/kg
            assertTrue(spo2 < 0 && mdz.spo2(END_40) >= 0.95 * saline.spo2(END_40), "seed " + seed + " SpO2 " + spo2);
            // the protocols' alarm limits (RR < 10, EtCO2 > 50, SpO2 < 95) stay unreached
            assertTrue(mdz.respiratoryRate(END_40) > 10 && mdz.endTidalCo2(END_40) < 50 && mdz.spo2(END_40) > 95,
                    "seed " + seed + " within the alarm limits");
            assertTrue(sedation > 0.3 && sedation < 0.8, "seed " + seed + " sedation " + sedation);
            // Pecking et al., Br J Clin Pharmacol 2002;54:357-362: no clinically significant effect on blood pressure
            assertEquals(saline.heartRate(END_40), mdz.heartRate(END_40), 1e-9);
            assertEquals(saline.bloodPressure(END_40), mdz.bloodPressure(END_40));
            double rrAt3h = mdz.respiratoryRate(180 * 60) / saline.respiratoryRate(180 * 60) - 1;
            assertTrue(rrAt3h > rr / 3, "seed " + seed + " faded by 3 h: " + rrAt3h);
        }
        System.out.printf(Locale.ROOT, "midazolam 0.045 mg/kg at 40 min, seeds 1-20: RR at worst %.1f %%, EtCO2 +%.1f mmHg,"
                + " SpO2 %.1f points, sedation at least %.2f%n", 100 * worstRr, worstEtco2, worstSpo2, leastSedation);
    }

    @Test
    void theNurseHangsTheBagThePharmacyPreparedWhenProgrammingThePump() {
        SimulatedPatient patient = new SimulatedPatient(4, Pump.idle());
        new BedEvent.ProgramPump(100 * 60 / 52.0, 100, new Bag(Drug.MIDAZOLAM, 0.025)).apply(patient, 0);
        new BedEvent.StartPump().apply(patient, 0);
        DrugExposure drug = patient.physiology().drug();
        assertEquals(Drug.MIDAZOLAM, drug.drug());
        assertEquals(0, drug.plasma(Drug.KETAMINE, 52 * 60));
        assertTrue(drug.plasma(Drug.MIDAZOLAM, 52 * 60) > 0.015);
        assertEquals("program pump 115.4 mL/h, VTBI 100.0 mL, new bag",
                new BedEvent.ProgramPump(100 * 60 / 52.0, 100, new Bag(Drug.MIDAZOLAM, 0.025)).describe());
        assertEquals("Bag[sealed]", new Bag(Drug.MIDAZOLAM, 0.025).toString());
    }

    @Test
    void aSalineBagHasNoEffectAtAll() {
        Physiology saline = patient(7, Bag.saline());
        Physiology untreated = new Physiology(PatientProfile.fromSeed(7),
                new DrugExposure(Bag.ketamine(), Pump.idle(), 70), new Conditions());
        assertEquals(0, saline.sedation(END_40));
        assertEquals(untreated.respiratoryRate(END_40), saline.respiratoryRate(END_40));
        assertEquals(untreated.spo2(END_40), saline.spo2(END_40));
        assertEquals(untreated.endTidalCo2(END_40), saline.endTidalCo2(END_40));
    }

    private static Physiology patient(long seed, Bag bag) {
        Pump pump = Pump.idle();
        pump.program(0, 150, 100);
        pump.start(0);
        return new SimulatedPatient(seed, pump, bag).physiology();
    }
}
