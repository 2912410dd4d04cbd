package org.openinfusion.station.security;

import java.util.Objects;

/** A signed-in member of staff as the station knows them: user id, role and printed name (never a patient's). */
public record Principal(String userId, Role role, String name) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        name = name == null || name.isBlank() ? userId : name.strip();
    }

    public boolean may(Permission p) {
        return p.allows(role);
    }
}
