package org.openinfusion.station.config;

import java.time.Duration;

/**
 * Sign-in rules: a signed-in user is signed out after {@code sessionTimeout} without using the dashboard; an
 * account is locked for {@code lockout} after {@code maxFailedSignIns} wrong passwords in a row (sign-in or
 * e-signature), until the lock ends or an administrator unlocks it. One client address is refused for {@code lockout}
 * after {@code maxFailedPerAddress} wrong sign-ins (any accounts) within {@code lockout}. The audit trail gets a signed
 * checkpoint after every {@code auditCheckpointEvery} entries.
 */
public record SecurityConfig(Duration sessionTimeout, int maxFailedSignIns, Duration lockout, int maxFailedPerAddress,
                             int auditCheckpointEvery, Duration tabletIdleLock, Duration tabletCodeValidity) {
    /** Without the per-address limit's and the audit checkpoints' settings: their defaults (20 and 100). */
    public SecurityConfig(Duration sessionTimeout, int maxFailedSignIns, Duration lockout) {
        this(sessionTimeout, maxFailedSignIns, lockout, 20, 100);
    }

    /** With the patient tablet's defaults: idle lock 3 min, one-time codes valid 5 min (docs/tablet.md). */
    public SecurityConfig(Duration sessionTimeout, int maxFailedSignIns, Duration lockout, int maxFailedPerAddress,
                          int auditCheckpointEvery) {
        this(sessionTimeout, maxFailedSignIns, lockout, maxFailedPerAddress, auditCheckpointEvery, Duration.ofMinutes(3),
                Duration.ofMinutes(5));
    }

    static SecurityConfig from(Settings s) {
        SecurityConfig c = new SecurityConfig(s.duration("security.sessionTimeout"), s.integer("security.maxFailedSignIns", 1, 100),
                s.duration("security.lockout"), s.integer("security.maxFailedPerAddress", 1, 10_000),
                s.integer("audit.checkpointEvery", 1, 1_000_000), s.duration("tablet.idleLock"), s.duration("tablet.codeValidity"));
        if (c.sessionTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw s.error("security.sessionTimeout", "must be at least 1m");
        }
        if (c.tabletIdleLock.compareTo(Duration.ofSeconds(1)) < 0) {
            throw s.error("tablet.idleLock", "must be at least 1s");
        }
        if (c.tabletCodeValidity.compareTo(Duration.ofSeconds(10)) < 0 || c.tabletCodeValidity.compareTo(Duration.ofMinutes(30)) > 0) {
            throw s.error("tablet.codeValidity", "must be between 10s and 30m");
        }
        return c;
    }

    /** The defaults, for tests and tools that run without a configuration. */
    public static final SecurityConfig DEFAULTS = new SecurityConfig(Duration.ofMinutes(15), 5, Duration.ofMinutes(15));
}
