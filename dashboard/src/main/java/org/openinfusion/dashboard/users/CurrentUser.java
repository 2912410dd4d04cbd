package org.openinfusion.dashboard.users;

import com.vaadin.flow.server.VaadinSession;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.Optional;
import org.openinfusion.station.security.BusGuard;

/** The user signed in to this browser session (held in the Vaadin session, forgotten when it ends). */
public final class CurrentUser {
    /** How long the dashboard waits for the station's answer to a request. */
    public static final long TIMEOUT_MILLIS = 10_000;

    private CurrentUser() {
    }

    public static Optional<StationUser> get() {
        VaadinSession s = VaadinSession.getCurrent();
        return s == null ? Optional.empty() : Optional.ofNullable(s.getAttribute(StationUser.class));
    }

    public static StationUser require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    /**
     * Delivery options for a request to the station on behalf of the signed-in user: the station checks the token's
     * role on every request. Call under the UI lock (on the UI's thread or inside {@code ui.access}).
     */
    public static DeliveryOptions busOptions() {
        return BusGuard.options(require().token(), TIMEOUT_MILLIS);
    }

    /** Whether this sign-in has made an e-signature (then the next asks the password only, 21 CFR 11.200(a)(1)). */
    public static boolean signedBefore() {
        VaadinSession s = VaadinSession.getCurrent();
        return s != null && get().map(u -> u.token().equals(s.getAttribute(SIGNED_WITH))).orElse(false);
    }

    /** This sign-in made an e-signature. */
    public static void signatureMade() {
        VaadinSession.getCurrent().setAttribute(SIGNED_WITH, require().token());
    }

    private static final String SIGNED_WITH = "station.e-signature-made-with-token";

    public static void set(StationUser user) {
        VaadinSession.getCurrent().setAttribute(StationUser.class, user);
    }

    public static void signOut() {
        VaadinSession s = VaadinSession.getCurrent();
        s.setAttribute(StationUser.class, null);
        s.getSession().invalidate();
    }
}
