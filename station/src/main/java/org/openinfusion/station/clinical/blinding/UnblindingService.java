package org.openinfusion.station.clinical.blinding;

import java.time.Clock;
import java.util.Set;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.Arm;
import org.openinfusion.station.clinical.protocol.SealedArms;
import org.openinfusion.station.clinical.session.Session;

/**
 * Unblinding is a separate act: only the roles allowed to unblind, only with a reason, and always
 * audited before the arm is revealed. Nurse and physician views never call this.
 */
public final class UnblindingService {
    private final AuditPort audit;
    private final KitAssignments kits;
    private final Set<String> allowedRoles;
    private final Clock clock;

    public UnblindingService(AuditPort audit, KitAssignments kits, Set<String> allowedRoles, Clock clock) {
        this.audit = audit;
        this.kits = kits;
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.clock = clock;
    }

    /** Reveals the session's arm to {@code user}; throws {@link SecurityException} when not allowed. */
    public Arm unblind(Session session, String user, String role, String reason) {
        if (!allowedRoles.contains(role)) {
            audit.record(user, new SessionId(session.id()), new TrailEvent.UnblindingRefused(clock.instant(), role));
            throw new SecurityException("role " + role + " may not unblind");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("unblinding needs a reason");
        }
        String kit = session.created().kitId();
        String code = kits.armCode(kit).orElseThrow(() -> new IllegalStateException("kit " + kit + " is not on the randomisation list"));
        audit.record(user, new SessionId(session.id()), new TrailEvent.Unblinded(clock.instant(), role, reason.trim(), kit));
        SealedArms arms = session.protocol().arms();
        return arms.reveal(code, SealedArms.UnblindingPermit.issue(reason)).orElseThrow();
    }
}
