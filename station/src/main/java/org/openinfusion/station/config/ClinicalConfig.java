package org.openinfusion.station.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The study's files the session service reads at start-up (docs/configuration.md).
 *
 * @param kitList        the kit list (kit_id,subject,period; docs/protocols.md): when set, a session's kit is checked
 *                       against it at creation; when empty, any well-formed kit id is taken as before
 * @param kitAssignments the pharmacy's sealed kit-to-arm file (KIT-ID,ARM; docs/clinical.md "Blinding"), needed only for
 *                       emergency unblinding; when empty, unblinding is refused with that reason
 */
public record ClinicalConfig(Optional<Path> kitList, Optional<Path> kitAssignments) {
    public static final ClinicalConfig NONE = new ClinicalConfig(Optional.empty(), Optional.empty());

    static ClinicalConfig from(Settings s) {
        return new ClinicalConfig(path(s, "clinical.kitList"), path(s, "clinical.kitAssignments"));
    }

    private static Optional<Path> path(Settings s, String key) {
        String v = s.string(key).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v).toAbsolutePath());
    }
}
