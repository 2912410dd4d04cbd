package org.openinfusion.station.domain;

import java.util.Objects;

/**
 * An IEEE 11073-10101 nomenclature term: its context-free code and reference id.
 * Sources are listed in docs/mqtt.md ("Sources").
 */
public record MdcCode(int code, String referenceId) {
    public MdcCode {
        Objects.requireNonNull(referenceId, "referenceId");
        if (code < 0) {
            throw new IllegalArgumentException("MDC code must not be negative: " + code);
        }
    }

    /** A stream without a standard term (e.g. pump alarm) carries this placeholder; it is stored without an mdc tag. */
    public static final MdcCode NONE = new MdcCode(0, "NONE");

    /** Whether this is a real nomenclature term (not {@link #NONE}). */
    public boolean isTerm() {
        return code > 0;
    }
}
