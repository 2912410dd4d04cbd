package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An adverse event as staff recorded or confirmed it (the station may propose one from an alarm episode; it counts only
 * once a member of staff confirms it). The fields are those of the CDISC SDTM AE domain: term (AETERM), start and end
 * (AESTDTC, AEENDTC; no end while ongoing), severity (AESEV), seriousness (AESER), relationship to the study drug
 * (AEREL), action taken with it (AEACN) and outcome (AEOUT). Pure.
 *
 * @param id         unique within the session (e.g. "AE-1")
 * @param fromAlarm  the alarm episode it was proposed from, when staff confirmed a proposal (e.g. "NIBP_SYS_HIGH")
 */
public record AdverseEvent(String id, String term, Instant start, Optional<Instant> end, Severity severity, boolean serious,
                           Relationship relationship, Action action, Outcome outcome, Optional<String> fromAlarm) {
    public enum Severity { MILD, MODERATE, SEVERE }

    /** Causality to the study drug (never names the arm). */
    public enum Relationship { NOT_RELATED, UNLIKELY_RELATED, POSSIBLY_RELATED, PROBABLY_RELATED, RELATED }

    /** What was done with the study infusion (SDTM AEACN terms). */
    public enum Action { DOSE_NOT_CHANGED, DRUG_INTERRUPTED, DRUG_WITHDRAWN, NOT_APPLICABLE }

    /** SDTM AEOUT terms. */
    public enum Outcome { RECOVERED_RESOLVED, RECOVERING_RESOLVING, NOT_RECOVERED_NOT_RESOLVED, RECOVERED_RESOLVED_WITH_SEQUELAE,
        FATAL, UNKNOWN }

    public AdverseEvent {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("an adverse event id is 1-32 letters, digits or dashes");
        }
        term = SessionText.required(term, "an adverse event needs a term", 200);
        Objects.requireNonNull(start, "an adverse event needs its start time");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(severity, "an adverse event needs a severity");
        Objects.requireNonNull(relationship, "an adverse event needs its relationship to the study drug");
        Objects.requireNonNull(action, "an adverse event needs the action taken with the study drug");
        Objects.requireNonNull(outcome, "an adverse event needs an outcome");
        Objects.requireNonNull(fromAlarm, "fromAlarm");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("an adverse event cannot end (" + end.get() + ") before it starts (" + start + ")");
        }
    }
}
