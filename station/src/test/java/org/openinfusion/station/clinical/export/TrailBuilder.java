package org.openinfusion.station.clinical.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.audit.AuditWriter;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.FakeSeries;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;
import org.openinfusion.testing.TempFolders;

/**
 * Records real audit trails as the station does (SessionService writing through an AuditLog on disk), on a clock
 * moved by hand, and the vital signs the bed's monitor would have stored meanwhile ({@link #vitals}).
 *
 * <p>The full session (naltrexone crossover, subject KET-401, kit KIT-9, bed-01): created 08:00, baseline 08:01 with
 * CADSS r1 (item 7 not assessed) corrected by r2 (item 3: 1 -> 2), BPRS+ r3 and VAS r4; capsule 08:15; the pump
 * infuses 35 mL at 52.5 mL/h from 09:00 to 09:40 with a cuff reading every 5 minutes (186/104 at 09:35: a
 * hypertension alarm, acknowledged, cleared by 150/80 at 09:40); markers at 09:20 (emergence reaction), 09:25
 * (nausea), 09:30 (asleep, a note); t20 CADSS-6 r5 and VAS r6; at 09:42 CADSS r7, BPRS+ r8, MOAA/S r9; observation
 * 09:45, ready 11:50, closed 12:00.
 */
public final class TrailBuilder implements AutoCloseable {
    public static final String BED = "bed-01";
    static final String PROTOCOL = "ketamine-naltrexone-crossover";
    static final String SUBJECT = "KET-401";
    static final String KIT = "KIT-9";
    static final Instant CREATED = Instant.parse("2026-11-22T08:00:00Z");
    static final Instant INFUSION_START = Instant.parse("2026-11-22T09:00:00Z");
    static final Instant CLOSED = Instant.parse("2026-11-22T12:00:00Z");
    static final String PRINTED_NAME = "Dr Ada Reviewer";
    private static final DeviceRef PUMP = new DeviceRef(BED, "pump");
    private static final DeviceRef MONITOR = new DeviceRef(BED, "monitor");

    final Path file;
    private final MutableClock clock = new MutableClock(CREATED);
    private final AuditLog log;
    private final SessionService service;

    private TrailBuilder(Path file) throws IOException {
        this.file = file;
        this.log = AuditLog.open(file, clock);
        this.service = Sessions.service(new AuditWriter(log), clock);
    }

    public static TrailBuilder open(Path file) throws IOException {
        return new TrailBuilder(file);
    }

    /** A recorded trail file: the full session (signed, amended, unblinded) and the subject's second session. */
    public record Recorded(Path file, String first, String second, List<AuditEntry> entries) {
    }

    private static Recorded shared;

    /** The trail every export test reads, recorded once per test run (read it, never change it). */
    public static synchronized Recorded shared() {
        if (shared == null) {
            try {
                Path dir = TempFolders.deletedOnExit("export-trail-");
                Path file = dir.resolve("audit.log");
                try (TrailBuilder t = open(file)) {
                    String first = t.fullSession();
                    t.signAndAmend(first);
                    t.unblind(first);
                    String second = t.secondSession();
                    shared = new Recorded(file, first, second, t.entries());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Records the full session described above; returns its id. */
    String fullSession() {
        at("08:00:00");
        String id = service.create("nurse1", BED, PROTOCOL, SUBJECT, SubjectMeasures.weight(70), KIT).id();
        at("08:01:00");
        service.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        at("08:05:00");
        Map<String, Answer> cadss = cadss(1);
        cadss.put("7", Answer.notAssessed("participant asleep"));
        Rating r1 = rating("r1", "cadss", null, "baseline", "nurse", "nurse1", cadss);
        service.record(BED, r1);
        at("08:06:00");
        cadss.put("3", Answer.score(2));
        service.record(BED, r1.correctedBy("r2", "nurse", "nurse2", clock.instant().minusSeconds(30), clock.instant(), cadss,
                "item 3 entered in the wrong row, \"2\" intended"));
        at("08:08:00");
        service.record(BED, rating("r3", "bprs_pos", null, "baseline", "research_rater", "rater1", bprs(1, 2, 1, 1)));
        at("08:09:00");
        service.record(BED, rating("r4", "vas", null, "baseline", "nurse", "nurse1",
                Map.of("high", Answer.score(10), "nausea", Answer.score(0), "craving", Answer.score(25))));
        at("08:15:00");
        service.command(BED, new SessionEvent.PretreatmentGiven(clock.instant(), "nurse1"));
        for (int minute = -10; minute <= 40; minute++) {
            clock.set(INFUSION_START.plus(Duration.ofMinutes(minute)));
            if (minute >= 0) {
                pump(minute);
            }
            if (minute % 5 == 0) {
                cuff(Math.floorDiv(minute, 5));
            }
            duringInfusion(minute);
        }
        at("09:42:00");
        service.record(BED, rating("r7", "cadss", null, "end-of-infusion", "nurse", "nurse1", cadss(2)));
        service.record(BED, rating("r8", "bprs_pos", null, "end-of-infusion", "research_rater", "rater1", bprs(1, 1, 1, 1)));
        service.record(BED, rating("r9", "moaas", null, "end-of-infusion", "nurse", "nurse1", Map.of("1", Answer.score(4))));
        at("09:45:00");
        service.command(BED, new SessionEvent.ObservationStarted(clock.instant(), "nurse1"));
        at("11:50:00");
        service.command(BED, new SessionEvent.ReadyForDischarge(clock.instant(), "dr1"));
        at("12:00:00");
        service.command(BED, new SessionEvent.Closed(clock.instant(), "nurse1", "discharged"));
        return id;
    }

    private void duringInfusion(int minute) {
        switch (minute) {
            case 20 -> {
                service.mark(BED, "nurse1", "EMERGENCE_REACTION", "agitated, reassured; lights dimmed");
                service.record(BED, rating("r5", "cadss", "cadss6", "t20", "nurse", "nurse1", Map.of("1", Answer.score(1),
                        "2", Answer.score(2), "6", Answer.score(0), "7", Answer.score(3), "15", Answer.score(1), "22", Answer.score(2))));
                service.record(BED, rating("r6", "vas", null, "t20", "nurse", "nurse1",
                        Map.of("high", Answer.score(60), "nausea", Answer.score(35), "craving", Answer.score(5))));
            }
            case 25 -> service.mark(BED, "nurse1", "NAUSEA", "");
            case 30 -> {
                service.mark(BED, "nurse1", "ASLEEP", "");
                service.mark(BED, "nurse1", "NOTE", "family called");
            }
            case 36 -> service.acknowledge(BED, "LIMIT:nibp_sys:lo90:hi180", "nurse1");
            default -> {
            }
        }
    }

    /** The pump: infusing at 52.5 mL/h (35 mL over 40 min), completed at minute 40. */
    private void pump(int minute) {
        Instant now = clock.instant();
        service.state(new StateSample(PUMP, Stream.PUMP_STATE, minute < 40 ? "infusing" : "completed", now, now, minute));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, minute < 40 ? 52.5 : 0, now, now, minute));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, 52.5 * minute / 60, now, now, minute));
    }

    /** Cuff reading k (k * 5 minutes from the infusion start) as the monitor sends it to the station. */
    private void cuff(int k) {
        Instant now = clock.instant();
        service.numeric(new NumericSample(MONITOR, Stream.NIBP_SYS, systolic(k), now, now, k + 100));
        service.numeric(new NumericSample(MONITOR, Stream.NIBP_DIA, diastolic(k), now, now, k + 100));
    }

    static double systolic(int k) {
        return k == 7 ? 186 : 120 + k;
    }

    static double diastolic(int k) {
        return k == 7 ? 104 : 80;
    }

    /**
     * The physician signs the closed session, then amends BPRS+ r8 in review (correction r10 marked as an amendment,
     * and its {@code record.amended} entry, as the review service writes them) and adds a note.
     */
    void signAndAmend(String sessionId) {
        at("12:30:00");
        AuditEntry last = entries().getLast();
        append("record.signed", "dr1", sessionId, Map.of("meaning", "reviewed", "printedName", PRINTED_NAME,
                "signedAt", clock.instant().toString(), "lastSeq", last.seq(), "lastHash", last.hash()));
        at("12:40:00");
        Map<String, Object> r10 = new LinkedHashMap<>();
        r10.put("ratingId", "r10");
        r10.put("timePoint", "end-of-infusion");
        r10.put("instrument", "bprs_pos");
        r10.put("shortForm", null);
        r10.put("raterRole", "physician");
        r10.put("startedAt", "2026-11-22T09:40:00Z");
        r10.put("finishedAt", "2026-11-22T09:42:00Z");
        r10.put("answers", Map.of("conceptual_disorganization", 1, "hallucinatory_behavior", 1, "suspiciousness", 3,
                "unusual_thought_content", 1));
        r10.put("total", 6);
        r10.put("complete", true);
        r10.put("notAssessed", 0);
        r10.put("summary", "6 (4-28)");
        r10.put("corrects", "r8");
        r10.put("reason", "late entry from the rater's paper note");
        r10.put("amendment", true);
        append("rating.corrected", "dr1", sessionId, r10);
        append("record.amended", "dr1", sessionId, Map.of("at", clock.instant().toString(),
                "reason", "late entry from the rater's paper note", "kind", "rating", "ratingId", "r8", "correctionId", "r10"));
        at("12:45:00");
        append("record.amended", "dr1", sessionId, Map.of("at", clock.instant().toString(), "reason", "omitted at the bedside",
                "kind", "note", "text", "subject reported mild headache at discharge"));
    }

    /** An authorised unblinding of the session, as the unblinding service records it (never the arm). */
    void unblind(String sessionId) {
        at("13:00:00");
        append("blinding.unblinded", "pharm1", sessionId, Map.of("role", "unblinded_pharmacist", "reason", "serious adverse event",
                "kitId", KIT, "at", clock.instant().toString()));
    }

    /** The subject's second (crossover) session on the same bed: baseline CADSS r11, and VAS given twice (r12, r13). */
    String secondSession() {
        at("14:00:00");
        String id = service.create("nurse1", BED, PROTOCOL, SUBJECT, SubjectMeasures.weight(71), "KIT-10").id();
        at("14:01:00");
        service.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        at("14:05:00");
        service.record(BED, rating("r11", "cadss", null, "baseline", "nurse", "nurse1", cadss(0)));
        at("14:06:00");
        service.record(BED, baselineVas("r12", 0, 40));
        at("14:10:00");
        service.record(BED, baselineVas("r13", 5, 30));
        at("14:30:00");
        service.command(BED, new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        return id;
    }

    /**
     * Subject KET-402's session on bed-02 from 16:00 to 16:30 whose monitor's clock is two hours behind the station's:
     * it stamps HR (70 + minute) every minute from 16:05 to 16:15 and a cuff reading (130/85) at 16:10, each with its
     * device time (two hours earlier) and received at once; {@link #behind} holds what the store would have.
     */
    String monitorTwoHoursBehind(FakeSeries behind) {
        DeviceRef monitor = new DeviceRef("bed-02", "monitor");
        at("16:00:00");
        String id = service.create("nurse1", "bed-02", PROTOCOL, "KET-402", SubjectMeasures.weight(75), "KIT-12").id();
        for (int minute = 5; minute <= 15; minute++) {
            clock.set(Instant.parse("2026-11-22T16:00:00Z").plus(Duration.ofMinutes(minute)));
            Instant now = clock.instant();
            Instant device = now.minus(Duration.ofHours(2));
            service.numeric(new NumericSample(monitor, Stream.HR, 70 + minute, device, now, minute));
            behind.add("bed-02", "monitor", Stream.HR, device, 70 + minute);
            if (minute == 10) {
                service.numeric(new NumericSample(monitor, Stream.NIBP_SYS, 130, device, now, 100));
                service.numeric(new NumericSample(monitor, Stream.NIBP_DIA, 85, device, now, 101));
                behind.add("bed-02", "monitor", Stream.NIBP_SYS, device, 130).add("bed-02", "monitor", Stream.NIBP_DIA, device, 85);
            }
        }
        at("16:30:00");
        service.command("bed-02", new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        return id;
    }

    /** Subject KET-403's session on bed-03 from 17:00 to 17:30: labetalol 10 mg IV given at 17:10 by nurse1 on dr1's order (rescue). */
    String rescueSession() {
        at("17:00:00");
        String id = service.create("nurse1", "bed-03", PROTOCOL, "KET-403", SubjectMeasures.weight(80), "KIT-13").id();
        at("17:12:00");
        service.medication("bed-03", "nurse1", new Medication("labetalol", 10, "mg", "IV",
                Instant.parse("2026-11-22T17:10:00Z"), "nurse1", "dr1", true));
        at("17:30:00");
        service.command("bed-03", new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        return id;
    }

    /**
     * Subject KET-404's two sessions on bed-04, aged 34 when the first was created (18:00) and 35 at the second (19:00),
     * and KET-405's on bed-05 at 18:30 with no age given.
     */
    String agedSessions() {
        at("18:00:00");
        String first = service.create("nurse1", "bed-04", PROTOCOL, "KET-404", SubjectMeasures.weight(64), "KIT-14",
                OptionalInt.of(34)).id();
        at("18:20:00");
        service.command("bed-04", new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        at("18:30:00");
        service.create("nurse1", "bed-05", PROTOCOL, "KET-405", SubjectMeasures.weight(90), "KIT-15");
        at("18:40:00");
        service.command("bed-05", new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        at("19:00:00");
        service.create("nurse1", "bed-04", PROTOCOL, "KET-404", SubjectMeasures.weight(64), "KIT-16", OptionalInt.of(35));
        at("19:20:00");
        service.command("bed-04", new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        return first;
    }

    /**
     * The sample of docs/exports.md: subject KET-410, aged 29, on bed-01 from 10:00, baseline from 10:01, a baseline VAS
     * (s1) finished at 10:06, closed early at 10:10; its vitals are {@link #sampleVitals}.
     */
    String sampleSession() {
        at("10:00:00");
        String id = service.create("nurse1", BED, PROTOCOL, "KET-410", SubjectMeasures.weight(70), "KIT-20", OptionalInt.of(29)).id();
        at("10:01:00");
        service.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        at("10:06:00");
        service.record(BED, baselineVas("s1", 5, 30));
        at("10:10:00");
        service.command(BED, new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        return id;
    }

    /** What the monitor stored during {@link #sampleSession}: HR 72 and SpO2 98 at 10:02, one cuff reading 118/76 (90) at 10:03. */
    static FakeSeries sampleVitals() {
        Instant t = Instant.parse("2026-11-22T10:02:00Z");
        return new FakeSeries().add(BED, "monitor", Stream.HR, t, 72).add(BED, "monitor", Stream.SPO2, t, 98)
                .add(BED, "monitor", Stream.NIBP_SYS, t.plusSeconds(60), 118).add(BED, "monitor", Stream.NIBP_DIA, t.plusSeconds(60), 76)
                .add(BED, "monitor", Stream.NIBP_MEAN, t.plusSeconds(60), 90);
    }

    /** Another subject's first session from 15:00 on the same bed: baseline VAS given twice (v1, v2). */
    String vasTwice(String subject) {
        at("15:00:00");
        String id = service.create("nurse1", BED, PROTOCOL, subject, SubjectMeasures.weight(80), "KIT-11").id();
        at("15:01:00");
        service.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        at("15:06:00");
        service.record(BED, baselineVas("v1", 0, 20));
        at("15:10:00");
        service.record(BED, baselineVas("v2", 5, 10));
        at("15:30:00");
        service.command(BED, new SessionEvent.Closed(clock.instant(), "nurse1", "ended early"));
        return id;
    }

    /**
     * What the bed's devices stored from 07:59 to 12:00 (device time = station time): HR every 10 s at :03 (60 + minute
     * of the hour mod 30, none from 09:44 to 09:46), pulse rate 71 at :01, SpO2 97.5 at :05, RR 14 at :07, EtCO2 38
     * at :09 until 09:30, cuff readings every 5 min from 08:50 to 09:45 (systolic(k), diastolic(k), mean 93), the pump
     * each minute; one HR before the session (07:59), one at its close (12:00, outside the window), one at 11:59:59,
     * and one on another bed.
     */
    public static FakeSeries vitals() {
        FakeSeries s = new FakeSeries();
        Instant from = Instant.parse("2026-11-22T08:45:00Z");
        for (Instant t = from; t.isBefore(Instant.parse("2026-11-22T09:50:00Z")); t = t.plusSeconds(10)) {
            Instant hr = t.plusSeconds(3);
            boolean gap = !hr.isBefore(Instant.parse("2026-11-22T09:44:00Z")) && hr.isBefore(Instant.parse("2026-11-22T09:46:00Z"));
            if (!gap) {
                s.add(BED, "monitor", Stream.HR, hr, 60 + (hr.atZone(ZoneOffset.UTC).getMinute() % 30));
            }
            s.add(BED, "monitor", Stream.PULSE_RATE, t.plusSeconds(1), 71);
            s.add(BED, "monitor", Stream.SPO2, t.plusSeconds(5), 97.5);
            s.add(BED, "monitor", Stream.RESP_RATE, t.plusSeconds(7), 14);
            if (t.isBefore(Instant.parse("2026-11-22T09:30:00Z"))) {
                s.add(BED, "monitor", Stream.ETCO2, t.plusSeconds(9), 38);
            }
        }
        for (int k = -2; k <= 9; k++) {
            Instant t = INFUSION_START.plus(Duration.ofMinutes(5L * k));
            s.add(BED, "monitor", Stream.NIBP_SYS, t, systolic(k)).add(BED, "monitor", Stream.NIBP_DIA, t, diastolic(k))
                    .add(BED, "monitor", Stream.NIBP_MEAN, t, 93);
        }
        for (int m = 0; m <= 40; m++) {
            Instant t = INFUSION_START.plus(Duration.ofMinutes(m));
            s.add(BED, "pump", Stream.PUMP_RATE, t, m < 40 ? 52.5 : 0).add(BED, "pump", Stream.PUMP_VOLUME_INFUSED, t, 52.5 * m / 60);
        }
        s.add(BED, "monitor", Stream.HR, Instant.parse("2026-11-22T07:59:00Z"), 99)
                .add(BED, "monitor", Stream.HR, Instant.parse("2026-11-22T11:59:59Z"), 66)
                .add(BED, "monitor", Stream.HR, CLOSED, 98)
                .add("bed-02", "monitor", Stream.HR, INFUSION_START, 97);
        return s;
    }

    List<AuditEntry> entries() {
        try {
            return AuditReader.readVerified(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void at(String hhmmss) {
        clock.set(Instant.parse("2026-11-22T" + hhmmss + "Z"));
    }

    private Rating rating(String id, String instrument, String shortForm, String timePoint, String role, String user,
                          Map<String, Answer> answers) {
        return new Rating(id, instrument, shortForm, timePoint, role, user, clock.instant().minusSeconds(120), clock.instant(),
                answers, null);
    }

    private Rating baselineVas(String id, int nausea, int craving) {
        return rating(id, "vas", null, "baseline", "nurse", "nurse1",
                Map.of("high", Answer.score(0), "nausea", Answer.score(nausea), "craving", Answer.score(craving)));
    }

    private static Map<String, Answer> cadss(int score) {
        Map<String, Answer> answers = new HashMap<>();
        for (int i = 1; i <= 23; i++) {
            answers.put(String.valueOf(i), Answer.score(score));
        }
        return answers;
    }

    private static Map<String, Answer> bprs(int conceptual, int suspicious, int hallucinatory, int unusual) {
        return Map.of("conceptual_disorganization", Answer.score(conceptual), "suspiciousness", Answer.score(suspicious),
                "hallucinatory_behavior", Answer.score(hallucinatory), "unusual_thought_content", Answer.score(unusual));
    }

    private void append(String type, String actor, String session, Map<String, Object> payload) {
        try {
            log.append(type, actor, session, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
