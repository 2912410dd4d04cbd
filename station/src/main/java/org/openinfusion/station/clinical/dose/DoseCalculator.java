package org.openinfusion.station.clinical.dose;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.InfusionSpec;

/** Dose math from clinical.md ("Dose math"). Pure. */
public final class DoseCalculator {
    /** The largest error the rounded volume may cause in the dose given, in percent of the planned dose. */
    public static final double MAX_DOSE_ERROR_PERCENT = 1.0;
    /** Volume steps tried in turn, coarsest first: a syringe's gradations (0.1 mL, then 0.01 mL on a 1 mL syringe). */
    private static final double[] VOLUME_STEPS_ML = {0.1, 0.01};

    private DoseCalculator() {
    }

    /**
     * @throws IllegalArgumentException when the solution would be more concentrated than the label allows for IV use,
     *     or when no measurable volume gives the dose within {@link #MAX_DOSE_ERROR_PERCENT}
     */
    public static DosePlan plan(InfusionSpec spec, SubjectMeasures subject) {
        double weight = basisWeight(spec, subject);
        double dose = roundTo(spec.doseMgPerKg() * weight, spec.doseRoundingMg());
        double minutes = spec.duration().toSeconds() / 60.0;
        double volume = switch (spec.dilution()) {
            case Dilution.FixedFinalVolume v -> {
                requireIvConcentration(dose / v.volumeMl(), dose, v.volumeMl());
                yield v.volumeMl();
            }
            case Dilution.FixedConcentration c -> volumeFor(dose, c.mgPerMl());
        };
        double rate = roundTo(volume * 60 / minutes, spec.rateRoundingMlPerHour());
        return new DosePlan(weight, dose, volume, rate, spec.duration());
    }

    /**
     * The volume of a {@code mgPerMl} solution that holds {@code doseMg}, rounded to the coarsest syringe step that keeps
     * the dose error under {@link #MAX_DOSE_ERROR_PERCENT}. The pump is given this volume to infuse, so the dose given is
     * {@code volume x concentration} whatever the rate's rounding.
     */
    static double volumeFor(double doseMg, double mgPerMl) {
        double exact = doseMg / mgPerMl;
        for (double step : VOLUME_STEPS_ML) {
            double v = roundTo(exact, step);
            if (v > 0 && doseErrorPercent(doseMg, v, mgPerMl) < MAX_DOSE_ERROR_PERCENT) {
                return v;
            }
        }
        throw new IllegalArgumentException(String.format("%.2f mg at %s mg/mL is %.3f mL: too small to measure within %.0f %%; "
                + "use a more dilute solution", doseMg, fmt(mgPerMl), exact, MAX_DOSE_ERROR_PERCENT));
    }

    /** How far {@code volumeMl} of a {@code mgPerMl} solution is from {@code doseMg}, in percent of the dose. */
    public static double doseErrorPercent(double doseMg, double volumeMl, double mgPerMl) {
        return 100 * Math.abs(volumeMl * mgPerMl - doseMg) / doseMg;
    }

    private static void requireIvConcentration(double mgPerMl, double doseMg, double volumeMl) {
        if (mgPerMl > Dilution.MAX_IV_MG_PER_ML) {
            throw new IllegalArgumentException(String.format("%s mg in %s mL is %.1f mg/mL, above the label's maximum of %s mg/mL for IV use",
                    fmt(doseMg), fmt(volumeMl), mgPerMl, fmt(Dilution.MAX_IV_MG_PER_ML)));
        }
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static double basisWeight(InfusionSpec spec, SubjectMeasures s) {
        double w = switch (spec.weightBasis()) {
            case ACTUAL -> s.weightKg();
            case IDEAL -> Math.min(s.weightKg(), ideal(s));
            case ADJUSTED -> {
                double ibw = ideal(s);
                yield s.weightKg() <= ibw ? s.weightKg() : ibw + 0.4 * (s.weightKg() - ibw);
            }
        };
        return spec.weightCapKg().isPresent() ? Math.min(w, spec.weightCapKg().getAsDouble()) : w;
    }

    /** Devine: 50 kg (men) or 45.5 kg (women) + 0.9 kg per cm over 152.4 cm. */
    static double ideal(SubjectMeasures s) {
        if (s.heightCm().isEmpty() || s.sex().isEmpty()) {
            throw new IllegalArgumentException("ideal or adjusted body weight needs height and sex");
        }
        double base = s.sex().get() == SubjectMeasures.Sex.MALE ? 50 : 45.5;
        return Math.max(30, base + 0.9 * (s.heightCm().getAsDouble() - 152.4));
    }

    /** Rounds half up to a multiple of {@code step}, in decimal so 52.5 stays 52.5. */
    static double roundTo(double value, double step) {
        BigDecimal s = BigDecimal.valueOf(step);
        return BigDecimal.valueOf(value).divide(s, 0, RoundingMode.HALF_UP).multiply(s).doubleValue();
    }
}
