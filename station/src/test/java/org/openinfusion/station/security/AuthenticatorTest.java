package org.openinfusion.station.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.config.SecurityConfig;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.testing.MutableClock;

class AuthenticatorTest {
    record Audited(String type, String actor, Map<String, Object> payload) {
    }

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final List<Audited> audit = new CopyOnWriteArrayList<>();
    private Authenticator auth;

    @BeforeEach
    void accounts() {
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        users.put("dr.ng", Role.PHYSICIAN, "Dr A Ng", "right-password".toCharArray());
        auth = new Authenticator(users, (EncodedAudit) (t, a, s, p) -> audit.add(new Audited(t, a, p)), clock,
                new SecurityConfig(Duration.ofMinutes(15), 3, Duration.ofMinutes(10)));
    }

    private Authenticator.Result signIn(String user, String password) {
        return auth.signIn(user, password.toCharArray());
    }

    @Test
    void theRightPasswordSignsInWithRoleAndPrintedNameAndIsAudited() {
        var ok = assertInstanceOf(Authenticator.Result.Accepted.class, signIn("dr.ng", "right-password"));
        assertEquals(new Principal("dr.ng", Role.PHYSICIAN, "Dr A Ng"), ok.principal());
        assertEquals("user.signed_in", audit.getLast().type());
        assertEquals("dr.ng", audit.getLast().actor());
        assertFalse(audit.toString().contains("right-password"), "passwords are never audited");
    }

    @Test
    void threeWrongPasswordsInARowLockTheAccountEvenAgainstTheRightOneUntilTheLockEnds() {
        for (int i = 1; i <= 2; i++) {
            var r = assertInstanceOf(Authenticator.Result.Refused.class, signIn("dr.ng", "guess" + i));
            assertEquals(Authenticator.WRONG, r.message());
            assertFalse(r.locked());
        }
        var locked = assertInstanceOf(Authenticator.Result.Refused.class, signIn("dr.ng", "guess3"));
        assertTrue(locked.locked());
        assertTrue(locked.message().contains("locked after 3 wrong passwords until 09:10 UTC"), locked.message());
        assertTrue(audit.stream().anyMatch(a -> a.type().equals("user.locked") && a.payload().get("until").equals("2026-11-22T09:10:00Z")));

        assertInstanceOf(Authenticator.Result.Refused.class, signIn("dr.ng", "right-password"));
        assertEquals("user.sign_in_locked", audit.getLast().type());
        clock.advance(Duration.ofMinutes(10));
        assertInstanceOf(Authenticator.Result.Accepted.class, signIn("dr.ng", "right-password"));
    }

    @Test
    void aSuccessResetsTheCountAndAnAdministratorCanUnlock() {
        signIn("dr.ng", "guess");
        signIn("dr.ng", "guess");
        assertInstanceOf(Authenticator.Result.Accepted.class, signIn("dr.ng", "right-password"));
        signIn("dr.ng", "guess");
        signIn("dr.ng", "guess");
        assertFalse(assertInstanceOf(Authenticator.Result.Refused.class, signIn("dr.ng", "guess")).message().equals(Authenticator.WRONG));
        assertTrue(auth.lockedUntil("dr.ng").isPresent());

        auth.unlock("dr.ng", new Principal("admin1", Role.ADMIN, "Admin"));
        assertTrue(auth.lockedUntil("dr.ng").isEmpty());
        assertEquals("user.unlocked", audit.getLast().type());
        assertEquals("admin1", audit.getLast().actor());
        assertInstanceOf(Authenticator.Result.Accepted.class, signIn("dr.ng", "right-password"));
    }

    @Test
    void unknownUsersGetTheSameAnswersSoAccountsCannotBeDiscovered() {
        for (int i = 0; i < 2; i++) {
            assertEquals(Authenticator.WRONG, assertInstanceOf(Authenticator.Result.Refused.class, signIn("nobody", "x")).message());
        }
        assertTrue(assertInstanceOf(Authenticator.Result.Refused.class, signIn("nobody", "x")).locked());
        assertInstanceOf(Authenticator.Result.Refused.class, signIn("Robert'); DROP", "x"));
        assertEquals("unknown", audit.getLast().actor(), "an id that is not a valid user id is not written as the actor");
    }

    @Test
    void confirmingThePasswordForAnESignatureCountsTowardsTheSameLock() {
        Principal doc = new Principal("dr.ng", Role.PHYSICIAN, "Dr A Ng");
        assertInstanceOf(Authenticator.Result.Accepted.class, auth.confirm(doc, "right-password".toCharArray()));
        assertEquals("user.password_confirmed", audit.getLast().type());
        auth.confirm(doc, "wrong".toCharArray());
        auth.confirm(doc, "wrong".toCharArray());
        assertEquals("user.password_confirm_failed", audit.getLast().type());
        assertTrue(assertInstanceOf(Authenticator.Result.Refused.class, signIn("dr.ng", "wrong")).locked());
        assertTrue(assertInstanceOf(Authenticator.Result.Refused.class, auth.confirm(doc, "right-password".toCharArray())).locked());
    }

    @Test
    void aFloodOfMadeUpIdsCannotPushALockedAccountOutOfTheTable() {
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        Authenticator small = new Authenticator(users, (actor, session, event) -> { }, clock,
                new SecurityConfig(Duration.ofMinutes(15), 3, Duration.ofMinutes(10)), 3);
        for (int i = 0; i < 3; i++) {
            small.signIn("dr.ng", "guess".toCharArray());
        }
        assertTrue(small.lockedUntil("dr.ng").isPresent());
        for (int i = 0; i < 50; i++) {
            small.signIn("made-up-" + i, "x".toCharArray());
        }
        assertTrue(small.lockedUntil("dr.ng").isPresent(), "the real account stays locked");
        assertTrue(assertInstanceOf(Authenticator.Result.Refused.class, small.signIn("dr.ng", "right-password".toCharArray())).locked());
    }

    @Test
    void aDisabledAccountCannotSignInNorConfirmAnESignatureEvenWithTheRightPassword() {
        // given dr.ng's account disabled by an administrator
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        users.setDisabled("dr.ng", true);
        // when dr.ng signs in and confirms a signature with the right password
        var signIn = assertInstanceOf(Authenticator.Result.Refused.class, signIn("dr.ng", "right-password"));
        assertEquals("user.sign_in_disabled", audit.getLast().type());
        var confirm = assertInstanceOf(Authenticator.Result.Refused.class,
                auth.confirm(new Principal("dr.ng", Role.PHYSICIAN, "Dr A Ng"), "right-password".toCharArray()));
        // then both are refused as disabled, and audited
        assertEquals(Authenticator.DISABLED, signIn.message());
        assertEquals(Authenticator.DISABLED, confirm.message());
        assertEquals("user.password_confirm_disabled", audit.getLast().type());
        // and enabled again, the account signs in (it was never deleted)
        users.setDisabled("dr.ng", false);
        assertInstanceOf(Authenticator.Result.Accepted.class, signIn("dr.ng", "right-password"));
    }

    @Test
    void aThousandWrongSignInsFromOneAddressCostAtMostTheLimitInPasswordChecksAndAnotherUserStillSignsIn() {
        // given a per-address limit of 20 wrong sign-ins
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        Authenticator limited = new Authenticator(users, (EncodedAudit) (t, a, s, p) -> audit.add(new Audited(t, a, p)), clock,
                new SecurityConfig(Duration.ofMinutes(15), 3, Duration.ofMinutes(10), 20, 100));
        long before = users.verifications();
        // when one address tries a thousand wrong passwords over many ids
        int refusedUnchecked = 0;
        for (int i = 0; i < 1000; i++) {
            var r = assertInstanceOf(Authenticator.Result.Refused.class,
                    limited.signIn("guess-" + (i % 50), ("pw" + i).toCharArray(), "10.0.0.66"));
            if (r.message().startsWith("Too many wrong sign-ins from this computer")) {
                refusedUnchecked++;
            }
        }
        long attackerChecks = users.verifications() - before;
        // then only the first 20 cost a password check; the other 980 were refused without one
        System.out.printf("1000 wrong sign-ins from one address: %d password checks, %d refused without one%n",
                attackerChecks, refusedUnchecked);
        assertEquals(20, attackerChecks);
        assertEquals(980, refusedUnchecked);
        assertEquals(1, audit.stream().filter(a -> a.type().equals("access.address_throttled")).count());
        // and another user at another address signs in, at the cost of one check
        assertInstanceOf(Authenticator.Result.Accepted.class, limited.signIn("dr.ng", "right-password".toCharArray(), "10.0.0.7"));
        assertEquals(21, users.verifications() - before);
        // and the address may try again once the lockout has passed
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Authenticator.WRONG, assertInstanceOf(Authenticator.Result.Refused.class,
                limited.signIn("guess-1", "x".toCharArray(), "10.0.0.66")).message());
    }

    @Test
    void aSignInStalledInItsAuditWriteDoesNotHoldUpAnotherUsersSignIn() throws Exception {
        // given an audit port that stalls the first write of user "slow.one" until released
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        UserStore users = UserStore.at(dir.resolve(UserStore.FILE_NAME), 4);
        Authenticator a = new Authenticator(users, (EncodedAudit) (t, actor, s, p) -> {
            if (actor.equals("slow.one")) {
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, clock, new SecurityConfig(Duration.ofMinutes(15), 3, Duration.ofMinutes(10)));
        Thread slow = Thread.ofPlatform().start(() -> a.signIn("slow.one", "x".toCharArray(), "10.0.0.66"));
        try {
            stalled.await();
            // when dr.ng signs in while that sign-in is inside its audit write
            var done = CompletableFuture.supplyAsync(() -> a.signIn("dr.ng", "right-password".toCharArray(), "10.0.0.7"));
            // then dr.ng's sign-in completes (the lock is not held across the password check or the audit write)
            assertInstanceOf(Authenticator.Result.Accepted.class, done.get(60, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            slow.join();
        }
    }

    @Test
    void anUnknownIdCostsTheSameBcryptWorkAsAKnownOne() {
        UserStore slow = UserStore.at(dir.resolve("slow.properties"), 10);
        slow.put("dr.ng", Role.PHYSICIAN, "right-password".toCharArray());
        slow.authenticate("nobody", "x".toCharArray()); // makes the dummy hash once
        long known = time(() -> slow.authenticate("dr.ng", "wrong".toCharArray()));
        long unknownId = time(() -> slow.authenticate("nobody", "wrong".toCharArray()));
        assertTrue(unknownId > known / 3, "unknown " + unknownId / 1000 + " us vs known " + known / 1000 + " us");
    }

    /** The least CPU time this thread spent in r over three runs: bcrypt work, whatever else the machine is doing. */
    private static long time(Runnable r) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            r.run();
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }
}
