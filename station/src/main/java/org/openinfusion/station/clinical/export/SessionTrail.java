package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalDouble;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * One session as the exports read it: its history and its crossover period. Holds no arm (the trail has none).
 *
 * @param period 1 + the subject's dosed sessions in this protocol before it in the trail (crossover; an undosed session
 *               does not use up a period)
 */
record SessionTrail(SessionHistory history, int period) {
    String id() {
        return history.id().value();
    }

    private SessionEvent.Created created() {
        return history.created();
    }

    String subjectCode() {
        return created().subjectCode();
    }

    /** The participant's age in whole years at this session's creation, when staff gave it (never a birth date). */
    OptionalInt ageYears() {
        return created().ageYears();
    }

    String bed() {
        return created().bedId();
    }

    String protocolId() {
        return created().protocolId();
    }

    int protocolVersion() {
        return created().protocolVersion();
    }

    String kitId() {
        return created().kitId();
    }

    OptionalDouble weightKg() {
        return OptionalDouble.of(created().measures().weightKg());
    }

    Instant createdAt() {
        return history.createdAt();
    }

    Optional<Instant> closedAt() {
        return history.closedAt();
    }

    /** The session's infusion start (the pump's, or the nurse's confirmation): the zero of every elapsed time. */
    Optional<Instant> infusionStart() {
        return history.infusionStart();
    }

    Optional<Instant> infusionEnd() {
        return history.infusionEnd();
    }

    Optional<Instant> pretreatmentAt() {
        return history.step(SessionEvent.PretreatmentGiven.class).map(SessionHistory.Fact::at);
    }

    OptionalDouble volumeInfusedMl() {
        return history.volumeInfusedMl();
    }

    Optional<TrailEvent.Unblinded> unblinding() {
        return history.unblinding();
    }

    /** Every rating and correction of the session, in trail order. */
    List<TrailRating> ratings() {
        return history.ratings().stream().map(TrailRating::new).toList();
    }

    /** The session's protocol from the catalog; @throws IllegalArgumentException when the catalog does not hold it */
    Protocol protocol(ProtocolCatalog catalog) {
        return catalog.get(protocolId(), protocolVersion()).orElseThrow(() -> new IllegalArgumentException("protocol "
                + protocolId() + " version " + protocolVersion() + " of session " + id()
                + " is not in the protocol catalog (give the site's protocol folder)"));
    }
}
