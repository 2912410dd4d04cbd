package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.util.Map;
import org.openinfusion.station.clinical.history.TrailEvent;

/**
 * The one place the file format of events is spelled: each {@link TrailEvent} as an entry type name and a payload of
 * plain JSON values, and back. Bedside events are in {@link BedsideCodec} and {@link RatingCodec}, review, blinding, export and access events
 * in {@link RecordCodec}, account administration in {@link AccountCodec}. Pure. Field names and types: docs/audit.md.
 */
public final class EventCodec {
    private EventCodec() {
    }

    /** An event as written: its type name and payload. */
    public record Encoded(String type, Map<String, Object> payload) {
    }

    public static Encoded encode(TrailEvent event) {
        return switch (event) {
            case TrailEvent.SessionStepped e -> BedsideCodec.encode(e);
            case TrailEvent.InfusionChanged e -> BedsideCodec.encode(e);
            case TrailEvent.PromptChanged e -> BedsideCodec.encode(e);
            case TrailEvent.AlarmChanged e -> BedsideCodec.encode(e);
            case TrailEvent.RatingEntered e -> RatingCodec.encode(e);
            case TrailEvent.RatingPartAnswered e -> RatingCodec.encode(e);
            case TrailEvent.MarkerRecorded e -> BedsideCodec.encode(e);
            case TrailEvent.PreDoseVitals e -> CareCodec.encode(e);
            case TrailEvent.PreDoseGateOverridden e -> CareCodec.encode(e);
            case TrailEvent.DischargeOverridden e -> CareCodec.encode(e);
            case TrailEvent.KitReturned e -> CareCodec.encode(e);
            case TrailEvent.AdverseEventRecorded e -> CareCodec.encode(e);
            case TrailEvent.MedicationGiven e -> CareCodec.encode(e);
            case TrailEvent.RecordSigned e -> RecordCodec.encode(e);
            case TrailEvent.RecordAmended e -> RecordCodec.encode(e);
            case TrailEvent.Unblinded e -> RecordCodec.encode(e);
            case TrailEvent.UnblindingRefused e -> RecordCodec.encode(e);
            case TrailEvent.ExportCreated e -> RecordCodec.encode(e);
            case TrailEvent.PasswordAccepted e -> RecordCodec.encode(e);
            case TrailEvent.PasswordRefused e -> RecordCodec.encode(e);
            case TrailEvent.PasswordLocked e -> RecordCodec.encode(e);
            case TrailEvent.AccountLocked e -> RecordCodec.encode(e);
            case TrailEvent.AccountUnlocked e -> RecordCodec.encode(e);
            case TrailEvent.SignedOut e -> RecordCodec.encode(e);
            case TrailEvent.UserSaved e -> RecordCodec.encode(e);
            case TrailEvent.AccessDenied e -> RecordCodec.encode(e);
            case TrailEvent.AccountDisabled e -> AccountCodec.encode(e);
            case TrailEvent.PasswordReset e -> AccountCodec.encode(e);
            case TrailEvent.PasswordChanged e -> AccountCodec.encode(e);
            case TrailEvent.DisabledRefused e -> AccountCodec.encode(e);
            case TrailEvent.AddressThrottled e -> AccountCodec.encode(e);
            case TrailEvent.TornTailDiscarded e -> RecordCodec.encode(e);
            case TrailEvent.UnavailablePeriod e -> RecordCodec.encode(e);
            case TrailEvent.Unrecognised e -> new Encoded(e.type(), e.payload());
            case TrailEvent.SubjectEnrolled e -> VisitCodec.encode(e);
            case TrailEvent.VisitStarted e -> VisitCodec.encode(e);
            case TrailEvent.VisitMissed e -> VisitCodec.encode(e);
            case TrailEvent.VisitVitals e -> VisitCodec.encode(e);
            case TrailEvent.VisitCompleted e -> VisitCodec.encode(e);
            case TrailEvent.TabletAccess e -> TabletCodec.encode(e);
            case TrailEvent.DeviceClockOffset e -> CareCodec.encode(e);
        };
    }

    /**
     * The typed event of a written entry (an event time missing from the payload is taken as {@code written}); a type this station does not know reads as {@link TrailEvent.Unrecognised}.
     *
     * @throws IllegalArgumentException when a known type lacks a field it needs
     */
    public static TrailEvent decode(String type, String actor, String sessionId, Instant written, Map<String, Object> payload) {
        PayloadReader p = new PayloadReader(type, payload, written);
        try {
            return BedsideCodec.decode(p, actor, sessionId)
                    .or(() -> CareCodec.decode(p))
                    .or(() -> RecordCodec.decode(p))
                    .or(() -> AccountCodec.decode(p))
                    .or(() -> VisitCodec.decode(p))
                    .or(() -> TabletCodec.decode(p))
                    .orElseGet(() -> new TrailEvent.Unrecognised(type, payload));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("audit entry " + type + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The type name a station writes for the event. */
    public static String typeOf(TrailEvent event) {
        return encode(event).type();
    }
}
