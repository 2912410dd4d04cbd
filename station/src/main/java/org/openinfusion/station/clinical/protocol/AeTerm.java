package org.openinfusion.station.clinical.protocol;

import java.util.Objects;

/**
 * An adverse event term the protocol expects (offered first when staff record an adverse event; any other term may be
 * typed), with the source that reports it for the study drug or its comparator.
 */
public record AeTerm(String term, String source) {
    public AeTerm {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(source, "source");
        if (term.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("an adverse event term needs its words and its source");
        }
    }
}
