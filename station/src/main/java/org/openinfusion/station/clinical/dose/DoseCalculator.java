package org.openinfusion.station.clinical.dose;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.InfusionSpec;

/** Dose math from clinical.md ("Dose math"). Pure. */
public final class DoseCalculator {
    private DoseCalculator() {
    }

    public static DosePlan plan(InfusionSpec spec, SubjectMeasures subject) {
        double weight = basisWeight(spec, subject);
        double dose = roundTo(spec.doseMgPerKg() * weight, spec.doseRoundingMg());
        double minutes = spec.duration().toSeconds() / 60.0;
        double volume = switch (spec.dilution()) {
            case Dilution.FixedFinalVolume v -> v.volumeMl();
            case Dilution.FixedConcentration c -> roundTo(dose / c.mgPerMl(), 0.1);
        };
        double rate = roundTo(volume * 60 / minutes, spec.rateRoundingMlPerHour());
        return new DosePlan(weight, dose, volume, rate, spec.duration());
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
