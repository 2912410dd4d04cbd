package org.openinfusion.dashboard.users;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Set;
import org.openinfusion.dashboard.login.LoginView;

/** Sends a visitor who is not signed in, or lacks the role a view needs, to the sign-in page. */
public final class Access {
    public static final Set<Role> BEDSIDE = Set.of(Role.NURSE, Role.ADMIN);
    public static final Set<Role> ENGINEERING = Set.of(Role.ENGINEER, Role.ADMIN);

    /** Where a role lands after signing in; empty when the role has no view yet (physician review is to come). */
    public static java.util.Optional<String> home(Role role) {
        return switch (role) {
            case NURSE, ADMIN -> java.util.Optional.of("");
            case ENGINEER -> java.util.Optional.of("devices");
            case PHYSICIAN -> java.util.Optional.empty();
        };
    }

    private Access() {
    }

    public static void require(BeforeEnterEvent event, Set<Role> roles) {
        boolean allowed = CurrentUser.get().map(u -> roles.contains(u.role())).orElse(false);
        if (!allowed) {
            event.forwardTo(LoginView.class);
        }
    }
}
