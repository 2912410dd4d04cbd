package org.openinfusion.station.clinical.dose;

import java.util.Optional;
import java.util.OptionalDouble;

/** What the dose depends on: weight, and height and sex when the weight basis is ideal or adjusted. */
public record SubjectMeasures(double weightKg, OptionalDouble heightCm, Optional<Sex> sex) {
    public enum Sex {
        FEMALE,
        MALE
    }

    public SubjectMeasures {
        if (!(weightKg >= 20 && weightKg <= 300)) {
            throw new IllegalArgumentException("weight must be 20 - 300 kg, got " + weightKg);
        }
        if (heightCm.isPresent() && !(heightCm.getAsDouble() >= 100 && heightCm.getAsDouble() <= 250)) {
            throw new IllegalArgumentException("height must be 100 - 250 cm, got " + heightCm.getAsDouble());
        }
    }

    public static SubjectMeasures weight(double kg) {
        return new SubjectMeasures(kg, OptionalDouble.empty(), Optional.empty());
    }
}
