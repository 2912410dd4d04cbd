package org.openinfusion.station.security;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sign-out and account administration on the bus. Deploy as a WORKER verticle: bcrypt and the audit
 * fsync block. Logs user ids and roles (staff, never patients), never passwords.
 */
public final class AuthVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AuthVerticle.class);
    static final int REFUSED = 401;
    static final int LOCKED = 423;
    static final int BAD_REQUEST = 400;
    /** The audit trail cannot be written, so nothing that must be audited can be done now. */
    static final int AUDIT_UNAVAILABLE = 503;

    private final Authenticator authenticator;
    private final SignIns signIns;
    private final BusGuard guard;
    private final UserStore users;
    private final AuditPort audit;
    private final Clock clock;

    public AuthVerticle(Authenticator authenticator, SignIns signIns, BusGuard guard, UserStore users, AuditPort audit) {
        this(authenticator, signIns, guard, users, audit, Clock.systemUTC());
    }

    public AuthVerticle(Authenticator authenticator, SignIns signIns, BusGuard guard, UserStore users, AuditPort audit,
                        Clock clock) {
        this.clock = clock;
        this.authenticator = authenticator;
        this.signIns = signIns;
        this.guard = guard;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        // Sign-ins run side by side on the worker pool (unordered): one client's password checks never queue another's.
        bus.<AuthMessages.SignInRequest>localConsumer(Addresses.AUTH_SIGN_IN,
                m -> vertx.executeBlocking(() -> {
                    answered(m, this::signIn);
                    return null;
                }, false));
        bus.<AuthMessages.ChangePassword>localConsumer(Addresses.AUTH_CHANGE_PASSWORD, m -> answered(m, this::changePassword));
        bus.<AuthMessages.SetDisabled>localConsumer(Addresses.USERS_DISABLE, m -> answered(m, this::setDisabled));
        bus.<AuthMessages.ResetPassword>localConsumer(Addresses.USERS_RESET_PASSWORD, m -> answered(m, this::resetPassword));
        bus.localConsumer(Addresses.AUTH_SIGN_OUT, m -> answered(m, this::signOut));
        bus.localConsumer(Addresses.USERS_LIST, m -> answered(m, l -> guard.answer(l, Permission.USERS_MANAGE, who -> list())));
        bus.<AuthMessages.SaveUser>localConsumer(Addresses.USERS_SAVE, m -> answered(m, this::save));
        bus.<AuthMessages.Unlock>localConsumer(Addresses.USERS_UNLOCK, m -> answered(m, this::unlock));
        long sweep = Math.max(1000, signIns.idleTimeout().toMillis() / 4);
        vertx.setPeriodic(sweep, id -> signIns.sweep());
        return Future.succeededFuture();
    }

    /** Runs a handler; when the audit trail cannot record its step, the caller is told so at once instead of timing out. */
    private static <T> void answered(Message<T> m, Consumer<Message<T>> handler) {
        try {
            handler.accept(m);
        } catch (UncheckedIOException e) {
            LOG.warn("request on {} refused: the audit trail cannot be written", m.address());
            m.fail(AUDIT_UNAVAILABLE, "Not possible now: the station cannot write its audit trail (see its AUDIT_UNAVAILABLE alarm). "
                    + "Try again when the alarm has cleared.");
        }
    }

    private void signIn(Message<AuthMessages.SignInRequest> m) {
        AuthMessages.SignInRequest r = m.body();
        try {
            switch (authenticator.signIn(r.userId(), r.password(), r.address())) {
                case Authenticator.Result.Accepted a -> {
                    LOG.info("user {} signed in as {}{}", a.principal().userId(), a.principal().role().key(),
                            a.mustChangePassword() ? " (must change the password)" : "");
                    m.reply(new AuthMessages.SignedIn(signIns.open(a.principal(), a.mustChangePassword()), a.principal(),
                            signIns.idleTimeout(), a.mustChangePassword()));
                }
                case Authenticator.Result.Refused refused -> {
                    LOG.info("sign-in refused{}", refused.locked() ? " (account locked)" : "");
                    m.fail(refused.locked() ? LOCKED : REFUSED, refused.message());
                }
            }
        } finally {
            Arrays.fill(r.password(), '\0');
        }
    }

    private void signOut(Message<Object> m) {
        signIns.close(m.headers().get(BusGuard.TOKEN_HEADER)).ifPresent(p -> {
            audit.record(p.userId(), null, new TrailEvent.SignedOut(String.valueOf(m.body())));
            LOG.info("user {} signed out", p.userId());
        });
        m.reply(true);
    }

    private AuthMessages.UserList list() {
        return new AuthMessages.UserList(users.states().stream().map(a -> new AuthMessages.UserRow(a.principal().userId(),
                a.principal().role(), a.principal().name(), authenticator.lockedUntil(a.principal().userId()).orElse(null),
                a.disabled(), a.mustChangePassword())).toList());
    }

    /** Disables or enables an account; its sign-ins are closed. Audited as user.disabled / user.enabled. */
    private void setDisabled(Message<AuthMessages.SetDisabled> m) {
        guard.admit(m, Permission.USERS_MANAGE).ifPresent(admin -> {
            AuthMessages.SetDisabled d = m.body();
            if (d.disabled() && admin.userId().equals(d.userId())) {
                m.fail(BAD_REQUEST, "An administrator cannot disable their own account.");
                return;
            }
            try {
                users.setDisabled(d.userId(), d.disabled());
            } catch (IllegalArgumentException e) {
                m.fail(BAD_REQUEST, e.getMessage());
                return;
            }
            int closed = signIns.closeAll(d.userId());
            audit.record(admin.userId(), null, new TrailEvent.AccountDisabled(d.userId(), d.disabled(), closed));
            LOG.info("account {} {} by {}", d.userId(), d.disabled() ? "disabled" : "enabled", admin.userId());
            m.reply(list());
        });
    }

    /** An administrator's password reset: the owner must change it at the next sign-in. Audited as user.password_reset. */
    private void resetPassword(Message<AuthMessages.ResetPassword> m) {
        guard.admit(m, Permission.USERS_MANAGE).ifPresent(admin -> {
            AuthMessages.ResetPassword r = m.body();
            try {
                users.resetPassword(r.userId(), r.password());
                int closed = signIns.closeAll(r.userId());
                audit.record(admin.userId(), null, new TrailEvent.PasswordReset(r.userId(), closed));
                m.reply(list());
            } catch (IllegalArgumentException e) {
                m.fail(BAD_REQUEST, e.getMessage());
            } finally {
                if (r.password() != null) {
                    Arrays.fill(r.password(), '\0');
                }
            }
        });
    }

    /**
     * The signed-in user's own change, allowed also while a reset asks for it: the current password is checked like an
     * e-signature's (wrong ones count towards the lock). Audited as user.password_changed.
     */
    private void changePassword(Message<AuthMessages.ChangePassword> m) {
        String token = m.headers().get(BusGuard.TOKEN_HEADER);
        AuthMessages.ChangePassword c = m.body();
        try {
            Optional<Principal> who = signIns.resolve(token);
            if (who.isEmpty()) {
                m.fail(BusGuard.SIGNED_OUT, "Not signed in, or the sign-in has expired: sign in again.");
                return;
            }
            if (c.next() == null || c.next().length < UserStore.MIN_PASSWORD || Arrays.equals(c.next(), c.current())) {
                m.fail(BAD_REQUEST, "The new password needs at least " + UserStore.MIN_PASSWORD + " characters and must differ from the current one.");
                return;
            }
            switch (authenticator.confirm(who.get(), c.current())) {
                case Authenticator.Result.Accepted a -> {
                    boolean required = signIns.mustChangePassword(token);
                    users.changePassword(who.get().userId(), c.next());
                    signIns.passwordChanged(token);
                    audit.record(who.get().userId(), null, new TrailEvent.PasswordChanged(Instant.now(clock), required));
                    m.reply(true);
                }
                case Authenticator.Result.Refused refused -> m.fail(refused.locked() ? LOCKED : REFUSED, refused.message());
            }
        } finally {
            if (c.current() != null) {
                Arrays.fill(c.current(), '\0');
            }
            if (c.next() != null) {
                Arrays.fill(c.next(), '\0');
            }
        }
    }

    private void save(Message<AuthMessages.SaveUser> m) {
        guard.admit(m, Permission.USERS_MANAGE).ifPresent(admin -> {
            AuthMessages.SaveUser s = m.body();
            try {
                if (s.password() == null || s.password().length < UserStore.MIN_PASSWORD) {
                    throw new IllegalArgumentException("the password needs at least " + UserStore.MIN_PASSWORD + " characters");
                }
                users.put(s.userId(), s.role(), s.name(), s.password());
                int closed = signIns.closeAll(s.userId());
                audit.record(admin.userId(), null, new TrailEvent.UserSaved(s.userId(), s.role().key(), closed));
                m.reply(list());
            } catch (IllegalArgumentException e) {
                m.fail(BAD_REQUEST, e.getMessage());
            } finally {
                if (s.password() != null) {
                    Arrays.fill(s.password(), '\0');
                }
            }
        });
    }

    private void unlock(Message<AuthMessages.Unlock> m) {
        guard.admit(m, Permission.USERS_MANAGE).ifPresent(admin -> {
            authenticator.unlock(m.body().userId(), admin);
            m.reply(list());
        });
    }

    /** How long a sign-in lasts without use (for the dashboard's own session timeout). */
    public Duration idleTimeout() {
        return signIns.idleTimeout();
    }
}
