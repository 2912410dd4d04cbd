package org.openinfusion.station.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.blinding.AuditTrail;
import org.openinfusion.station.config.SecurityConfig;

/**
 * Checks passwords for sign-in and for e-signatures, counts wrong ones and locks an account after
 * {@link SecurityConfig#maxFailedSignIns()} in a row. Unknown user ids are counted and locked the same way, so
 * the answers never reveal which accounts exist. Every sign-in, refusal, lock and unlock is audited; passwords
 * never are. Thread-safe; blocks on bcrypt and on the audit fsync: call from a worker thread.
 */
public final class Authenticator {
    /** Bound on the failure table, so a flood of invented user ids cannot grow memory without end. */
    static final int MAX_TRACKED = 10_000;
    public static final String WRONG = "Wrong user name or password.";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecurityConfig config;
    /** Failures of real accounts: never evicted (bounded by the number of accounts), so a lock cannot be flushed out. */
    private final Map<String, Failures> accounts = new HashMap<>();
    /** Failures of made-up ids, bounded: the oldest are forgotten first. */
    private final Map<String, Failures> unknown;

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }

    /** The answer to a password check: the principal, or a refusal whose message can be shown as it is. */
    public sealed interface Result {
        record Accepted(Principal principal) implements Result {
        }

        record Refused(String message, boolean locked) implements Result {
        }
    }

    public Authenticator(UserStore users, AuditTrail audit, Clock clock, SecurityConfig config) {
        this(users, audit, clock, config, MAX_TRACKED);
    }

    Authenticator(UserStore users, AuditTrail audit, Clock clock, SecurityConfig config, int maxTrackedUnknown) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.unknown = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxTrackedUnknown;
            }
        };
    }

    /** Signs a user in; audited as user.signed_in, user.sign_in_failed or user.sign_in_locked. */
    public synchronized Result signIn(String userId, char[] password) {
        return check(userId, password, "user.signed_in", "user.sign_in_failed");
    }

    /**
     * Confirms a signed-in user's password again (the second component of an e-signature); wrong ones count
     * towards the lock like sign-in failures.
     */
    public synchronized Result confirm(Principal who, char[] password) {
        Result r = check(who.userId(), password, "user.password_confirmed", "user.password_confirm_failed");
        if (r instanceof Result.Accepted a && !a.principal().userId().equals(who.userId())) {
            throw new IllegalStateException("confirmed another user");
        }
        return r;
    }

    /** Ends a lock early (an administrator's action), audited as user.unlocked. */
    public synchronized void unlock(String userId, Principal admin) {
        accounts.remove(userId);
        unknown.remove(userId);
        audit.record("user.unlocked", admin.userId(), null, Map.of("user", userId, "at", clock.instant().toString()));
    }

    /** When the account's lock ends, if it is locked now. */
    public synchronized Optional<Instant> lockedUntil(String userId) {
        Failures f = accounts.containsKey(userId) ? accounts.get(userId) : unknown.get(userId);
        return f == null || f.lockedUntil == null || !f.lockedUntil.isAfter(clock.instant()) ? Optional.empty() : Optional.of(f.lockedUntil);
    }

    private Result check(String rawId, char[] password, String okType, String failType) {
        String id = rawId == null ? "" : rawId.strip();
        String actor = id.matches("[a-z0-9._-]{2,32}") ? id : "unknown";
        Instant now = clock.instant();
        Optional<Instant> locked = lockedUntil(id);
        if (locked.isPresent()) {
            audit.record("user.sign_in_locked", actor, null, Map.of("at", now.toString(), "purpose", okType));
            return new Result.Refused(lockedMessage(locked.get()), true);
        }
        Optional<Principal> p = users.authenticate(id, password);
        Map<String, Failures> failures = p.isPresent() || users.has(id) ? accounts : unknown;
        if (p.isPresent()) {
            failures.remove(id);
            audit.record(okType, actor, null, Map.of("at", now.toString(), "role", p.get().role().key()));
            return new Result.Accepted(p.get());
        }
        Failures f = failures.computeIfAbsent(id, k -> new Failures());
        f.count++;
        audit.record(failType, actor, null, Map.of("at", now.toString(), "failuresInARow", f.count));
        if (f.count >= config.maxFailedSignIns()) {
            f.count = 0;
            f.lockedUntil = now.plus(config.lockout());
            audit.record("user.locked", actor, null, Map.of("at", now.toString(), "until", f.lockedUntil.toString(),
                    "afterFailures", config.maxFailedSignIns()));
            return new Result.Refused(lockedMessage(f.lockedUntil), true);
        }
        return new Result.Refused(WRONG, false);
    }

    private String lockedMessage(Instant until) {
        return "This account is locked after " + config.maxFailedSignIns() + " wrong passwords until " + HH_MM.format(until)
                + "; an administrator can unlock it sooner.";
    }
}
