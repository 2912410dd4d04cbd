package org.openinfusion.station.clinical.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.api.UnblindRequest;
import org.openinfusion.station.clinical.api.UnblindedArm;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.blinding.KitAssignments;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.export.ExportRequest;
import org.openinfusion.station.clinical.export.Exports;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionEntries;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SessionRecords;
import org.openinfusion.station.clinical.service.SessionCommandHandler;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.clinical.session.StartGates;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.config.SecurityConfig;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;

/**
 * The bedside's safety requests on a real event bus with a real audit file: the pre-dose gate on confirming the infusion
 * start, the physician's discharge override, adverse events and medications, and emergency unblinding.
 */
class BedsideSafetyApiTest {
    private static final String BED = "bed-01";
    private static final String MIDAZOLAM = "ketamine-midazolam-active-placebo";
    private static final DeviceRef MONITOR = new DeviceRef(BED, "monitor");
    private static final String DOCTOR_PASSWORD = "doctor-password";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private Vertx vertx;
    private AuditLog log;
    private SignIns signIns;
    private String nurse;
    private String doctor;
    private long seq = 1;

    private Path auditFile() {
        return dir.resolve("audit.log");
    }

    private void deploy(SessionService.StudyFiles study) throws Exception {
        log = AuditLog.open(auditFile(), clock);
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        SessionService service = new SessionService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log), clock,
                AlarmSettings.DEFAULTS, study);
        service.restore(HistoryReader.history(auditFile()));
        signIns = new SignIns(clock, Duration.ofHours(12));
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        users.put("dr1", Role.PHYSICIAN, "Dr One", DOCTOR_PASSWORD.toCharArray());
        Authenticator signatures = new Authenticator(users, AuditFileTrail.of(log), clock, SecurityConfig.DEFAULTS);
        await(vertx.deployVerticle(new SessionVerticle(service, Duration.ofMillis(50), new BusGuard(signIns, AuditFileTrail.of(log)),
                Optional.of(signatures)),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
        nurse = signIns.open(new Principal("nurse1", Role.NURSE, "Nurse One"));
        doctor = signIns.open(new Principal("dr1", Role.PHYSICIAN, "Dr One"));
    }

    @AfterEach
    void close() throws Exception {
        if (vertx != null) {
            await(vertx.close());
        }
        if (log != null) {
            log.close();
        }
    }

    private CommandReply send(SessionCommand c, String token) throws Exception {
        return await(vertx.eventBus().<CommandReply>request(Addresses.SESSION_COMMAND, c, BusGuard.options(token, 10_000))).body();
    }

    private CommandReply send(SessionCommand c) throws Exception {
        return send(c, nurse);
    }

    private ReplyException refused(String address, Object body, String token) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(vertx.eventBus().request(address, body, BusGuard.options(token, 10_000))));
        return assertInstanceOf(ReplyException.class, e.getCause());
    }

    private ReplyException refused(SessionCommand c, String token) {
        return refused(Addresses.SESSION_COMMAND, c, token);
    }

    private SessionCommand.SessionStep step(Step step, String reason) {
        return new SessionCommand.SessionStep("nurse1", BED, step, reason);
    }

    private void vital(Stream stream, double value, Instant measured) {
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(MONITOR, stream, value, measured, measured, seq++));
    }

    private void cuff(double systolic, double diastolic) {
        vital(Stream.NIBP_SYS, systolic, clock.instant());
        vital(Stream.NIBP_DIA, diastolic, clock.instant());
    }

    /** Waits until the session worker has taken every value published so far (it answers requests in order). */
    private void settle() throws Exception {
        await(vertx.eventBus().request(Addresses.SESSION_VIEW, new ViewRequest(BED),
                BusGuard.options(nurse, 10_000)));
    }

    private SessionView createAndStartBaseline(String subject, String kit) throws Exception {
        send(new SessionCommand.CreateSession("nurse1", BED, MIDAZOLAM, subject, 80, kit));
        return send(step(Step.BASELINE, null)).view();
    }

    private SessionHistory history(String sessionId) throws Exception {
        return HistoryReader.history(auditFile()).sessions().stream().filter(s -> s.id().value().equals(sessionId)).findFirst().orElseThrow();
    }

    @Test
    void withoutAFreshPreDoseNibpTheStartIsRefusedUntilTheCuffIsTakenAndThenItsValuesAndTimeAreRecorded() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        String id = createAndStartBaseline("KET-101", "KIT-1").sessionId();

        ReplyException none = refused(step(Step.CONFIRM_INFUSION_START, null), nurse);
        assertEquals(SessionCommandHandler.REFUSED, none.failureCode());
        assertTrue(none.getMessage().startsWith("Infusion start not confirmed: no pre-dose NIBP recorded in this session (source: "),
                none.getMessage());
        assertTrue(none.getMessage().endsWith(". Take a blood pressure now, or give a reason to confirm the start anyway."), none.getMessage());

        Instant cuffAt = clock.instant();
        vital(Stream.HR, 72, cuffAt);
        cuff(124, 78);
        clock.advance(Duration.ofMinutes(16));
        ReplyException stale = refused(step(Step.CONFIRM_INFUSION_START, " "), nurse);
        assertTrue(stale.getMessage().contains("the pre-dose NIBP is 16 min old (needs one from the last 15 min)"), stale.getMessage());

        Instant freshAt = clock.instant();
        cuff(126, 80);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(SessionState.INFUSING, send(step(Step.CONFIRM_INFUSION_START, null)).view().state());

        TrailEvent.PreDoseVitals recorded = history(id).preDoseVitals().orElseThrow();
        assertEquals(List.of(new TrailEvent.VitalReading("hr", 72, cuffAt), new TrailEvent.VitalReading("nibp_sys", 126, freshAt),
                new TrailEvent.VitalReading("nibp_dia", 80, freshAt)), recorded.values());
        assertTrue(history(id).all(TrailEvent.PreDoseGateOverridden.class).isEmpty(), "a clear gate needs no reason");
    }

    @Test
    void aBloodPressureAboveTheGateNeedsAReasonWhichIsRecordedWithTheConcernBeforeTheStart() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        String id = createAndStartBaseline("KET-102", "KIT-2").sessionId();
        cuff(152, 94);

        ReplyException high = refused(step(Step.CONFIRM_INFUSION_START, null), nurse);
        assertTrue(high.getMessage().startsWith("Infusion start not confirmed: pre-dose BP 152/94 above 140/90"), high.getMessage());
        assertEquals(SessionState.INFUSING, send(new SessionCommand.SessionStep("nurse1", BED,
                Step.CONFIRM_INFUSION_START, "rechecked 148/92, physician agreed", Set.of(StartGates.Kind.BP_ABOVE_LIMIT))).view().state());

        SessionHistory h = history(id);
        var override = h.all(TrailEvent.PreDoseGateOverridden.class).getFirst();
        assertEquals("nurse1", override.entry().actor());
        assertEquals("rechecked 148/92, physician agreed", override.event().reason());
        assertEquals(List.of("pre-dose BP 152/94 above 140/90"), override.event().concerns());
        assertTrue(override.entry().seq() < h.step(SessionEvent.InfusionStarted.class).orElseThrow().entry().seq(), "the reason is durable before the start");
    }

    @Test
    void aParticipantOver65IsGatedAt150SystolicAfterARestartAndAYoungerOneAt140() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        send(new SessionCommand.CreateSession("nurse1", BED, MIDAZOLAM, "KET-110", 80, "KIT-10", OptionalInt.of(68)));
        String older = send(step(Step.BASELINE, null)).view().sessionId();
        await(vertx.close());
        log.close();

        deploy(SessionService.StudyFiles.NONE); // the station restarts on the same audit file: the age is read back
        cuff(146, 84);
        settle();
        assertEquals(SessionState.INFUSING, send(step(Step.CONFIRM_INFUSION_START, null)).view().state(),
                "146/84 is under the protocol's 150 systolic for a participant over 65");
        assertEquals(OptionalInt.of(68), history(older).created().ageYears());
        assertTrue(history(older).all(TrailEvent.PreDoseGateOverridden.class).isEmpty());
        send(step(Step.CLOSE, "test of the gate"));

        send(new SessionCommand.CreateSession("nurse1", BED, MIDAZOLAM, "KET-111", 80, "KIT-11", OptionalInt.of(64)));
        send(step(Step.BASELINE, null));
        cuff(146, 84);
        ReplyException younger = refused(step(Step.CONFIRM_INFUSION_START, null), nurse);
        assertTrue(younger.getMessage().startsWith("Infusion start not confirmed: pre-dose BP 146/84 above 140/90"), younger.getMessage());
        send(step(Step.CLOSE, "test of the gate"));
        ReplyException birthYear = refused(new SessionCommand.CreateSession("nurse1", BED, MIDAZOLAM, "KET-112", 80, "KIT-12",
                OptionalInt.of(1964)), nurse);
        assertEquals("age must be 1 - 120 years, got 1964", birthYear.getMessage(), "a birth year is not an age");
    }

    @Test
    void afterARestartTheDischargeCheckComparesWithThePreDoseVitalsReadBackFromTheTrail() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        createAndStartBaseline("KET-103", "KIT-3");
        vital(Stream.HR, 70, clock.instant());
        cuff(120, 80);
        clock.advance(Duration.ofMinutes(1));
        send(step(Step.CONFIRM_INFUSION_START, null));
        await(vertx.close());
        log.close();

        deploy(SessionService.StudyFiles.NONE); // the station restarts on the same audit file
        clock.advance(Duration.ofMinutes(52));
        vital(Stream.HR, 84, clock.instant());
        SessionView v = send(step(Step.END_OF_INFUSION, null)).view();

        var criteria = v.dischargeCheck().orElseThrow().criteria();
        assertEquals("84 vs baseline 70 (20%)", criteria.stream().filter(c -> c.name().startsWith("hr ")).findFirst().orElseThrow().detail());
        assertEquals("no current value", criteria.stream().filter(c -> c.name().startsWith("nibp_sys ")).findFirst().orElseThrow().detail(),
                "the baseline is known; no cuff reading since the restart");
    }

    @Test
    void aNurseIsRefusedReadyForDischargeWhileCriteriaAreUnmetAndAPhysicianMayOverrideWithAReason() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        String id = createAndStartBaseline("KET-104", "KIT-4").sessionId();
        cuff(120, 80);
        send(step(Step.CONFIRM_INFUSION_START, null));
        clock.advance(Duration.ofMinutes(52));
        send(step(Step.END_OF_INFUSION, null));
        send(step(Step.OBSERVATION, null));

        ReplyException nurseTry = refused(step(Step.READY_FOR_DISCHARGE, "looks fine"), nurse);
        assertEquals(BusGuard.FORBIDDEN, nurseTry.failureCode());
        assertTrue(nurseTry.getMessage().startsWith("Not ready for discharge: time since end of infusion: 0 of 120 min; CADSS: "),
                nurseTry.getMessage());
        assertTrue(nurseTry.getMessage().endsWith("Only a physician can take this step while criteria are unmet, with a reason."),
                nurseTry.getMessage());
        var doctorStep = new SessionCommand.SessionStep("dr1", BED, Step.READY_FOR_DISCHARGE, null);
        ReplyException noReason = refused(doctorStep, doctor);
        assertEquals(SessionCommandHandler.REFUSED, noReason.failureCode());
        assertTrue(noReason.getMessage().endsWith("Give a reason to override."), noReason.getMessage());

        SessionView v = send(new SessionCommand.SessionStep("dr1", BED, Step.READY_FOR_DISCHARGE, "transfer to ward observation"), doctor).view();

        assertEquals(SessionState.READY_FOR_DISCHARGE, v.state());
        AuditHistory all = HistoryReader.history(auditFile());
        assertTrue(all.entries().stream().anyMatch(r -> r.event() instanceof TrailEvent.AccessDenied d
                && d.permission().equals("DISCHARGE_OVERRIDE") && r.actor().equals("nurse1")), "the nurse's attempt is audited");
        var override = history(id).all(TrailEvent.DischargeOverridden.class).getFirst();
        assertEquals("dr1", override.entry().actor());
        assertEquals("transfer to ward observation", override.event().reason());
        assertTrue(override.event().unmet().contains("time since end of infusion: 0 of 120 min"), override.event().unmet().toString());
        assertEquals(override.event().unmet(), override.event().criteria().stream().map(DischargeCheck.Criterion::line).toList(),
                "the unmet criteria are kept as data beside their words");
        assertTrue(override.event().criteria().stream().noneMatch(c -> c.status() == DischargeCheck.Status.MET));
    }

    @Test
    void staffConfirmAnAdverseEventAndRecordARescueMedicationAndReviewAndTheSdtmFilesShowThem() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        String id = createAndStartBaseline("KET-105", "KIT-5").sessionId();
        cuff(120, 80);
        send(step(Step.CONFIRM_INFUSION_START, null));
        clock.advance(Duration.ofMinutes(40));
        Instant onset = clock.instant().minusSeconds(300);
        var proposed = new AdverseEvent("AE-1", "Hypertension", onset, Optional.empty(), AdverseEvent.Severity.MODERATE, false,
                AdverseEvent.Relationship.PROBABLY_RELATED, AdverseEvent.Action.DRUG_INTERRUPTED,
                AdverseEvent.Outcome.RECOVERING_RESOLVING, Optional.of("LIMIT:nibp_sys:high"));
        send(new SessionCommand.RecordAdverseEvent("nurse1", BED, proposed));
        send(new SessionCommand.RecordMedication("nurse1", BED, new Medication("labetalol", 10, "mg", "IV", clock.instant(), "nurse1", "dr1", true)));
        clock.advance(Duration.ofMinutes(20));
        var resolved = new AdverseEvent("AE-1", "Hypertension", onset, Optional.of(clock.instant()), AdverseEvent.Severity.MODERATE, false,
                AdverseEvent.Relationship.PROBABLY_RELATED, AdverseEvent.Action.DRUG_INTERRUPTED,
                AdverseEvent.Outcome.RECOVERED_RESOLVED, Optional.of("LIMIT:nibp_sys:high"));
        send(new SessionCommand.RecordAdverseEvent("nurse1", BED, resolved));
        ReplyException future = refused(new SessionCommand.RecordAdverseEvent("nurse1", BED, new AdverseEvent("AE-2", "Nausea",
                clock.instant().plusSeconds(600), Optional.empty(), AdverseEvent.Severity.MILD, false, AdverseEvent.Relationship.POSSIBLY_RELATED,
                AdverseEvent.Action.DOSE_NOT_CHANGED, AdverseEvent.Outcome.UNKNOWN, Optional.empty())), nurse);
        assertEquals("an adverse event cannot start or end in the future", future.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Medication("labetalol", 10, "mg", "IV", clock.instant(), "nurse1", " ", true),
                "no order, no medication");

        SessionHistory h = history(id);
        assertEquals(List.of(resolved), h.adverseEvents().stream().map(SessionHistory.Fact::event).toList(), "the latest entry per AE id");
        SessionRecord record = new SessionRecords(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn()).build(new SessionEntries(h), List.of(), null);
        assertTrue(record.events().stream().anyMatch(e -> e.category() == SessionRecord.Category.ADVERSE_EVENT
                && e.title().equals("Adverse event AE-1: Hypertension") && e.detail().contains("outcome: recovered resolved")), record.events().toString());
        assertTrue(record.events().stream().anyMatch(e -> e.category() == SessionRecord.Category.MEDICATION
                && e.title().equals("Rescue medication: labetalol") && e.detail().startsWith("10 mg IV at ")
                && e.detail().endsWith("given by nurse1, ordered by dr1")), record.events().toString());

        var entries = AuditReader.readVerified(auditFile());
        String ae = csv(ExportFormat.SDTM_AE, entries, id);
        List<String> aeLines = ae.lines().toList();
        assertTrue(aeLines.getFirst().endsWith(",AESEV,AESER,AEACN,AEREL,VISITNUM,VISIT,EPOCH,AESTDTC,AEENDTC,AEOUT"), aeLines.getFirst());
        assertEquals(2, aeLines.size(), ae);
        assertTrue(aeLines.get(1).contains(",Hypertension,HYPERTENSION,RECORDED BY STAFF,,MODERATE,N,DRUG INTERRUPTED,PROBABLY RELATED,1,SESSION 1,"),
                aeLines.get(1));
        assertTrue(aeLines.get(1).endsWith(",2026-11-22T08:35:00,2026-11-22T09:00:00,RECOVERED/RESOLVED"), aeLines.get(1));
        String suppae = csv(ExportFormat.SDTM_SUPPAE, entries, id);
        assertTrue(suppae.contains("AESRC") && suppae.contains("ae.recorded") && suppae.contains("proposed from alarm LIMIT:nibp_sys:high"), suppae);
        List<String> cm = csv(ExportFormat.SDTM_CM, entries, id).lines().toList();
        assertEquals(2, cm.size());
        assertTrue(cm.get(1).startsWith(MIDAZOLAM + ",CM," + MIDAZOLAM + "-KET-105,1,labetalol,RESCUE,10,mg,IV,1,SESSION 1,"), cm.get(1));
        assertTrue(cm.get(1).endsWith(",2026-11-22T08:40:00"), cm.get(1));
        String suppcm = csv(ExportFormat.SDTM_SUPPCM, entries, id);
        assertTrue(suppcm.contains(",CMGIVBY,Given By,nurse1,COLLECTED,") && suppcm.contains(",CMORDBY,Ordered By,dr1,COLLECTED,")
                && suppcm.contains(",CMSRC,Source Audit Entry Type,medication.given,ASSIGNED,"), suppcm);
    }

    @Test
    void theStationProposesAHypertensionEpisodeAcrossALateCuffAsOneAdverseEventUntilStaffConfirmIt() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        createAndStartBaseline("KET-108", "KIT-8");
        cuff(120, 80);
        send(step(Step.CONFIRM_INFUSION_START, null));
        clock.advance(Duration.ofMinutes(10));
        Instant raised = clock.instant();
        cuff(186, 96);
        settle();
        clock.advance(Duration.ofMinutes(7)); // the 186 ages out; the next cuff reading is late
        send(new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NOTE, "cuff repeated late"));
        clock.advance(Duration.ofMinutes(1));
        Instant cleared = clock.instant();
        cuff(150, 85);

        SessionView v = send(new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NOTE, "BP down"))
                .view();

        var proposal = v.aeProposals().stream().filter(p -> p.term().equals("Hypertension")).toList();
        assertEquals(1, proposal.size(), v.aeProposals().toString());
        assertEquals(raised, proposal.getFirst().start());
        assertEquals(Optional.of(cleared), proposal.getFirst().end(), "one episode: the ageing value ended nothing");
        assertEquals("NIBP_SYS 186 > 180", proposal.getFirst().message());
        var confirmed = new AdverseEvent("AE-1", "Hypertension", raised, proposal.getFirst().end(), AdverseEvent.Severity.MILD, false,
                AdverseEvent.Relationship.PROBABLY_RELATED, AdverseEvent.Action.DOSE_NOT_CHANGED, AdverseEvent.Outcome.RECOVERED_RESOLVED,
                Optional.of(proposal.getFirst().key()));
        SessionView after = send(new SessionCommand.RecordAdverseEvent("nurse1", BED, confirmed)).view();
        assertTrue(after.aeProposals().stream().noneMatch(p -> p.key().equals(proposal.getFirst().key())), after.aeProposals().toString());
        assertEquals(List.of(confirmed), after.adverseEvents());
    }

    private static String csv(ExportFormat f, List<AuditEntry> entries, String id) {
        return new String(Exports.write(f, new ExportRequest(entries, Optional.of(id), null, InstrumentCatalog.builtIn(),
                ProtocolCatalog.builtIn())).content(), StandardCharsets.UTF_8);
    }

    private static UnblindRequest unblinding(String user, String reason, String enteredUserId, String password) {
        return new UnblindRequest(user, BED, reason, enteredUserId, password.toCharArray());
    }

    @Test
    void emergencyUnblindingShowsTheArmOnlyToAnAuthorisedRequesterWithAReasonAndAnESignatureAndNeverWritesIt() throws Exception {
        Path pharmacy = dir.resolve("kit-arms.csv");
        Files.writeString(pharmacy, "KIT-6,MDZ\n");
        deploy(new SessionService.StudyFiles(Optional.empty(), Optional.of(KitAssignments.load(pharmacy,
                ProtocolCatalog.builtIn().latest(MIDAZOLAM).orElseThrow().arms()))));
        String id = createAndStartBaseline("KET-106", "KIT-6").sessionId();
        String engineer = signIns.open(new Principal("eng1", Role.ENGINEER, "Eng One"));

        assertEquals(BusGuard.FORBIDDEN, refused(Addresses.SESSION_UNBLIND, unblinding("nurse1", "suspected overdose", "", ""), nurse).failureCode());
        assertEquals(BusGuard.FORBIDDEN, refused(Addresses.SESSION_UNBLIND, unblinding("eng1", "curious", "", ""), engineer).failureCode());
        ReplyException noReason = refused(Addresses.SESSION_UNBLIND, unblinding("dr1", " ", "dr1", DOCTOR_PASSWORD), doctor);
        assertEquals("unblinding needs a reason", noReason.getMessage());
        ReplyException noUserId = refused(Addresses.SESSION_UNBLIND, unblinding("dr1", "respiratory depression", "", DOCTOR_PASSWORD), doctor);
        assertEquals(List.of(SessionCommandHandler.WRONG_SIGNATURE, Authenticator.FIRST_SIGNATURE), List.of(noUserId.failureCode(), noUserId.getMessage()));
        ReplyException wrong = refused(Addresses.SESSION_UNBLIND, unblinding("dr1", "respiratory depression", "dr1", "guess"), doctor);
        assertEquals(SessionCommandHandler.WRONG_SIGNATURE, wrong.failureCode());
        assertTrue(history(id).unblinding().isEmpty(), "no arm without the e-signature");

        UnblindedArm arm = await(vertx.eventBus().<UnblindedArm>request(Addresses.SESSION_UNBLIND,
                unblinding("dr1", "respiratory depression: flumazenil?", "dr1", DOCTOR_PASSWORD), BusGuard.options(doctor, 10_000))).body();

        assertEquals("MDZ", arm.armCode());
        assertEquals("midazolam 0.025 mg/kg IV over 52 min", arm.armDescription());
        assertFalse(arm.toString().contains("MDZ") || arm.toString().contains("midazolam"), arm.toString());
        SessionHistory h = history(id);
        assertEquals("nurse", h.all(TrailEvent.UnblindingRefused.class).getFirst().event().role());
        TrailEvent.Unblinded u = h.unblinding().orElseThrow();
        assertEquals(List.of("physician", "respiratory depression: flumazenil?", "KIT-6"), List.of(u.role(), u.reason(), u.kitId()));
        String file = Files.readString(auditFile());
        assertFalse(file.contains("MDZ") || file.contains("midazolam 0.025"), "the arm is never written");
        assertFalse(file.contains(DOCTOR_PASSWORD), "nor the password");
        // a later signature of the same sign-in asks the password only
        UnblindedArm again = await(vertx.eventBus().<UnblindedArm>request(Addresses.SESSION_UNBLIND,
                unblinding("dr1", "second look for the poison centre", "", DOCTOR_PASSWORD), BusGuard.options(doctor, 10_000))).body();
        assertEquals("MDZ", again.armCode());
    }

    @Test
    void withoutThePharmacyFileAnAuthorisedUnblindingIsRefusedWithWhatToDo() throws Exception {
        deploy(SessionService.StudyFiles.NONE);
        createAndStartBaseline("KET-107", "KIT-7");

        ReplyException r = refused(Addresses.SESSION_UNBLIND, unblinding("dr1", "anaphylaxis", "dr1", DOCTOR_PASSWORD), doctor);

        assertEquals(SessionCommandHandler.REFUSED, r.failureCode());
        assertTrue(r.getMessage().startsWith("emergency unblinding is not set up on this station"), r.getMessage());
    }
}
