package org.openinfusion.dashboard.users;

import java.util.Objects;

/** A signed-in member of staff: a user id (never a patient's) and a role. */
public record StationUser(String id, Role role) {
    public StationUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }
}
