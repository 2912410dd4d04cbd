package org.openinfusion.dashboard.users;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/** The user signed in to this browser session (held in the Vaadin session, forgotten when it ends). */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Optional<StationUser> get() {
        VaadinSession s = VaadinSession.getCurrent();
        return s == null ? Optional.empty() : Optional.ofNullable(s.getAttribute(StationUser.class));
    }

    public static StationUser require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    public static void set(StationUser user) {
        VaadinSession.getCurrent().setAttribute(StationUser.class, user);
    }

    public static void signOut() {
        VaadinSession s = VaadinSession.getCurrent();
        s.setAttribute(StationUser.class, null);
        s.getSession().invalidate();
    }
}
