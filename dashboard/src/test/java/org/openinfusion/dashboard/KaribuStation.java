package org.openinfusion.dashboard;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.server.VaadinService;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.bus.SessionVerticle;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.config.SecurityConfig;
import org.openinfusion.station.security.AuthVerticle;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.station.security.UserStore;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;

/**
 * Browserless UI tests against a real event bus and a real session worker (audit in memory): Karibu's mock Vaadin
 * with every route of the dashboard.
 */
public final class KaribuStation implements AutoCloseable {
    public record Audited(String type, String actor, Map<String, Object> payload) {
    }

    public final Vertx vertx = Vertx.vertx();
    public final List<Audited> audit = new CopyOnWriteArrayList<>();
    public final UserStore users;
    /** The station's sign-ins: tests sign a user in directly with {@link #signIn}. */
    public final SignIns signIns;
    private final Path usersDir;

    public KaribuStation() throws Exception {
        Codecs.registerAll(vertx);
        EncodedAudit trail = (t, a, s, p) -> audit.add(new Audited(t, a, p));
        SessionService service = new SessionService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), trail,
                Clock.systemUTC(), AlarmSettings.DEFAULTS);
        usersDir = Files.createTempDirectory("karibu-users-");
        users = UserStore.at(usersDir.resolve(UserStore.FILE_NAME), 4);
        users.put("nurse1", Role.NURSE, "secret-pw".toCharArray());
        users.put("doc", Role.PHYSICIAN, "Dr Doc", "secret-pw".toCharArray());
        users.put("nurse7", Role.NURSE, "Nora Nurse", "secret-pw".toCharArray()); // a printed name unlike the account id
        users.put("eng1", Role.ENGINEER, "secret-pw".toCharArray());
        users.put("admin1", Role.ADMIN, "secret-pw".toCharArray());
        signIns = new SignIns(Clock.systemUTC(), Duration.ofMinutes(15));
        BusGuard guard = new BusGuard(signIns, trail);
        Authenticator authenticator = new Authenticator(users, trail, Clock.systemUTC(), SecurityConfig.DEFAULTS);
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        vertx.deployVerticle(new SessionVerticle(service, Duration.ofMillis(200), guard), worker)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.deployVerticle(new AuthVerticle(authenticator, signIns, guard, users, trail), worker)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        DashboardServices.install(vertx, InstrumentCatalog.builtIn(), StaffNames.of(users::list));
        MockVaadin.setup(new Routes().autoDiscoverViews("org.openinfusion.dashboard"));
    }

    /** Signs {@code user} in at the station (a real token) and in this browser session, without the sign-in page. */
    public void signIn(String user, Role role) {
        Principal p = new Principal(user, role, user);
        CurrentUser.set(new StationUser(p, signIns.open(p)));
    }

    /** Runs pending UI work (bus replies delivered with ui.access) until {@code condition} holds. */
    public static void until(BooleanSupplier condition) {
        try {
            Eventually.waitUntilHolds(Duration.ofSeconds(10), "the UI condition", () -> {
                MockVaadin.clientRoundtrip(false);
                return condition.getAsBoolean();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        Optional<Path> devToolsToken = devToolsTokenFile();
        MockVaadin.tearDown();
        if (devToolsToken.isPresent()) {
            Files.deleteIfExists(devToolsToken.get());
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        TempFolders.deleteTree(usersDir);
    }

    /**
     * The file in which Vaadin's development mode keeps its dev-tools token between restarts (flow-server's
     * {@code DevToolsToken}): the system temp dir, named after the project folder. Mock Vaadin runs in development
     * mode, so every test would leave it there.
     */
    public static Optional<Path> devToolsTokenFile() {
        return Optional.ofNullable(VaadinService.getCurrent()).map(s -> s.getDeploymentConfiguration().getProjectFolder())
                .map(project -> UUID.nameUUIDFromBytes(project.getAbsolutePath().getBytes(StandardCharsets.UTF_8)).toString())
                .map(name -> Path.of(System.getProperty("java.io.tmpdir"), name));
    }
}
