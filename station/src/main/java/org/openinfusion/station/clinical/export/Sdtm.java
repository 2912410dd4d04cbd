package org.openinfusion.station.clinical.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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

    /** Each subject's first exposure (pretreatment or infusion start) in the sessions: DM's RFXSTDTC. */
    static Map<String, Instant> firstExposure(List<SessionTrail> sessions) {
        Map<String, Instant> first = new HashMap<>();
        for (SessionTrail s : sessions) {
            Stream.of(s.pretreatmentAt(), s.infusionStart()).flatMap(Optional::stream)
                    .forEach(t -> first.merge(usubjid(s), t, (a, b) -> a.isBefore(b) ? a : b));
        }
        return first;
    }

    /**
     * The table with {@code --LOBXFL} added after {@code after}: "Y" on each subject's last result of each test
     * (--TESTCD) whose --DTC is before the subject's first exposure (RFXSTDTC); results not done (empty --ORRES) are
     * skipped, and the later row wins a tie.
     */
    static Csv lastBeforeExposure(Csv table, String prefix, String after, List<SessionTrail> sessions) {
        Map<String, Instant> exposure = firstExposure(sessions);
        List<String> header = table.header();
        int usubjid = header.indexOf("USUBJID");
        int test = header.indexOf(prefix + "TESTCD");
        int dtc = header.indexOf(prefix + "DTC");
        int orres = header.indexOf(prefix + "ORRES");
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> r = table.rows().get(i);
            Instant first = exposure.get(r.get(usubjid));
            if (first == null || r.get(orres).isEmpty() || r.get(dtc).isEmpty() || r.get(dtc).compareTo(dtc(first)) >= 0) {
                continue;
            }
            String key = r.get(usubjid) + "\n" + r.get(test);
            Integer known = last.get(key);
            if (known == null || r.get(dtc).compareTo(table.rows().get(known).get(dtc)) >= 0) {
                last.put(key, i);
            }
        }
        Set<Integer> flagged = new HashSet<>(last.values());
        int at = header.indexOf(after) + 1;
        List<String> columns = new ArrayList<>(header);
        columns.add(at, prefix + "LOBXFL");
        Csv out = new Csv(columns);
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = new ArrayList<>(table.rows().get(i));
            row.add(at, flagged.contains(i) ? "Y" : "");
            out.row(row);
        }
        return out;
    }

    static final String SCREENING = "SCREENING";
    static final String TREATMENT = "BLINDED TREATMENT";
    static final String FOLLOW_UP = "FOLLOW-UP";

    /** {@code table} with the EPOCH of the rows listed in {@code epochs} (row index to epoch) set as given. */
    static Csv withEpochs(Csv table, Map<Integer, String> epochs) {
        if (epochs.isEmpty()) {
            return table;
        }
        int epoch = table.header().indexOf("EPOCH");
        Csv patched = new Csv(table.header());
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = new ArrayList<>(table.rows().get(i));
            if (epochs.containsKey(i)) {
                row.set(epoch, epochs.get(i));
            }
            patched.row(row);
        }
        return patched;
    }

    /**
     * The table with EPOCH added after VISIT (after VISITDY where the table has it), from each row's {@code dtcColumn} within its session (USUBJID and
     * VISITNUM): SCREENING before the session's first exposure (pretreatment, else infusion start) or when it has
     * none, BLINDED TREATMENT from then until the infusion's end, FOLLOW-UP from the end on; empty without a date-time.
     */
    static Csv withEpoch(Csv table, String dtcColumn, List<SessionTrail> sessions) {
        Map<String, SessionTrail> bySession = new HashMap<>();
        sessions.forEach(s -> bySession.put(usubjid(s) + "\n" + visitNum(s), s));
        List<String> header = table.header();
        int usubjid = header.indexOf("USUBJID");
        int visit = header.indexOf("VISITNUM");
        int dtc = header.indexOf(dtcColumn);
        int at = (header.contains("VISITDY") ? header.indexOf("VISITDY") : header.indexOf("VISIT")) + 1;
        List<String> columns = new ArrayList<>(header);
        columns.add(at, "EPOCH");
        Csv out = new Csv(columns);
        for (List<String> r : table.rows()) {
            SessionTrail s = bySession.get(r.get(usubjid) + "\n" + r.get(visit));
            String time = r.get(dtc);
            String epoch = "";
            if (s != null && !time.isEmpty()) {
                Optional<Instant> start = Stream.of(s.pretreatmentAt(), s.infusionStart()).flatMap(Optional::stream)
                        .min(Instant::compareTo);
                Optional<Instant> end = s.infusionEnd();
                epoch = start.isEmpty() || time.compareTo(dtc(start.get())) < 0 ? SCREENING
                        : end.isPresent() && time.compareTo(dtc(end.get())) >= 0 ? FOLLOW_UP : TREATMENT;
            }
            List<String> row = new ArrayList<>(r);
            row.add(at, epoch);
            out.row(row);
        }
        return out;
    }

    /** A parent domain and its supplemental qualifiers (SUPP--). */
    record Parts(Csv parent, Csv supp) {
    }

    /**
     * SUPP-- rows: each a non-standard variable (QNAM, at most 8 characters) of one parent record, identified by
     * --SEQ (IDVAR/IDVARVAL). Empty values make no row.
     */
    static final class Supp {
        static final List<String> COLUMNS = List.of("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL",
                "QORIG", "QEVAL");
        private final String domain;
        private final Csv csv = new Csv(COLUMNS);

        Supp(String domain) {
            this.domain = domain;
        }

        void add(String studyId, String usubjid, int seq, String qnam, String qlabel, String value, String origin) {
            if (value != null && !value.isEmpty()) {
                csv.row(studyId, domain, usubjid, domain + "SEQ", seq, qnam, qlabel, value, origin, "");
            }
        }

        /** A text longer than 200 characters in pieces: QNAM, QNAM1, QNAM2, ... (SDTMIG 4.5.3.2). */
        void addText(String studyId, String usubjid, int seq, String qnam, String qlabel, String value, String origin) {
            if (value == null) {
                return;
            }
            List<String> pieces = pieces(value);
            for (int i = 0; i < pieces.size(); i++) {
                add(studyId, usubjid, seq, i == 0 ? qnam : qnam.substring(0, Math.min(qnam.length(), 7)) + i, qlabel, pieces.get(i),
                        origin);
            }
        }

        Csv table() {
            return csv;
        }
    }

    /** Text values of more UTF-8 bytes than this go in pieces (the XPORT limit), never cutting a character. */
    static final int TEXT_PIECE = 200;

    /** A text in pieces of at most {@link #TEXT_PIECE} UTF-8 bytes, never cutting a character; empty text gives none. */
    static List<String> pieces(String value) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < value.length()) {
            int end = start;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > TEXT_PIECE) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            pieces.add(value.substring(start, end));
            start = end;
        }
        return pieces;
    }

    /** --SEQ: 1, 2, 3, ... per USUBJID within one file. */
    static final class Sequence {
        private final Map<String, Integer> last = new HashMap<>();

        int next(String usubjid) {
            return last.merge(usubjid, 1, Integer::sum);
        }
    }
}
