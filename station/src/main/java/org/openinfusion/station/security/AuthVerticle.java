package org.openinfusion.station.security;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.blinding.AuditTrail;
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

    private final Authenticator authenticator;
    private final SignIns signIns;
    private final BusGuard guard;
    private final UserStore users;
    private final AuditTrail audit;

    public AuthVerticle(Authenticator authenticator, SignIns signIns, BusGuard guard, UserStore users, AuditTrail audit) {
        this.authenticator = authenticator;
        this.signIns = signIns;
        this.guard = guard;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        bus.<AuthMessages.SignInRequest>localConsumer(Addresses.AUTH_SIGN_IN, this::signIn);
        bus.localConsumer(Addresses.AUTH_SIGN_OUT, this::signOut);
        bus.localConsumer(Addresses.USERS_LIST, m -> guard.answer(m, Permission.USERS_MANAGE, who -> list()));
        bus.<AuthMessages.SaveUser>localConsumer(Addresses.USERS_SAVE, this::save);
        bus.<AuthMessages.Unlock>localConsumer(Addresses.USERS_UNLOCK, this::unlock);
        long sweep = Math.max(1000, signIns.idleTimeout().toMillis() / 4);
        vertx.setPeriodic(sweep, id -> signIns.sweep());
        return Future.succeededFuture();
    }

    private void signIn(Message<AuthMessages.SignInRequest> m) {
        AuthMessages.SignInRequest r = m.body();
        try {
            switch (authenticator.signIn(r.userId(), r.password())) {
                case Authenticator.Result.Accepted a -> {
                    LOG.info("user {} signed in as {}", a.principal().userId(), a.principal().role().key());
                    m.reply(new AuthMessages.SignedIn(signIns.open(a.principal()), a.principal(), signIns.idleTimeout()));
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
            audit.record("user.signed_out", p.userId(), null, Map.of("reason", String.valueOf(m.body())));
            LOG.info("user {} signed out", p.userId());
        });
        m.reply(true);
    }

    private AuthMessages.UserList list() {
        return new AuthMessages.UserList(users.list().stream().map(p -> new AuthMessages.UserRow(p.userId(), p.role(), p.name(),
                authenticator.lockedUntil(p.userId()).orElse(null))).toList());
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
                audit.record("user.saved", admin.userId(), null, Map.of("user", s.userId(), "role", s.role().key(),
                        "signInsClosed", closed));
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
