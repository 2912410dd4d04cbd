package org.openinfusion.station.clinical.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The protocol's arms, closed to every view. Code that must show or export an arm has to come
 * through an unblinding that was authorised and audited ({@link #reveal}).
 */
public final class SealedArms {
    private final List<Arm> arms;

    public SealedArms(List<Arm> arms) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a protocol needs at least one arm");
        }
        this.arms = List.copyOf(arms);
    }

    public int count() {
        return arms.size();
    }

    /** The arm with this code; the caller proves it holds an unblinding authorisation. */
    public Optional<Arm> reveal(String code, UnblindingPermit permit) {
        if (permit == null) {
            throw new SecurityException("unblinding needs a permit");
        }
        return arms.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** Whether any arm's infusion is a sedative; says nothing about which. */
    public boolean anySedative() {
        return arms.stream().anyMatch(Arm::sedative);
    }

    public boolean hasCode(String code) {
        return arms.stream().anyMatch(a -> a.code().equals(code));
    }

    @Override
    public String toString() {
        return "SealedArms[" + arms.size() + " arms]";
    }

    /** Issued only by the unblinding service after the role check and the audit entry. */
    public static final class UnblindingPermit {
        UnblindingPermit() {
        }

        /** For the unblinding service (same module); not for views. */
        public static UnblindingPermit issue(String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("unblinding needs a reason");
            }
            return new UnblindingPermit();
        }
    }
}
