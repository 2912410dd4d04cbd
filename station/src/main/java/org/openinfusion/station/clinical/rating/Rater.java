package org.openinfusion.station.clinical.rating;

/** Who answers an item: the subject (self-report, entered by staff) or a trained observer. */
public enum Rater {
    SUBJECT,
    OBSERVER
}
