package org.openinfusion.station.clinical.api;

/** Clinical events a nurse marks with one tap, and the free-text note. */
public enum MarkerKind {
    NAUSEA("Nausea"),
    VOMITING("Vomiting"),
    EMERGENCE_REACTION("Emergence reaction"),
    ANXIETY("Anxiety"),
    HEADACHE("Headache"),
    ASLEEP("Asleep"),
    INFUSION_PAUSED_BY_NURSE("Infusion paused by nurse"),
    NOTE("Note");

    private final String label;

    MarkerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
