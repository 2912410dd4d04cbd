package org.openinfusion.station.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every action a page or a bus request can take, and the roles allowed it. The station checks these on every
 * request it answers; the dashboard checks the same ones before it shows a page. Engineers see devices, never
 * clinical records; the admin manages accounts and devices; only physicians review, sign, amend and export.
 */
public enum Permission {
    /** See a bed's live session: vitals, infusion, prompts, alarms. */
    BEDSIDE_VIEW(Role.NURSE, Role.PHYSICIAN),
    /** Create a session, take its steps, record ratings, markers and notes. */
    SESSION_RUN(Role.NURSE, Role.PHYSICIAN),
    /** Acknowledge or silence an alarm. */
    ALARM_RESPOND(Role.NURSE, Role.PHYSICIAN),
    /** Take "ready for discharge" while the discharge criteria are not met, with a reason. */
    DISCHARGE_OVERRIDE(Role.PHYSICIAN),
    /** Reveal a session's arm in an emergency, with a reason (audited; the arm is shown to this user only). */
    UNBLIND(Role.PHYSICIAN),
    /** List past sessions and open their records. */
    REVIEW_READ(Role.PHYSICIAN),
    /** E-sign a session record (reviewed or approved). */
    RECORD_SIGN(Role.PHYSICIAN),
    /** Amend a signed record, with a reason. */
    RECORD_AMEND(Role.PHYSICIAN),
    /** Export session data (CSV, JSON, REDCap, SDTM, audit trail). */
    EXPORT(Role.PHYSICIAN),
    /** See devices, their line settings and decoded values. */
    DEVICES_VIEW(Role.ENGINEER, Role.ADMIN),
    /** Add accounts, unlock them, change roles. */
    USERS_MANAGE(Role.ADMIN),
    /** Hand a due rating's subject-rated items to the patient on a tablet, and take the tablet back (docs/tablet.md). */
    HAND_TO_PATIENT(Role.NURSE, Role.PHYSICIAN);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(Role role) {
        return role != null && roles.contains(role);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
