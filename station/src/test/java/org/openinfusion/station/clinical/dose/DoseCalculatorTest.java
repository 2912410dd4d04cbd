package org.openinfusion.station.clinical.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.InfusionSpec;
import org.openinfusion.station.clinical.protocol.WeightBasis;

class DoseCalculatorTest {
    private static InfusionSpec spec(double mgPerKg, int minutes, Dilution d, WeightBasis basis, OptionalDouble cap) {
        return new InfusionSpec(mgPerKg, basis, cap, Duration.ofMinutes(minutes), d, 0.5, 0.1, "test");
    }

    private static final InfusionSpec CONC_1 = spec(0.5, 40, new Dilution.FixedConcentration(1), WeightBasis.ACTUAL, OptionalDouble.of(150));
    private static final InfusionSpec BAG_100 = spec(0.5, 40, new Dilution.FixedFinalVolume(100), WeightBasis.ACTUAL, OptionalDouble.of(150));

    @Test
    void seventyKilogramsAtOneMilligramPerMillilitreIsThirtyFiveMillilitresAtFiftyTwoAndAHalf() {
        DosePlan p = DoseCalculator.plan(CONC_1, SubjectMeasures.weight(70));
        assertEquals(35.0, p.nominalDoseMg());
        assertEquals(35.0, p.volumeMl());
        assertEquals(52.5, p.rateMlPerHour());
    }

    @Test
    void aHundredMillilitreBagOverFortyMinutesRunsAtOneHundredFiftyForEveryone() {
        for (double kg = 40; kg <= 150; kg += 0.5) {
            DosePlan p = DoseCalculator.plan(BAG_100, SubjectMeasures.weight(kg));
            assertEquals(150.0, p.rateMlPerHour(), "rate at " + kg + " kg");
            assertEquals(100.0, p.volumeMl());
            assertEquals(Math.round(kg) == kg ? 0.5 * kg : p.nominalDoseMg(), p.nominalDoseMg());
        }
        assertEquals(90.0, DoseCalculator.plan(spec(0.5, 40, new Dilution.FixedFinalVolume(60), WeightBasis.ACTUAL, OptionalDouble.empty()),
                SubjectMeasures.weight(80)).rateMlPerHour());
        assertEquals(69.2, DoseCalculator.plan(spec(0.71, 52, new Dilution.FixedFinalVolume(60), WeightBasis.ACTUAL, OptionalDouble.empty()),
                SubjectMeasures.weight(80)).rateMlPerHour());
    }

    @Test
    void fixedConcentrationDoseVolumeAndRateHoldTogetherFrom40To150Kilograms() {
        for (double kg = 40; kg <= 150; kg += 0.1) {
            DosePlan p = DoseCalculator.plan(CONC_1, SubjectMeasures.weight(kg));
            // the dose is a multiple of 0.5 mg within 0.25 mg of 0.5 mg/kg
            assertEquals(0, Math.round(p.nominalDoseMg() * 2) - p.nominalDoseMg() * 2, 1e-9);
            assertTrue(Math.abs(p.nominalDoseMg() - 0.5 * kg) <= 0.25 + 1e-9, kg + " kg -> " + p.nominalDoseMg());
            assertEquals(p.nominalDoseMg(), p.volumeMl(), 1e-9);
            // and the rate delivers the volume in 40 minutes, to the rate rounding
            assertEquals(p.volumeMl() * 1.5, p.rateMlPerHour(), 0.05 + 1e-9);
        }
    }

    @Test
    void roundingIsHalfUpToTheProtocolStep() {
        assertEquals(36.5, DoseCalculator.plan(CONC_1, SubjectMeasures.weight(73.3)).nominalDoseMg());
        assertEquals(37.0, DoseCalculator.plan(CONC_1, SubjectMeasures.weight(73.5)).nominalDoseMg());
        assertEquals(55.5, DoseCalculator.plan(CONC_1, SubjectMeasures.weight(73.5)).rateMlPerHour());
    }

    @Test
    void theWeightCapLimitsTheDose() {
        assertEquals(75.0, DoseCalculator.plan(CONC_1, SubjectMeasures.weight(160)).nominalDoseMg());
        assertEquals(150.0, DoseCalculator.plan(CONC_1, SubjectMeasures.weight(160)).basisWeightKg());
    }

    @Test
    void idealAndAdjustedWeightsFollowDevine() {
        SubjectMeasures man = new SubjectMeasures(100, OptionalDouble.of(180), Optional.of(SubjectMeasures.Sex.MALE));
        InfusionSpec ideal = spec(0.5, 40, new Dilution.FixedConcentration(1), WeightBasis.IDEAL, OptionalDouble.empty());
        InfusionSpec adjusted = spec(0.5, 40, new Dilution.FixedConcentration(1), WeightBasis.ADJUSTED, OptionalDouble.empty());
        // IBW = 50 + 0.9 x (180 - 152.4) = 74.84 kg; adjusted = 74.84 + 0.4 x (100 - 74.84) = 84.904 kg
        assertEquals(74.84, DoseCalculator.plan(ideal, man).basisWeightKg(), 1e-9);
        assertEquals(37.5, DoseCalculator.plan(ideal, man).nominalDoseMg());
        assertEquals(84.904, DoseCalculator.plan(adjusted, man).basisWeightKg(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> DoseCalculator.plan(ideal, SubjectMeasures.weight(70)));
    }

    @Test
    void expectedVolumeFollowsInfusingTimeAndStopsAtThePlannedVolume() {
        DosePlan p = DoseCalculator.plan(BAG_100, SubjectMeasures.weight(70));
        assertEquals(50.0, p.expectedVolumeMl(Duration.ofMinutes(20)), 1e-9);
        assertEquals(100.0, p.expectedVolumeMl(Duration.ofMinutes(55)), 1e-9);
    }

    @Test
    void implausibleInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubjectMeasures.weight(7));
        assertThrows(IllegalArgumentException.class, () -> new Dilution.FixedFinalVolume(0));
    }

    /**
     * The dose error table: for each concentration and weights 40-150 kg in 0.1 kg steps, the volume the pump is given
     * holds the planned dose within 1 %. The worst case per concentration is printed (a figure, not a timing).
     */
    @Test
    void theVolumeHoldsThePlannedDoseWithinOnePercentAtEveryWeightFrom40To150Kilograms() {
        for (double mgPerMl : new double[] {1, 2, 10, 25, 50}) {
            for (double mgPerKg : new double[] {0.41, 0.5, 0.71, 0.75, 0.8}) {
                InfusionSpec s = spec(mgPerKg, 40, new Dilution.FixedConcentration(mgPerMl), WeightBasis.ACTUAL, OptionalDouble.of(150));
                double worst = 0;
                double worstKg = 0;
                for (int tenths = 400; tenths <= 1500; tenths++) {
                    double kg = tenths / 10.0;
                    DosePlan p = DoseCalculator.plan(s, SubjectMeasures.weight(kg));
                    double error = DoseCalculator.doseErrorPercent(p.nominalDoseMg(), p.volumeMl(), mgPerMl);
                    assertTrue(error < 1.0, String.format("%s mg/kg at %s mg/mL, %.1f kg: %.2f mL for %.1f mg is %.2f %% off",
                            mgPerKg, mgPerMl, kg, p.volumeMl(), p.nominalDoseMg(), error));
                    if (error > worst) {
                        worst = error;
                        worstKg = kg;
                    }
                }
                System.out.printf("dose error table: %.2f mg/kg at %4.0f mg/mL, 40-150 kg: %s%n", mgPerKg, mgPerMl,
                        worst == 0 ? "exact at every weight" : String.format("worst %.3f %% (at %.1f kg)", worst, worstKg));
            }
        }
    }

    @Test
    void fortyFiveKilogramsAtFiftyMilligramsPerMillilitreIsMeasuredToAHundredthOfAMillilitre() {
        InfusionSpec s = spec(0.5, 40, new Dilution.FixedConcentration(50), WeightBasis.ACTUAL, OptionalDouble.empty());
        DosePlan p = DoseCalculator.plan(s, SubjectMeasures.weight(45));
        assertEquals(22.5, p.nominalDoseMg());
        // a 0.1 mL step would give 0.5 mL = 25 mg, 11 % over; 0.45 mL holds the dose exactly
        assertEquals(0.45, p.volumeMl(), 1e-9);
        assertEquals(0.0, DoseCalculator.doseErrorPercent(22.5, p.volumeMl(), 50), 1e-9);
    }

    @Test
    void aVolumeTooSmallToMeasureWithinOnePercentIsRefusedWithTheFigures() {
        InfusionSpec s = spec(0.5, 40, new Dilution.FixedConcentration(50), WeightBasis.ACTUAL, OptionalDouble.empty());
        InfusionSpec fine = new InfusionSpec(0.5, WeightBasis.ACTUAL, OptionalDouble.empty(), Duration.ofMinutes(40),
                new Dilution.FixedConcentration(50), 0.01, 0.1, "test");
        // 34.49 kg -> 17.25 mg = 0.345 mL: 0.35 mL is 1.4 % over, 0.3 mL 13 % under
        var e = assertThrows(IllegalArgumentException.class, () -> DoseCalculator.plan(fine, SubjectMeasures.weight(34.49)));
        assertTrue(e.getMessage().contains("too small to measure within 1 %"), e.getMessage());
        assertEquals(0.4, DoseCalculator.plan(s, SubjectMeasures.weight(40)).volumeMl(), 1e-9);
    }

    @Test
    void concentrationsAboveTheLabelsMaximumForIvUseAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dilution.FixedConcentration(100));
        assertTrue(e.getMessage().contains("at most 50 mg/mL"), e.getMessage());
        // a fixed final volume too small for the dose: 75 mg in 1 mL is 75 mg/mL
        InfusionSpec tiny = spec(0.5, 40, new Dilution.FixedFinalVolume(1), WeightBasis.ACTUAL, OptionalDouble.empty());
        var f = assertThrows(IllegalArgumentException.class, () -> DoseCalculator.plan(tiny, SubjectMeasures.weight(150)));
        assertEquals("75 mg in 1 mL is 75.0 mg/mL, above the label's maximum of 50 mg/mL for IV use", f.getMessage());
    }
}
