package org.openinfusion.dashboard.visit;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.bus.VisitVerticle;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.config.SecurityConfig;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.clinical.bus.ReviewVerticle;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.TabletGrants;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.testing.TempFolders;

/**
 * Browserless tests of the visit pages: Karibu's mock Vaadin against a real event bus and the real visit worker writing
 * a real audit file (in a temporary folder, deleted at close), on a station clock the test sets.
 */
final class VisitStation implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final MutableClock clock;
    private final Path dir;
    private final Path file;
    private final AuditLog log;
    private final SignIns signIns;
    private String token;
    private final BusGuard guard;

    static final String PHYSICIAN = "dr-ada";
    static final String PHYSICIAN_NAME = "Dr. Ada Example";
    static final String PHYSICIAN_PASSWORD = "correct horse";

    VisitStation(Instant now) throws Exception {
        clock = new MutableClock(now);
        dir = Files.createTempDirectory("visit-pages-");
        file = dir.resolve("audit.log");
        log = AuditLog.open(file, clock);
        Codecs.registerAll(vertx);
        signIns = new SignIns(clock, Duration.ofDays(1));
        guard = new BusGuard(signIns, AuditFileTrail.of(log));
        VisitService visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log),
                AuditFileTrail.reader(file), clock, ZoneOffset.UTC);
        vertx.deployVerticle(new VisitVerticle(visits, guard), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // the review worker with one physician account: a completed visit is signed as a session's record
        UserStore users = UserStore.at(dir.resolve("users.properties"), 4);
        users.put(PHYSICIAN, Role.PHYSICIAN, PHYSICIAN_NAME, PHYSICIAN_PASSWORD.toCharArray());
        Authenticator authenticator = new Authenticator(users, AuditFileTrail.of(log), clock,
                new SecurityConfig(Duration.ofMinutes(15), 5, Duration.ofMinutes(15)));
        ReviewService review = new ReviewService(new AuditTail(file), AuditFileTrail.of(log), null, ProtocolCatalog.builtIn(),
                InstrumentCatalog.builtIn(), authenticator, clock);
        vertx.deployVerticle(new ReviewVerticle(review, guard), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        DashboardServices.install(vertx, InstrumentCatalog.builtIn(), StaffNames.of(users::list));
        MockVaadin.setup(new Routes().autoDiscoverViews("org.openinfusion.dashboard"));
    }

    /** Signs {@code user} in at the station and in this browser session. */
    void signIn(String user, Role role) {
        Principal p = new Principal(user, role, user.equals(PHYSICIAN) ? PHYSICIAN_NAME : user);
        token = signIns.open(p);
        CurrentUser.set(new StationUser(p, token));
    }

    /** A command sent straight to the station as the signed-in user (what another page or station did before). */
    VisitReply.Done send(VisitCommand c) throws Exception {
        return vertx.eventBus().<VisitReply.Done>request(Addresses.VISIT_COMMAND, c, BusGuard.options(token, 10_000))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
    }

    /** A session created at a bed (the bed view's start form) for {@code subject}, with no enrolment. */
    void bedsideSession(String subject, String protocolId) {
        SessionService sessions = new SessionService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log), clock,
                AlarmSettings.DEFAULTS);
        sessions.create("nurse1", "bed-01", protocolId, subject, SubjectMeasures.weight(70), "KIT-0001");
    }

    /** What the tablet page does with a one-time code (the session worker's unlock): the tablet's token. */
    String unlockTablet(String code) {
        return switch (guard.tablets().redeem(code)) {
            case TabletGrants.Unlocked u -> u.token();
            case TabletGrants.Refused r -> throw new IllegalStateException("code refused: " + r.why());
        };
    }

    /** A command sent by the patient tablet with its token. */
    VisitReply.Done sendAsTablet(VisitCommand c, String tabletToken) throws Exception {
        return vertx.eventBus().<VisitReply.Done>request(Addresses.VISIT_COMMAND, c, BusGuard.options(tabletToken, 10_000))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
    }

    private long seq;

    /** A value a device at {@code bed} streams to the station now minus {@code ago} (station time), as the data path publishes it. */
    void monitorValue(String bed, String device, Stream stream, double value, Duration ago) {
        Instant t = clock.instant().minus(ago);
        vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef(bed, device), stream, value, t, t, ++seq));
    }

    /** The audit trail as written. */
    AuditHistory trail() {
        return AuditFileTrail.reader(file).get();
    }

    @Override
    public void close() throws Exception {
        Optional<Path> devToolsToken = KaribuStation.devToolsTokenFile();
        MockVaadin.tearDown();
        if (devToolsToken.isPresent()) {
            Files.deleteIfExists(devToolsToken.get());
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        log.close();
        TempFolders.deleteTree(dir);
    }
}
