package org.openinfusion.station.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.bus.SessionVerticle;
import org.openinfusion.station.clinical.bus.VisitVerticle;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.testing.MutableClock;

/**
 * What the bus tests of study visits and of the patient tablet start from: the station's session worker (which unlocks
 * and sweeps tablets) and/or its visit worker (which hands a visit's rating to the tablet and records visits), deployed
 * as the station deploys them on a real event bus of their own, behind the bus guard (the default tablet code validity
 * and idle lock), writing one real audit file ({@code audit.log} in the test's folder) on a clock the test moves.
 * Close after each test.
 */
public final class VisitStation implements AutoCloseable {
    /** The station's workers a test needs. */
    public enum Worker {
        /** The bedside session worker: sessions, ratings at the bed, the tablet's unlock and idle lock. */
        SESSIONS,
        /** The study-visit worker: enrolment, clinic list, rating visits, the tablet at a visit. */
        VISITS
    }

    public final Vertx vertx;
    private final Path auditFile;
    private final AuditLog log;
    private final SignIns signIns;

    /**
     * @param dir       the test's temporary folder (the audit file goes there)
     * @param signInFor how long a sign-in lasts without use (longer than the test moves the clock)
     */
    public VisitStation(Path dir, MutableClock clock, Duration signInFor, Worker... workers) throws Exception {
        auditFile = dir.resolve("audit.log");
        log = AuditLog.open(auditFile, clock);
        vertx = Vertx.vertx();
        try {
            Codecs.registerAll(vertx);
            signIns = new SignIns(clock, signInFor);
            BusGuard guard = new BusGuard(signIns, AuditFileTrail.of(log));
            DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
            for (Worker w : List.of(workers)) {
                switch (w) {
                    case SESSIONS -> await(vertx.deployVerticle(new SessionVerticle(new SessionService(ProtocolCatalog.builtIn(),
                            InstrumentCatalog.builtIn(), AuditFileTrail.of(log), clock, AlarmSettings.DEFAULTS), Duration.ofMillis(50), guard), worker));
                    case VISITS -> await(vertx.deployVerticle(new VisitVerticle(new VisitService(ProtocolCatalog.builtIn(),
                            InstrumentCatalog.builtIn(), AuditFileTrail.of(log), AuditFileTrail.reader(auditFile), clock, ZoneId.of("UTC")),
                            guard), worker));
                }
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** A staff member's sign-in token. */
    public String signIn(String user, Role role, String name) {
        return signIns.open(new Principal(user, role, name));
    }

    /** The answer to {@code body} on {@code address}, sent with {@code token} (none: {@code null}, as the tablet's unlock). */
    public <T> T request(String address, Object body, String token) throws Exception {
        DeliveryOptions o = token == null ? new DeliveryOptions().setSendTimeout(10_000) : BusGuard.options(token, 10_000);
        return await(vertx.eventBus().<T>request(address, body, o)).body();
    }

    /** The refusal of {@code body} on {@code address} (fails the test when it is answered). */
    public ReplyException refused(String address, Object body, String token) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> request(address, body, token));
        return assertInstanceOf(ReplyException.class, e.getCause());
    }

    /** The audit file read back, verified and typed. */
    public List<Recorded> trail() throws IOException {
        return HistoryReader.history(auditFile).entries();
    }

    @Override
    public void close() throws Exception {
        try {
            await(vertx.close());
        } finally {
            log.close();
        }
    }
}
