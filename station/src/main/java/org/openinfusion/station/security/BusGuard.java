package org.openinfusion.station.security;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.TrailEvent;

/**
 * The role check in front of every request the station answers on the bus. The caller's sign-in token travels
 * in the {@link #TOKEN_HEADER} header; a request without a live token fails with {@link #SIGNED_OUT}, one whose
 * role lacks the permission with {@link #FORBIDDEN} (and is audited as access.denied). Call on a worker thread:
 * a refusal is written to the audit trail.
 */
public final class BusGuard {
    public static final String TOKEN_HEADER = "station-token";
    public static final int SIGNED_OUT = 401;
    public static final int FORBIDDEN = 403;
    /** Signed in with a password an administrator reset: nothing but the password change is answered. */
    public static final int PASSWORD_CHANGE_REQUIRED = 428;

    private final SignIns signIns;
    private final AuditPort audit;
    private final TabletGrants tablets;

    /** With patient tablets on the default code validity and idle lock. */
    public BusGuard(SignIns signIns, AuditPort audit) {
        this(signIns, audit, new TabletGrants(signIns.clock(), TabletGrants.DEFAULT_CODE_VALIDITY, TabletGrants.DEFAULT_IDLE_LOCK));
    }

    public BusGuard(SignIns signIns, AuditPort audit, TabletGrants tablets) {
        this.signIns = signIns;
        this.audit = audit;
        this.tablets = tablets;
    }

    public TabletGrants tablets() {
        return tablets;
    }

    /**
     * The handover a patient tablet's token was unlocked for, when the request carries a live tablet token; a tablet
     * may do nothing but submit that one rating (checked by the caller) and lock itself. Empty for any other request.
     */
    public Optional<TabletGrants.Handover> tablet(Message<?> m) {
        return tablets.resolve(m.headers().get(TOKEN_HEADER));
    }

    /** Delivery options carrying a sign-in token, for callers. */
    public static DeliveryOptions options(String token, long timeoutMillis) {
        return new DeliveryOptions().addHeader(TOKEN_HEADER, token).setSendTimeout(timeoutMillis);
    }

    /** The caller, when signed in and allowed {@code p}; otherwise the request is failed and the result empty. */
    public Optional<Principal> admit(Message<?> m, Permission p) {
        Optional<Principal> who = signIns.resolve(m.headers().get(TOKEN_HEADER));
        if (who.isEmpty()) {
            m.fail(SIGNED_OUT, "Not signed in, or the sign-in has expired: sign in again.");
            return Optional.empty();
        }
        if (signIns.mustChangePassword(m.headers().get(TOKEN_HEADER))) {
            m.fail(PASSWORD_CHANGE_REQUIRED, "Your password was reset by an administrator: change it first.");
            return Optional.empty();
        }
        if (!who.get().may(p)) {
            try {
                audit.record(who.get().userId(), null, new TrailEvent.AccessDenied(who.get().role().key(), p.name(), m.address()));
            } catch (UncheckedIOException e) {
                // The refusal stands; the trail cannot take it now (AUDIT_UNAVAILABLE is raised), and the caller must not wait.
            }
            m.fail(FORBIDDEN, "Role " + who.get().role().key() + " may not do this (" + p.name().toLowerCase(Locale.ROOT) + ").");
            return Optional.empty();
        }
        return who;
    }

    /** Whether the request's sign-in has made an e-signature before (21 CFR 11.200(a)(1): later ones need the password only). */
    public boolean signedBefore(Message<?> m) {
        return signIns.signedBefore(m.headers().get(TOKEN_HEADER));
    }

    /** The request's sign-in made an e-signature. */
    public void signatureMade(Message<?> m) {
        signIns.signatureMade(m.headers().get(TOKEN_HEADER));
    }

    /** Admits the request, then replies with what {@code work} returns for the caller. */
    public <T> void answer(Message<?> m, Permission p, Function<Principal, T> work) {
        admit(m, p).ifPresent(who -> m.reply(work.apply(who)));
    }
}
