package org.openinfusion.station.clinical.review;

/** What an e-signature means (21 CFR 11.50: the meaning is shown with every signature). */
public enum SignatureMeaning {
    REVIEWED("Reviewed"),
    APPROVED("Approved");

    private final String label;

    SignatureMeaning(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
