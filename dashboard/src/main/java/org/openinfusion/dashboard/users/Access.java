package org.openinfusion.dashboard.users;

import com.vaadin.flow.router.BeforeEnterEvent;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.station.security.Permission;
import org.openinfusion.station.security.Role;

/**
 * The page-level role check: sends a visitor who is not signed in to the sign-in page, and a signed-in user whose
 * role lacks the page's permission to the "not permitted" page (saying so, with the way to their own start page). The station checks the same permissions again on every request the page makes.
 */
public final class Access {
    private Access() {
    }

    /** Where a role lands after signing in. */
    public static String home(Role role) {
        return switch (role) {
            case NURSE -> "";
            case PHYSICIAN -> "review";
            case ENGINEER -> "devices";
            case ADMIN -> "users";
        };
    }

    public static boolean allowed(Permission p) {
        return CurrentUser.get().map(u -> p.allows(u.role())).orElse(false);
    }

    /** Call from a view's {@code beforeEnter}. */
    public static void require(BeforeEnterEvent event, Permission p) {
        if (CurrentUser.get().isEmpty()) {
            event.forwardTo(Routes.LOGIN);
        } else if (!allowed(p)) {
            event.forwardTo(Routes.NOT_PERMITTED);
        }
    }
}
