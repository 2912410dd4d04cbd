package org.openinfusion.station.clinical.api;

/** The steps a nurse takes through a session, in order; each becomes a {@code SessionEvent}. */
public enum Step {
    BASELINE("Start baseline"),
    PRETREATMENT("Record pretreatment"),
    CONFIRM_INFUSION_START("Confirm infusion start"),
    END_OF_INFUSION("End of infusion"),
    OBSERVATION("Start observation"),
    READY_FOR_DISCHARGE("Ready for discharge"),
    CLOSE("Close session");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
