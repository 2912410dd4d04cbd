package org.openinfusion.dashboard.users;

import java.util.Objects;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;

/** The member of staff signed in to this browser session: who (never a patient) and the station's sign-in token. */
public record StationUser(Principal principal, String token) {
    public StationUser {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(token, "token");
    }

    public String id() {
        return principal.userId();
    }

    public Role role() {
        return principal.role();
    }

    public String name() {
        return principal.name();
    }

    @Override
    public String toString() {
        return "StationUser[" + principal + "]";
    }
}
