package org.openinfusion.station.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role matrix as documented in docs/security.md: engineers see devices, never clinical records. */
class PermissionTest {
    @Test
    void eachRoleHasExactlyTheDocumentedPermissions() {
        Map<Role, Set<Permission>> expected = Map.of(
                Role.NURSE, EnumSet.of(Permission.BEDSIDE_VIEW, Permission.SESSION_RUN, Permission.ALARM_RESPOND, Permission.HAND_TO_PATIENT),
                Role.PHYSICIAN, EnumSet.of(Permission.BEDSIDE_VIEW, Permission.SESSION_RUN, Permission.ALARM_RESPOND,
                        Permission.DISCHARGE_OVERRIDE, Permission.UNBLIND,
                        Permission.REVIEW_READ, Permission.RECORD_SIGN, Permission.RECORD_AMEND, Permission.EXPORT,
                        Permission.HAND_TO_PATIENT),
                Role.ENGINEER, EnumSet.of(Permission.DEVICES_VIEW),
                Role.ADMIN, EnumSet.of(Permission.DEVICES_VIEW, Permission.USERS_MANAGE));
        for (Role role : Role.values()) {
            Set<Permission> has = EnumSet.noneOf(Permission.class);
            for (Permission p : Permission.values()) {
                if (p.allows(role)) {
                    has.add(p);
                }
            }
            assertEquals(expected.get(role), has, role.key());
        }
        assertEquals(false, Permission.BEDSIDE_VIEW.allows(null));
    }
}
