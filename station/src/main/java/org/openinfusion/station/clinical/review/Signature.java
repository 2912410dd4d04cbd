package org.openinfusion.station.clinical.review;

import java.time.Instant;

/** An e-signature as recorded: signer's user id and printed name, date-time, meaning, and its audit entry. */
public record Signature(String userId, String printedName, SignatureMeaning meaning, Instant at, long auditSeq) {
}
