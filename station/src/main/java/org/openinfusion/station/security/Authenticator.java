package org.openinfusion.station.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.TrailEvent;
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
    /** Why a first e-signature of a sign-in without the user id is refused (21 CFR 11.200(a)(1)). */
    public static final String FIRST_SIGNATURE = "The first signature after signing in asks your user id as well as your password.";
    public static final String WRONG = "Wrong user name or password.";
    public static final String DISABLED = "This account is disabled; an administrator can enable it.";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final AuditPort audit;
    private final Clock clock;
    private final SecurityConfig config;
    /** Failures of real accounts: never evicted (bounded by the number of accounts), so a lock cannot be flushed out. */
    private final Map<String, Failures> accounts = new HashMap<>();
    /** Failures of made-up ids, bounded: the oldest are forgotten first. */
    private final Map<String, Failures> unknown;

    /** Wrong sign-ins per client address, bounded like {@link #unknown}: the oldest addresses are forgotten first. */
    private final Map<String, Failures> addresses;

    private static final class Failures {
        int count;
        Instant lockedUntil;
        /** For an address: when its current count began. */
        Instant windowStart;
    }

    /** The answer to a password check: the principal, or a refusal whose message can be shown as it is. */
    public sealed interface Result {
        /** @param mustChangePassword an administrator reset the password: only a password change is allowed until it is changed */
        record Accepted(Principal principal, boolean mustChangePassword) implements Result {
            public Accepted(Principal principal) {
                this(principal, false);
            }
        }

        record Refused(String message, boolean locked) implements Result {
        }
    }

    public Authenticator(UserStore users, AuditPort audit, Clock clock, SecurityConfig config) {
        this(users, audit, clock, config, MAX_TRACKED);
    }

    Authenticator(UserStore users, AuditPort audit, Clock clock, SecurityConfig config, int maxTrackedUnknown) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.unknown = bounded(maxTrackedUnknown);
        this.addresses = bounded(maxTrackedUnknown);
    }

    private static Map<String, Failures> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > max;
            }
        };
    }

    /** Signs a user in; audited as user.signed_in, user.sign_in_failed or user.sign_in_locked. */
    public Result signIn(String userId, char[] password) {
        return signIn(userId, password, null);
    }

    /**
     * Signs a user in from a client address (null when not known: only the per-account rules apply). An address with
     * {@link SecurityConfig#maxFailedPerAddress()} wrong sign-ins within {@link SecurityConfig#lockout()} is refused
     * without a password check until that time has passed (audited once, as access.address_throttled).
     */
    public Result signIn(String userId, char[] password, String address) {
        return check(userId, password, TrailEvent.Purpose.SIGN_IN, address);
    }

    /**
     * Confirms a signed-in user's password again (the second component of an e-signature); wrong ones count
     * towards the lock like sign-in failures. A disabled account cannot confirm.
     */
    public Result confirm(Principal who, char[] password) {
        return confirm(who, Optional.empty(), password);
    }

    /**
     * The same with the user id entered as well (the first e-signature of a sign-in, 21 CFR 11.200(a)(1)): a user id
     * other than the signed-in user's is refused like a wrong password (it counts towards the lock), and both outcomes
     * are audited with {@code "components": "user id and password"}.
     */
    public Result confirm(Principal who, Optional<String> enteredUserId, char[] password) {
        if (enteredUserId.isPresent() && !enteredUserId.get().strip().equals(who.userId())) {
            // checked against no password: refused ("Wrong user name or password."), counted and audited like one
            return check(who.userId(), new char[0], TrailEvent.Purpose.FIRST_CONFIRM, null);
        }
        Result r = check(who.userId(), password, enteredUserId.isPresent() ? TrailEvent.Purpose.FIRST_CONFIRM
                : TrailEvent.Purpose.CONFIRM, null);
        if (r instanceof Result.Accepted a && !a.principal().userId().equals(who.userId())) {
            throw new IllegalStateException("confirmed another user");
        }
        return r;
    }

    /** Ends a lock early (an administrator's action), audited as user.unlocked. */
    public void unlock(String userId, Principal admin) {
        synchronized (this) {
            accounts.remove(userId);
            unknown.remove(userId);
        }
        audit.record(admin.userId(), null, new TrailEvent.AccountUnlocked(userId, clock.instant()));
    }

    /** When the account's lock ends, if it is locked now. */
    public synchronized Optional<Instant> lockedUntil(String userId) {
        Failures f = accounts.containsKey(userId) ? accounts.get(userId) : unknown.get(userId);
        return f == null || f.lockedUntil == null || !f.lockedUntil.isAfter(clock.instant()) ? Optional.empty() : Optional.of(f.lockedUntil);
    }

    /**
     * The bookkeeping runs under this object's lock, the bcrypt check and the audit writes outside it, so one client's
     * guesses never make another user's sign-in wait for them.
     */
    private Result check(String rawId, char[] password, TrailEvent.Purpose purpose, String address) {
        String id = rawId == null ? "" : rawId.strip();
        String actor = id.matches("[a-z0-9._-]{2,32}") ? id : "unknown";
        Instant now = clock.instant();
        Optional<Instant> locked;
        Optional<Instant> throttled;
        synchronized (this) {
            locked = lockedUntil(id);
            throttled = address == null ? Optional.empty() : throttledUntil(address, now);
        }
        if (throttled.isPresent()) {
            return new Result.Refused(throttledMessage(throttled.get()), true);
        }
        if (locked.isPresent()) {
            audit.record(actor, null, new TrailEvent.PasswordLocked(purpose, now));
            return new Result.Refused(lockedMessage(locked.get()), true);
        }
        Optional<UserStore.State> p = users.verify(id, password);
        if (p.isPresent() && p.get().disabled()) {
            audit.record(actor, null, new TrailEvent.DisabledRefused(purpose, now));
            return new Result.Refused(DISABLED, false);
        }
        if (p.isPresent()) {
            synchronized (this) {
                accounts.remove(id);
            }
            audit.record(actor, null, new TrailEvent.PasswordAccepted(purpose, now, p.get().principal().role().key()));
            return new Result.Accepted(p.get().principal(), p.get().mustChangePassword());
        }
        boolean real = users.has(id);
        int count;
        Instant lockNow = null;
        Instant throttleNow = null;
        int addressFailures = 0;
        synchronized (this) {
            Failures f = (real ? accounts : unknown).computeIfAbsent(id, k -> new Failures());
            count = ++f.count;
            if (f.count >= config.maxFailedSignIns()) {
                f.count = 0;
                f.lockedUntil = now.plus(config.lockout());
                lockNow = f.lockedUntil;
            }
            if (address != null && purpose == TrailEvent.Purpose.SIGN_IN) {
                Failures a = addresses.computeIfAbsent(address, k -> new Failures());
                if (a.windowStart == null || !now.isBefore(a.windowStart.plus(config.lockout()))) {
                    a.windowStart = now;
                    a.count = 0;
                }
                addressFailures = ++a.count;
                if (a.count >= config.maxFailedPerAddress() && a.lockedUntil == null) {
                    a.lockedUntil = now.plus(config.lockout());
                    throttleNow = a.lockedUntil;
                }
            }
        }
        audit.record(actor, null, new TrailEvent.PasswordRefused(purpose, now, count));
        if (throttleNow != null) {
            audit.record("station", null, new TrailEvent.AddressThrottled(now, address, throttleNow, addressFailures));
        }
        if (lockNow != null) {
            audit.record(actor, null, new TrailEvent.AccountLocked(now, lockNow, config.maxFailedSignIns()));
            return new Result.Refused(lockedMessage(lockNow), true);
        }
        return new Result.Refused(WRONG, false);
    }

    /** Under the lock: when the address's refusal ends, if it is refused now (an ended refusal starts a new count). */
    private Optional<Instant> throttledUntil(String address, Instant now) {
        Failures a = addresses.get(address);
        if (a == null || a.lockedUntil == null) {
            return Optional.empty();
        }
        if (!a.lockedUntil.isAfter(now)) {
            addresses.remove(address);
            return Optional.empty();
        }
        return Optional.of(a.lockedUntil);
    }

    private String throttledMessage(Instant until) {
        return "Too many wrong sign-ins from this computer; try again after " + HH_MM.format(until) + ".";
    }

    private String lockedMessage(Instant until) {
        return "This account is locked after " + config.maxFailedSignIns() + " wrong passwords until " + HH_MM.format(until)
                + "; an administrator can unlock it sooner.";
    }
}
