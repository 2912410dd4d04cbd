package org.openinfusion.station.clinical.audit;

import java.util.Optional;

/**
 * The outcome of checking an audit file.
 *
 * @param entries intact entries before the first broken link (all of them when intact)
 * @param lastHash hash of the last intact entry (the genesis value for an empty file)
 */
public record VerifyResult(long entries, String lastHash, Optional<BrokenLink> broken) {
    public boolean intact() {
        return broken.isEmpty();
    }

    @Override
    public String toString() {
        return broken.map(b -> "BROKEN at " + b + " (" + entries + " intact entries before it)")
                .orElse("OK: " + entries + " entries, chain intact, last hash " + lastHash);
    }
}
