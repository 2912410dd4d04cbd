package org.openinfusion.station.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.config.SecurityConfig;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.testing.MutableClock;

/** Sign-in, sign-out and account administration over a real event bus. */
class AuthVerticleTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private SignIns signIns;
    private volatile boolean auditDown;

    @BeforeEach
    void deploy() throws Exception {
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        users.put("admin1", Role.ADMIN, "Site Admin", "admin-password".toCharArray());
        users.put("nurse1", Role.NURSE, "nurse-password".toCharArray());
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        signIns = new SignIns(clock, Duration.ofMinutes(15));
        var trail = (EncodedAudit) (t, a, s, p) -> {
            if (auditDown) {
                throw new UncheckedIOException("audit trail write failed; the step was not recorded",
                        new IOException("No space left on device"));
            }
            audit.add(t + " " + a);
        };
        Authenticator auth = new Authenticator(users, trail, clock, new SecurityConfig(Duration.ofMinutes(15), 3, Duration.ofMinutes(15)));
        await(vertx.deployVerticle(new AuthVerticle(auth, signIns, new BusGuard(signIns, trail), users, trail),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private AuthMessages.SignedIn signIn(String user, String password) throws Exception {
        return await(vertx.eventBus().<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN,
                new AuthMessages.SignInRequest(user, password.toCharArray()))).body();
    }

    private ReplyException failure(Future<?> f) {
        return assertInstanceOf(ReplyException.class, assertThrows(ExecutionException.class, () -> await(f)).getCause());
    }

    @Test
    void signInGivesATokenThatTheGuardAcceptsUntilSignOut() throws Exception {
        AuthMessages.SignedIn s = signIn("nurse1", "nurse-password");
        assertEquals(Role.NURSE, s.principal().role());
        assertEquals(Duration.ofMinutes(15), s.idleTimeout());
        assertTrue(signIns.resolve(s.token()).isPresent());

        await(vertx.eventBus().request(Addresses.AUTH_SIGN_OUT, "sign-out", BusGuard.options(s.token(), 5000)));
        assertTrue(signIns.resolve(s.token()).isEmpty());
        assertTrue(audit.contains("user.signed_out nurse1"), audit.toString());
    }

    @Test
    void whileTheAuditTrailCannotBeWrittenSignInIsRefusedWith503AndTheReasonInsteadOfTimingOut() throws Exception {
        // given the audit trail cannot be written
        auditDown = true;
        // when a nurse signs in with the right password
        ReplyException refused = failure(vertx.eventBus().request(Addresses.AUTH_SIGN_IN,
                new AuthMessages.SignInRequest("nurse1", "nurse-password".toCharArray())));
        // then the answer comes at once, names the reason, and no sign-in was opened
        assertEquals(503, refused.failureCode());
        assertTrue(refused.getMessage().contains("AUDIT_UNAVAILABLE"), refused.getMessage());
        // and once the trail is back, signing in works
        auditDown = false;
        assertEquals(Role.NURSE, signIn("nurse1", "nurse-password").principal().role());
    }

    @Test
    void wrongPasswordsAre401ThenTheLockIs423() throws Exception {
        ReplyException wrong = failure(vertx.eventBus().request(Addresses.AUTH_SIGN_IN, new AuthMessages.SignInRequest("nurse1", "x".toCharArray())));
        assertEquals(401, wrong.failureCode());
        assertEquals(Authenticator.WRONG, wrong.getMessage());
        failure(vertx.eventBus().request(Addresses.AUTH_SIGN_IN, new AuthMessages.SignInRequest("nurse1", "x".toCharArray())));
        ReplyException locked = failure(vertx.eventBus().request(Addresses.AUTH_SIGN_IN, new AuthMessages.SignInRequest("nurse1", "x".toCharArray())));
        assertEquals(423, locked.failureCode());
        assertTrue(locked.getMessage().contains("locked"), locked.getMessage());
    }

    private <T> T asAdmin(String address, Object body) throws Exception {
        String admin = signIn("admin1", "admin-password").token();
        return await(vertx.eventBus().<T>request(address, body, BusGuard.options(admin, 5000))).body();
    }

    @Test
    void onlyTheAdministratorDisablesAnAccountWhichThenCannotSignInAndLosesItsSignIns() throws Exception {
        // given a signed-in nurse
        String nurse = signIn("nurse1", "nurse-password").token();
        // when the nurse tries to disable an account: refused
        assertEquals(BusGuard.FORBIDDEN, failure(vertx.eventBus().request(Addresses.USERS_DISABLE,
                new AuthMessages.SetDisabled("admin1", true), BusGuard.options(nurse, 5000))).failureCode());
        // when the administrator disables the nurse
        AuthMessages.UserList list = asAdmin(Addresses.USERS_DISABLE, new AuthMessages.SetDisabled("nurse1", true));
        // then the account is listed as disabled (never deleted), its sign-in is closed, and it cannot sign in again
        assertTrue(list.users().stream().anyMatch(u -> u.userId().equals("nurse1") && u.disabled()));
        assertTrue(signIns.resolve(nurse).isEmpty());
        ReplyException refused = failure(vertx.eventBus().request(Addresses.AUTH_SIGN_IN,
                new AuthMessages.SignInRequest("nurse1", "nurse-password".toCharArray())));
        assertEquals(401, refused.failureCode());
        assertEquals(Authenticator.DISABLED, refused.getMessage());
        assertTrue(audit.contains("user.disabled admin1") && audit.contains("user.sign_in_disabled nurse1"), audit.toString());
        // and enabled again, it signs in
        asAdmin(Addresses.USERS_DISABLE, new AuthMessages.SetDisabled("nurse1", false));
        assertEquals(Role.NURSE, signIn("nurse1", "nurse-password").principal().role());
    }

    @Test
    void anAdministratorsPasswordResetIsAuditedAndForcesAChangeBeforeAnythingElse() throws Exception {
        // given the administrator resets the nurse's password
        asAdmin(Addresses.USERS_RESET_PASSWORD, new AuthMessages.ResetPassword("nurse1", "temporary-1".toCharArray()));
        assertTrue(audit.contains("user.password_reset admin1"), audit.toString());
        // when the nurse signs in with it
        AuthMessages.SignedIn s = signIn("nurse1", "temporary-1");
        // then the sign-in says a change is due, and every other request is refused until it is made
        assertTrue(s.mustChangePassword());
        assertEquals(BusGuard.PASSWORD_CHANGE_REQUIRED, failure(vertx.eventBus().request(Addresses.USERS_LIST, "",
                BusGuard.options(s.token(), 5000))).failureCode());
        assertEquals(400, failure(vertx.eventBus().request(Addresses.AUTH_CHANGE_PASSWORD, new AuthMessages.ChangePassword(
                "temporary-1".toCharArray(), "temporary-1".toCharArray()), BusGuard.options(s.token(), 5000))).failureCode());
        await(vertx.eventBus().request(Addresses.AUTH_CHANGE_PASSWORD, new AuthMessages.ChangePassword(
                "temporary-1".toCharArray(), "my-own-password".toCharArray()), BusGuard.options(s.token(), 5000)));
        assertTrue(audit.contains("user.password_changed nurse1"), audit.toString());
        assertEquals(BusGuard.FORBIDDEN, failure(vertx.eventBus().request(Addresses.USERS_LIST, "",
                BusGuard.options(s.token(), 5000))).failureCode(), "after the change, the role decides again");
        // and the next sign-in with the new password asks for nothing
        assertTrue(!signIn("nurse1", "my-own-password").mustChangePassword());
    }

    @Test
    void onlyTheAdministratorListsSavesAndUnlocksAccounts() throws Exception {
        String nurse = signIn("nurse1", "nurse-password").token();
        String admin = signIn("admin1", "admin-password").token();
        assertEquals(BusGuard.FORBIDDEN, failure(vertx.eventBus().request(Addresses.USERS_LIST, "", BusGuard.options(nurse, 5000))).failureCode());
        assertEquals(BusGuard.SIGNED_OUT, failure(vertx.eventBus().request(Addresses.USERS_LIST, "")).failureCode());
        assertTrue(audit.contains("access.denied nurse1"));

        AuthMessages.UserList saved = await(vertx.eventBus().<AuthMessages.UserList>request(Addresses.USERS_SAVE,
                new AuthMessages.SaveUser("dr.ng", Role.PHYSICIAN, "Dr A Ng", "doctor-password".toCharArray()),
                BusGuard.options(admin, 5000))).body();
        assertEquals(List.of("admin1", "dr.ng", "nurse1"), saved.users().stream().map(AuthMessages.UserRow::userId).toList());
        assertTrue(signIns.resolve(nurse).isPresent());
        await(vertx.eventBus().request(Addresses.USERS_SAVE, new AuthMessages.SaveUser("nurse1", Role.ENGINEER, null,
                "new-password".toCharArray()), BusGuard.options(admin, 5000)));
        assertTrue(signIns.resolve(nurse).isEmpty(), "a changed account's sign-ins end: the old role is not kept");
        assertEquals("Dr A Ng", saved.users().get(1).name());
        assertEquals(400, failure(vertx.eventBus().request(Addresses.USERS_SAVE,
                new AuthMessages.SaveUser("x2", Role.NURSE, null, "short".toCharArray()), BusGuard.options(admin, 5000))).failureCode());

        for (int i = 0; i < 3; i++) {
            failure(vertx.eventBus().request(Addresses.AUTH_SIGN_IN, new AuthMessages.SignInRequest("dr.ng", "guess".toCharArray())));
        }
        AuthMessages.UserList listed = await(vertx.eventBus().<AuthMessages.UserList>request(Addresses.USERS_LIST, "",
                BusGuard.options(admin, 5000))).body();
        assertNotNull(listed.users().get(1).lockedUntil());
        AuthMessages.UserList unlocked = await(vertx.eventBus().<AuthMessages.UserList>request(Addresses.USERS_UNLOCK,
                new AuthMessages.Unlock("dr.ng"), BusGuard.options(admin, 5000))).body();
        assertNull(unlocked.users().get(1).lockedUntil());
        assertEquals(Role.PHYSICIAN, signIn("dr.ng", "doctor-password").principal().role());
    }
}
