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
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.service.SessionCommandHandler;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.clinical.session.StartGates;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/** The session command API on a real event bus, answered by the session verticle's worker. */
class SessionCommandApiTest {
    private record Entry(String type, String actor, Map<String, Object> payload, String thread) {
    }

    private static final String BED = "bed-01";
    private final List<Entry> audit = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private Vertx vertx;

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        SessionService service = Sessions.service((EncodedAudit) (t, a, s, p) -> audit.add(new Entry(t, a, p, Thread.currentThread().getName())), clock);
        signIns = new SignIns(clock, Duration.ofHours(12)); // sessions here run for simulated hours
        BusGuard guard = new BusGuard(signIns, (EncodedAudit) (t, a, s, p) -> audit.add(new Entry(t, a, p, Thread.currentThread().getName())));
        await(vertx.deployVerticle(new SessionVerticle(service, Duration.ofMillis(50), guard),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
        nurse = signIns.open(new Principal("nurse1", Role.NURSE, "Nurse One"));
    }

    private SignIns signIns;
    private String nurse;

    private DeliveryOptions as(String token) {
        return BusGuard.options(token, 10_000);
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private CommandReply send(SessionCommand c) throws Exception {
        return await(vertx.eventBus().<CommandReply>request(Addresses.SESSION_COMMAND, c, as(nurse))).body();
    }

    private ReplyException refused(SessionCommand c) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> send(c));
        return assertInstanceOf(ReplyException.class, e.getCause());
    }

    private SessionView create() throws Exception {
        return send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-buprenorphine-double-dummy", "KET-014", 70, "KIT-0042")).view();
    }

    @Test
    void createsASessionAndAnswersItsViewWithoutArmOrConcentration() throws Exception {
        SessionView v = create();

        assertEquals(SessionState.CREATED, v.state());
        assertEquals("KET-014", v.subjectCode());
        assertEquals("Study drug", v.protocolLabel());
        assertEquals(150.0, v.plan().rateMlPerHour(), 1e-9);
        assertEquals(Duration.ofMinutes(40), v.plan().duration());
        assertEquals(List.of(Step.BASELINE, Step.CLOSE), v.nextSteps());
        SessionView asked = await(vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(BED), as(nurse))).body();
        assertEquals(v.sessionId(), asked.sessionId());
        String shown = asked.toString().toLowerCase();
        assertFalse(shown.contains("arm") && shown.contains("saline"), shown);
        assertFalse(shown.contains("mg/ml") || shown.contains("concentration"), shown);
        assertTrue(audit.stream().allMatch(e -> e.thread().contains("worker")), "the service ran on the worker only");
    }

    @Test
    void aSilentDeviceAndAFreshOfflineStatusShowOnTheBedButARetainedOfflineStatusRaisesNothing() throws Exception {
        create();
        var bus = vertx.eventBus();
        bus.publish(Addresses.DEVICE_STATUS, new DeviceStatus(new DeviceRef(BED, "oldpump"), false,
                clock.instant(), true));
        bus.publish(Addresses.TECHNICAL_ALARM, new TechnicalAlarm("DEVICE_SILENT", true,
                "bed-01/monitor sent nothing for 10 s", clock.instant(), Optional.of(new DeviceRef(BED, "monitor"))));
        bus.publish(Addresses.DEVICE_STATUS, new DeviceStatus(new DeviceRef(BED, "pump"), false,
                clock.instant()));
        Eventually.waitUntil(Duration.ofSeconds(10), "both alarms on the bed", () -> alarmIds().containsAll(
                List.of("TECH:DEVICE_SILENT:monitor", "TECH:DEVICE_OFFLINE:pump")));
        assertFalse(alarmIds().contains("TECH:DEVICE_OFFLINE:oldpump"), alarmIds().toString());
    }

    private List<String> alarmIds() {
        try {
            return await(vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(BED), as(nurse))).body()
                    .activeAlarms().stream().map(ActiveAlarm::id).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stepsThroughTheSessionAndRefusesAnIllegalStepWithTheReason() throws Exception {
        create();
        ReplyException wrong = refused(new SessionCommand.SessionStep("nurse1", BED, Step.END_OF_INFUSION, null));
        assertEquals(SessionCommandHandler.REFUSED, wrong.failureCode());
        assertTrue(wrong.getMessage().contains("is CREATED: cannot infusion completed"), wrong.getMessage());

        assertEquals(SessionState.BASELINE, send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null)).view().state());
        cuff(120, 80);
        SessionView pre = send(new SessionCommand.SessionStep("nurse1", BED, Step.PRETREATMENT, null)).view();
        assertEquals(List.of(Step.CONFIRM_INFUSION_START, Step.CLOSE), pre.nextSteps());
        clock.advance(Duration.ofSeconds(60));
        SessionView infusing = send(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, null)).view();
        assertEquals(SessionState.INFUSING, infusing.state());
        assertEquals(List.of(Step.END_OF_INFUSION, Step.CLOSE), infusing.nextSteps());
        assertTrue(audit.stream().anyMatch(e -> e.type().equals("session.infusion_started") && e.actor().equals("nurse1")));
    }

    @Test
    void answersTheDischargeCheckOnceTheInfusionHasEnded() throws Exception {
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-midazolam-active-placebo", "KET-015", 80, "KIT-7"));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        // the pre-dose value: measured after the baseline step began, before the infusion
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 70, clock.instant(), clock.instant(), 1));
        cuff(120, 80);
        clock.advance(Duration.ofSeconds(60));
        assertTrue(send(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, null)).view().dischargeCheck().isEmpty());
        clock.advance(Duration.ofSeconds(52 * 60));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 91, clock.instant(), clock.instant(), 2));

        SessionView v = send(new SessionCommand.SessionStep("nurse1", BED, Step.END_OF_INFUSION, null)).view();

        var criteria = v.dischargeCheck().orElseThrow().criteria();
        assertEquals("NOT_MET", criteria.getFirst().status().name(), criteria.toString());
        var hr = criteria.stream().filter(c -> c.name().startsWith("hr")).findFirst().orElseThrow();
        assertEquals("NOT_MET", hr.status().name(), hr.toString());
        assertTrue(hr.detail().contains("91 vs baseline 70"), hr.detail());
        assertFalse(v.dischargeCheck().get().ready());
    }

    @Test
    void thePreviousSessionsValuesOnTheBedAreNeverThisSessionsBaseline() throws Exception {
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        // the previous participant's last HR is still the bed's latest value when this session is created
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 70, clock.instant(), clock.instant(), 1));
        send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-midazolam-active-placebo", "KET-015", 80, "KIT-7"));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        clock.advance(Duration.ofSeconds(60));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, "cuff broken, physician agreed",
                Set.of(StartGates.Kind.NO_PRE_DOSE_NIBP)));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 91, clock.instant(), clock.instant(), 2));
        clock.advance(Duration.ofSeconds(52 * 60));

        SessionView v = send(new SessionCommand.SessionStep("nurse1", BED, Step.END_OF_INFUSION, null)).view();

        var hr = v.dischargeCheck().orElseThrow().criteria().stream().filter(c -> c.name().startsWith("hr")).findFirst().orElseThrow();
        assertEquals("UNKNOWN", hr.status().name(), hr.toString());
        assertEquals("no pre-dose value recorded in this session", hr.detail());
    }

    @Test
    void valuesMeasuredAfterThePumpStartedTheInfusionAreNotPreDoseValues() throws Exception {
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        DeviceRef pump = new DeviceRef(BED, "pump");
        send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-midazolam-active-placebo", "KET-017", 80, "KIT-10"));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 70, clock.instant(), clock.instant(), 1));
        clock.advance(Duration.ofSeconds(60));
        // the pump starts the infusion by itself: no nurse confirms it
        vertx.eventBus().publish(Addresses.STATE, new StateSample(pump, Stream.PUMP_STATE, "infusing", clock.instant(), clock.instant(), 1));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(pump, Stream.PUMP_VOLUME_INFUSED, 0.5, clock.instant(), clock.instant(), 2));
        poll(() -> await(vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(BED), as(nurse))).body(),
                view -> view.state() == SessionState.INFUSING);
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 95, clock.instant(), clock.instant(), 3));
        clock.advance(Duration.ofSeconds(52 * 60));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.HR, 96, clock.instant(), clock.instant(), 4));

        SessionView v = send(new SessionCommand.SessionStep("nurse1", BED, Step.END_OF_INFUSION, null)).view();

        var hr = v.dischargeCheck().orElseThrow().criteria().stream().filter(c -> c.name().startsWith("hr")).findFirst().orElseThrow();
        assertEquals("96 vs baseline 70 (37%)", hr.detail());
    }

    @Test
    void confirmingTheInfusionBeforeTheCapsulesFortyFiveMinuteLeadNeedsAReasonThatIsRecorded() throws Exception {
        send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-naltrexone-crossover", "KET-016", 70, "KIT-9"));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.PRETREATMENT, null));
        clock.advance(Duration.ofMinutes(30));
        cuff(118, 76);

        ReplyException early = refused(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, null));
        assertEquals(SessionCommandHandler.REFUSED, early.failureCode());
        assertTrue(early.getMessage().startsWith("Infusion start not confirmed: the infusion starts 45 min after Study capsule "
                + "(naltrexone or placebo) (15 min to go) (source: "), early.getMessage());
        assertTrue(early.getMessage().endsWith(". Give a reason to confirm the start anyway."), early.getMessage());
        SessionView started = send(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, "physician: scanner slot",
                Set.of(StartGates.Kind.PRETREATMENT_LEAD))).view();
        assertEquals(SessionState.INFUSING, started.state());
        assertEquals(List.of(), started.startGates(), "no gate once the start is confirmed");
        assertTrue(audit.stream().anyMatch(e -> e.type().equals("predose.gate_overridden")
                && e.payload().get("concerns").equals(List.of("the infusion starts 45 min after Study capsule (naltrexone or placebo) (15 min to go)"))
                && e.payload().get("reason").equals("physician: scanner slot")), "the lead's override is in the trail with its reason");
    }

    @Test
    void anEarlyStartWithoutAPreDoseNibpMustOverrideBothGatesByNameAndBothAreInTheTrail() throws Exception {
        send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-naltrexone-crossover", "KET-018", 70, "KIT-11"));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        SessionView capsule = send(new SessionCommand.SessionStep("nurse1", BED, Step.PRETREATMENT, null)).view();
        clock.advance(Duration.ofMinutes(20));
        SessionView shown = await(vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(BED), as(nurse))).body();
        assertEquals(List.of(StartGates.Kind.PRETREATMENT_LEAD, StartGates.Kind.NO_PRE_DOSE_NIBP),
                shown.startGates().stream().map(StartGates.Unmet::kind).toList(), "the view lists every unmet gate: " + capsule.startGates());
        String reason = "physician: scanner slot; cuff failed twice";

        ReplyException onlyLead = refused(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, reason,
                Set.of(StartGates.Kind.PRETREATMENT_LEAD)));
        assertEquals(SessionCommandHandler.REFUSED, onlyLead.failureCode());
        assertTrue(onlyLead.getMessage().contains("does not name exactly the gates unmet now")
                && onlyLead.getMessage().contains("no pre-dose NIBP recorded in this session"), onlyLead.getMessage());
        ReplyException unnamed = refused(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, reason));
        assertTrue(unnamed.getMessage().contains("must name each of these gates"), unnamed.getMessage());
        assertTrue(audit.stream().noneMatch(e -> e.type().equals("predose.gate_overridden")), "nothing is written before a refusal");

        SessionView started = send(new SessionCommand.SessionStep("nurse1", BED, Step.CONFIRM_INFUSION_START, reason,
                Set.of(StartGates.Kind.PRETREATMENT_LEAD, StartGates.Kind.NO_PRE_DOSE_NIBP))).view();
        assertEquals(SessionState.INFUSING, started.state());
        var overridden = audit.stream().filter(e -> e.type().equals("predose.gate_overridden")).toList();
        assertEquals(1, overridden.size());
        assertEquals(List.of("the infusion starts 45 min after Study capsule (naltrexone or placebo) (25 min to go)",
                "no pre-dose NIBP recorded in this session"), overridden.getFirst().payload().get("concerns"));
        assertEquals(reason, overridden.getFirst().payload().get("reason"));
    }

    @Test
    void closingEarlyNeedsAReason() throws Exception {
        create();
        assertTrue(refused(new SessionCommand.SessionStep("nurse1", BED, Step.CLOSE, " ")).getMessage().contains("needs a reason"));
        assertEquals(SessionState.CLOSED, send(new SessionCommand.SessionStep("nurse1", BED, Step.CLOSE, "withdrew")).view().state());
    }

    @Test
    void recordsARatingScoredByTheStationAndCompletesThePrompt() throws Exception {
        send(new SessionCommand.CreateSession("nurse1", BED, "ketamine-midazolam-active-placebo", "KET-014", 70, "KIT-0042"));
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null));
        Map<String, Answer> answers = IntStream.rangeClosed(1, 23).boxed()
                .collect(Collectors.toMap(String::valueOf, i -> i == 7 ? Answer.notAssessed("asleep") : Answer.score(1)));
        Rating r = new Rating("r-1", "cadss", null, "baseline", "nurse", "nurse1", clock.instant(), clock.instant(), answers, null);

        CommandReply reply = send(new SessionCommand.RecordRating(BED, r));

        assertEquals("22 (0-92) INCOMPLETE: 1 of 23 items not assessed", reply.score().orElseThrow().summary());
        assertEquals(1, reply.view().ratings().size());
        assertEquals("cadss", reply.view().ratings().getFirst().form());
        assertTrue(audit.stream().anyMatch(e -> e.type().equals("rating.recorded")));
        Rating bad = new Rating("r-2", "cadss", null, "baseline", "nurse", "nurse1", clock.instant(), clock.instant(), Map.of("1", Answer.score(9)), null);
        assertTrue(refused(new SessionCommand.RecordRating(BED, bad)).getMessage().contains("item 1: score 9 outside 0-4"));
    }

    @Test
    void acknowledgesAndSilencesAnAlarmRaisedByLiveValues() throws Exception {
        create();
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef(BED, "monitor"), Stream.SPO2, 85, clock.instant(), clock.instant(), 1));
        SessionView v = poll(() -> await(vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(BED), as(nurse))).body(),
                view -> !view.activeAlarms().isEmpty());
        String id = v.activeAlarms().getFirst().id();

        SessionView acked = send(new SessionCommand.AcknowledgeAlarm("nurse1", BED, id)).view();
        assertEquals("nurse1", acked.activeAlarms().getFirst().acknowledgedBy().orElseThrow());
        SessionView silenced = send(new SessionCommand.SilenceAlarm("nurse1", BED, id, 600)).view();
        assertEquals(clock.instant().plusSeconds(120), silenced.activeAlarms().getFirst().silencedUntil().orElseThrow());
        assertTrue(silenced.recentAlarms().stream().anyMatch(e -> e.kind().name().equals("RAISED")));
        assertEquals(SessionCommandHandler.REFUSED, refused(new SessionCommand.AcknowledgeAlarm("nurse1", BED, "nope")).failureCode());
    }

    @Test
    void everyChangeOfABedsAlarmsIsPublishedWithTheBedsViewAfterTheChangeAndNothingElseIs() throws Exception {
        List<SessionView> published = new CopyOnWriteArrayList<>();
        vertx.eventBus().<SessionView>localConsumer(Addresses.SESSION_ALARMS, m -> published.add(m.body()));
        create();
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.SPO2, 85, clock.instant(), clock.instant(), 1));
        Eventually.waitUntil(Duration.ofSeconds(10), "the raised alarm published", () -> !published.isEmpty());
        String id = published.getFirst().activeAlarms().getFirst().id();
        send(new SessionCommand.AcknowledgeAlarm("nurse1", BED, id));
        send(new SessionCommand.SilenceAlarm("nurse1", BED, id, 120));
        send(new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NOTE, "not an alarm change"));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.SPO2, 97, clock.instant(), clock.instant(), 2));
        Eventually.waitUntil(Duration.ofSeconds(10), "the cleared alarm published",
                () -> published.getLast().activeAlarms().isEmpty());

        assertEquals(4, published.size(), published.toString());
        assertTrue(published.stream().allMatch(v -> v.bedId().equals(BED)));
        assertEquals(List.of("RAISED", "ACKNOWLEDGED", "SILENCED", "CLEARED"),
                published.stream().map(v -> v.recentAlarms().getFirst().kind().name()).toList());
        assertEquals("nurse1", published.get(1).activeAlarms().getFirst().acknowledgedBy().orElseThrow());
        assertFalse(published.get(2).activeAlarms().getFirst().audible(clock.instant()));
    }

    @Test
    void addsMarkersToTheAuditTrailAndTheView() throws Exception {
        create();
        send(new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NAUSEA, null));
        SessionView v = send(new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NOTE, "asked for water")).view();

        assertEquals(List.of(MarkerKind.NOTE, MarkerKind.NAUSEA), v.markers().stream().map(SessionView.Marker::kind).toList());
        Entry last = audit.getLast();
        assertEquals("marker.recorded", last.type());
        assertEquals("NOTE", last.payload().get("kind"));
        assertEquals("asked for water", last.payload().get("note"));
    }

    @Test
    void answersNoSessionWith404AndListsProtocols() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(vertx.eventBus().request(Addresses.SESSION_VIEW, new ViewRequest("bed-09"), as(nurse))));
        assertEquals(SessionCommandHandler.NO_SESSION, ((ReplyException) e.getCause()).failureCode());
        assertEquals("no session on bed bed-09", e.getCause().getMessage());
        ProtocolChoices p = await(vertx.eventBus().<ProtocolChoices>request(Addresses.SESSION_PROTOCOLS, "", as(nurse))).body();
        assertEquals(4, p.protocols().size());
    }

    @Test
    void refusesANameAsSubjectCode() {
        ReplyException e = refused(new SessionCommand.CreateSession("nurse1", BED, "ketamine-buprenorphine-double-dummy", "John Smith", 70, "KIT-1"));
        assertTrue(e.getMessage().contains("never a name"), e.getMessage());
    }

    interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T poll(Call<T> call, Predicate<T> until) throws Exception {
        return Eventually.poll(Duration.ofSeconds(10), () -> {
            try {
                return call.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, until);
    }

    private String view(String bed) throws Exception {
        return await(vertx.eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(bed), as(nurse))).body().toString();
    }

    @Test
    void aDevicesTechnicalAlarmReachesOnlyTheSessionOnThatDevicesBed() throws Exception {
        create();
        send(new SessionCommand.CreateSession("nurse1", "bed-02", "ketamine-buprenorphine-double-dummy", "KET-016", 70, "KIT-0043"));
        vertx.eventBus().publish(Addresses.TECHNICAL_ALARM, new TechnicalAlarm("SENSOR_OFF", true,
                "bed-01/mon1 sensor off: no value for [spo2]", clock.instant(), Optional.of(new DeviceRef(BED, "mon1"))));
        vertx.eventBus().publish(Addresses.TECHNICAL_ALARM, new TechnicalAlarm("BUFFER_FILLING", true,
                "durable buffer 60% full", clock.instant()));
        String bed1 = poll(() -> view(BED), v -> v.contains("BUFFER_FILLING"));
        String bed2 = poll(() -> view("bed-02"), v -> v.contains("BUFFER_FILLING"));
        assertTrue(bed1.contains("TECH:SENSOR_OFF:mon1"), bed1);
        assertFalse(bed2.contains("SENSOR_OFF"), bed2);
        assertTrue(bed2.contains("TECH:BUFFER_FILLING"), "a station-wide alarm reaches every session");
    }

    @Test
    void everyRoleTriesEveryBedsideRequestAndOnlyNursesAndPhysiciansGetThrough() throws Exception {
        create();
        for (Role role : Role.values()) {
            String user = role.key() + "1";
            String token = signIns.open(new Principal(user, role, user));
            boolean bedside = role == Role.NURSE || role == Role.PHYSICIAN;
            List<Runnable> tries = List.of(
                    () -> expect(bedside, 0, Addresses.SESSION_VIEW, new ViewRequest(BED), token),
                    () -> expect(bedside, 0, Addresses.SESSION_PROTOCOLS, "", token),
                    () -> expect(bedside, 0, Addresses.SESSION_COMMAND,
                            new SessionCommand.AddMarker(user, BED, MarkerKind.NOTE, "checked by " + role.key()), token),
                    () -> expect(bedside, SessionCommandHandler.REFUSED, Addresses.SESSION_COMMAND,
                            new SessionCommand.AcknowledgeAlarm(user, "bed-77", "none"), token));
            tries.forEach(Runnable::run);
            if (!bedside) {
                assertTrue(audit.stream().anyMatch(e -> e.type().equals("access.denied") && e.actor().equals(user)), role + " refusals are audited");
            }
        }
        ReplyException anonymous = assertInstanceOf(ReplyException.class, assertThrows(ExecutionException.class,
                () -> await(vertx.eventBus().request(Addresses.SESSION_VIEW, new ViewRequest(BED)))).getCause());
        assertEquals(BusGuard.SIGNED_OUT, anonymous.failureCode());
        ReplyException impostor = assertInstanceOf(ReplyException.class, assertThrows(ExecutionException.class,
                () -> await(vertx.eventBus().request(Addresses.SESSION_COMMAND,
                        new SessionCommand.AddMarker("someone-else", BED, MarkerKind.NAUSEA, ""), as(nurse)))).getCause());
        assertEquals(BusGuard.FORBIDDEN, impostor.failureCode());
        assertTrue(impostor.getMessage().contains("own name"), impostor.getMessage());
    }

    @Test
    void anExpiredOrClosedSignInIsRefused() throws Exception {
        create();
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        ReplyException expired = assertInstanceOf(ReplyException.class, assertThrows(ExecutionException.class,
                () -> await(vertx.eventBus().request(Addresses.SESSION_VIEW, new ViewRequest(BED), as(nurse)))).getCause());
        assertEquals(BusGuard.SIGNED_OUT, expired.failureCode());
    }

    private int cuffSeq = 100;

    /** A cuff reading on the bed's monitor, measured now. */
    private void cuff(double systolic, double diastolic) {
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.NIBP_SYS, systolic, clock.instant(), clock.instant(), cuffSeq++));
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(monitor, Stream.NIBP_DIA, diastolic, clock.instant(), clock.instant(), cuffSeq++));
    }

    /** Sends as {@code token}; expects success (or the given domain failure code) when allowed, 403 otherwise. */
    private void expect(boolean allowed, int allowedFailure, String address, Object body, String token) {
        try {
            await(vertx.eventBus().request(address, body, as(token)));
            assertTrue(allowed && allowedFailure == 0, address + " should have been refused");
        } catch (ExecutionException e) {
            ReplyException r = assertInstanceOf(ReplyException.class, e.getCause());
            assertEquals(allowed ? allowedFailure : BusGuard.FORBIDDEN, r.failureCode(), address + ": " + r.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
