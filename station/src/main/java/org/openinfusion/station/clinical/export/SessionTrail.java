package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/**
 * One session as its audit entries tell it: who (subject code), where (bed), which protocol and kit, and when each
 * step happened. Built by {@link Trail}; holds no arm (the trail has none).
 *
 * @param period 1 for the subject's first session in this protocol in the trail, 2 for the second (crossover), ...
 * @param entries every entry of the session, in trail order
 */
record SessionTrail(String id, int period, AuditEntry created, List<AuditEntry> entries, Set<String> amendedRatings) {
    SessionTrail {
        entries = List.copyOf(entries);
        amendedRatings = Set.copyOf(amendedRatings);
    }

    private Map<String, Object> info() {
        return created.payload();
    }

    String subjectCode() {
        return Payloads.text(info(), "subjectCode");
    }

    String bed() {
        return Payloads.text(info(), "bed");
    }

    String protocolId() {
        return Payloads.text(info(), "protocol");
    }

    int protocolVersion() {
        return (int) Payloads.number(info(), "protocolVersion").orElse(0);
    }

    String kitId() {
        return Payloads.text(info(), "kitId");
    }

    OptionalDouble weightKg() {
        return Payloads.number(info(), "weightKg");
    }

    Instant createdAt() {
        return Payloads.at(created);
    }

    Optional<Instant> closedAt() {
        return first("session.closed").map(Payloads::at);
    }

    /** The session's infusion start (the pump's, or the nurse's confirmation): the zero of every elapsed time. */
    Optional<Instant> infusionStart() {
        return first("session.infusion_started").map(Payloads::at);
    }

    Optional<Instant> infusionEnd() {
        return first("session.infusion_completed").or(() -> first("infusion.completed")).map(Payloads::at);
    }

    Optional<Instant> pretreatmentAt() {
        return first("session.pretreatment_given").map(Payloads::at);
    }

    /** Volume infused as recorded at completion (the session step, else the infusion clock's). */
    OptionalDouble volumeInfusedMl() {
        for (String type : List.of("session.infusion_completed", "infusion.completed")) {
            OptionalDouble v = first(type).map(e -> Payloads.number(e.payload(), "volumeInfusedMl")).orElse(OptionalDouble.empty());
            if (v.isPresent()) {
                return v;
            }
        }
        return OptionalDouble.empty();
    }

    /** The first {@code blinding.unblinded} entry of this session, if the arm was ever revealed for it. */
    Optional<AuditEntry> unblinding() {
        return first("blinding.unblinded");
    }

    Optional<AuditEntry> first(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    List<AuditEntry> all(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Every rating and correction of the session, in trail order. */
    List<TrailRating> ratings() {
        return entries.stream().filter(TrailRating::isRating).map(e -> TrailRating.of(e, amendedRatings)).toList();
    }

    /** The session's protocol from the catalog; @throws IllegalArgumentException when the catalog does not hold it */
    Protocol protocol(ProtocolCatalog catalog) {
        return catalog.get(protocolId(), protocolVersion()).orElseThrow(() -> new IllegalArgumentException("protocol "
                + protocolId() + " version " + protocolVersion() + " of session " + id
                + " is not in the protocol catalog (give the site's protocol folder)"));
    }
}
