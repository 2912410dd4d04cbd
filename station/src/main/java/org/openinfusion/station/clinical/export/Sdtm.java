package org.openinfusion.station.clinical.export;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;

/**
 * What the SDTM-style files share: identifiers (STUDYID = protocol id, USUBJID = STUDYID-subject code, VISITNUM =
 * the subject's session number in the protocol), ISO 8601 date-times (UTC, to the second) and durations, numbers
 * without trailing zeros, and the time-point reference (the session's infusion start).
 */
final class Sdtm {
    static final String TPTREF = "START OF INFUSION";
    static final String NOT_DONE = "NOT DONE";
    private static final DateTimeFormatter DTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Sdtm() {
    }

    static String studyId(SessionTrail s) {
        return s.protocolId();
    }

    static String usubjid(SessionTrail s) {
        return s.protocolId() + "-" + s.subjectCode();
    }

    static int visitNum(SessionTrail s) {
        return s.period();
    }

    static String visit(SessionTrail s) {
        return "SESSION " + s.period();
    }

    /** ISO 8601 date-time in UTC, to the second (e.g. 2026-11-22T08:40:00); empty for null. */
    static String dtc(Instant t) {
        return t == null ? "" : DTC.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** ISO 8601 duration, signed: PT40M, PT1H20M, -PT5M, PT0M; seconds only when not whole minutes. */
    static String duration(Duration d) {
        Duration a = d.abs();
        StringBuilder s = new StringBuilder(d.isNegative() ? "-PT" : "PT");
        long hours = a.toHours();
        int minutes = a.toMinutesPart();
        BigDecimal seconds = BigDecimal.valueOf(a.toSecondsPart()).add(BigDecimal.valueOf(a.toNanosPart(), 9))
                .stripTrailingZeros();
        if (hours > 0) {
            s.append(hours).append('H');
        }
        if (minutes > 0 || (hours == 0 && seconds.signum() == 0)) {
            s.append(minutes).append('M');
        }
        if (seconds.signum() != 0) {
            s.append(seconds.toPlainString()).append('S');
        }
        return s.toString();
    }

    /** A value as text: 120, 97.5, 0.25 (no exponent, no trailing zeros). */
    static String number(double v) {
        return v == 0 ? "0" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * A time point's planned time from the start of the infusion: its offset when anchored at the infusion start,
     * the infusion's planned duration plus the offset when anchored at its end, minus the pretreatment lead when
     * anchored at the pretreatment; empty for time points anchored at the session start (not tied to the infusion).
     */
    static Optional<Duration> plannedElapsed(Protocol p, ScheduleEntry e) {
        return switch (e.anchor()) {
            case INFUSION_START -> Optional.of(e.offset());
            case INFUSION_END -> Optional.of(p.infusion().duration().plus(e.offset()));
            case PRETREATMENT -> p.pretreatment().map(t -> e.offset().minus(t.beforeInfusion()));
            case SESSION_START -> Optional.empty();
        };
    }

    /** --SEQ: 1, 2, 3, ... per USUBJID within one file. */
    static final class Sequence {
        private final Map<String, Integer> last = new HashMap<>();

        int next(String usubjid) {
            return last.merge(usubjid, 1, Integer::sum);
        }
    }
}
