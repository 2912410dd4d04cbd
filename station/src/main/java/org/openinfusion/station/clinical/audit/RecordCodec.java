package org.openinfusion.station.clinical.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.TrailEvent.Purpose;
import org.openinfusion.station.clinical.history.TrailEvent;

/** The written form of review, blinding, export and access events, and of the trail's own torn-tail entry. */
final class RecordCodec {
    private static final String SIGNED = "record.signed";
    private static final String AMENDED = "record.amended";
    private static final String UNBLINDED = "blinding.unblinded";
    private static final String UNBLINDING_REFUSED = "blinding.unblinding_refused";
    private static final String EXPORTED = "export.created";
    private static final String SIGNED_IN = "user.signed_in";
    private static final String SIGN_IN_FAILED = "user.sign_in_failed";
    private static final String CONFIRMED = "user.password_confirmed";
    private static final String CONFIRM_FAILED = "user.password_confirm_failed";
    private static final String USER_ID_AND_PASSWORD = "user id and password";
    private static final String PASSWORD_LOCKED = "user.sign_in_locked";
    private static final String LOCKED = "user.locked";
    private static final String UNLOCKED = "user.unlocked";
    private static final String SIGNED_OUT = "user.signed_out";
    private static final String SAVED = "user.saved";
    private static final String DENIED = "access.denied";

    private RecordCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.RecordSigned s) {
        return of(SIGNED, "meaning", s.meaning(), "printedName", s.printedName(), "signedAt", s.signedAt().toString(),
                "lastSeq", s.lastSeq(), "lastHash", s.lastHash());
    }

    static EventCodec.Encoded encode(TrailEvent.RecordAmended a) {
        Map<String, Object> p = map("at", a.at().toString(), "reason", a.reason());
        switch (a.change()) {
            case TrailEvent.NoteAdded n -> {
                p.put("kind", "note");
                p.put("text", n.text());
            }
            case TrailEvent.RatingReplaced r -> {
                p.put("kind", "rating");
                p.put("ratingId", r.ratingId());
                p.put("correctionId", r.correctionId());
            }
            case TrailEvent.AdverseEventAdded e -> {
                p.put("kind", "adverse_event");
                p.put("adverseEventId", e.adverseEventId());
            }
            case TrailEvent.VitalsReplaced v -> {
                p.put("kind", "vital_signs");
                p.put("originalSeq", v.originalSeq());
            }
        }
        return new EventCodec.Encoded(AMENDED, p);
    }

    static EventCodec.Encoded encode(TrailEvent.Unblinded u) {
        return of(UNBLINDED, "role", u.role(), "reason", u.reason(), "kitId", u.kitId(), "at", u.at().toString());
    }

    static EventCodec.Encoded encode(TrailEvent.UnblindingRefused u) {
        return of(UNBLINDING_REFUSED, "role", u.role(), "at", u.at().toString());
    }

    static EventCodec.Encoded encode(TrailEvent.ExportCreated e) {
        return of(EXPORTED, "format", e.format(), "sessions", e.sessions(), "fileName", e.fileName(), "bytes", e.bytes(),
                "sha256", e.sha256(), "at", e.at().toString());
    }

    static EventCodec.Encoded encode(TrailEvent.PasswordAccepted a) {
        if (a.purpose() == Purpose.FIRST_CONFIRM) {
            return of(CONFIRMED, "at", a.at().toString(), "role", a.role(), "components", USER_ID_AND_PASSWORD);
        }
        return of(a.purpose() == Purpose.SIGN_IN ? SIGNED_IN : CONFIRMED, "at", a.at().toString(), "role", a.role());
    }

    static EventCodec.Encoded encode(TrailEvent.PasswordRefused r) {
        if (r.purpose() == Purpose.FIRST_CONFIRM) {
            return of(CONFIRM_FAILED, "at", r.at().toString(), "failuresInARow", r.failuresInARow(), "components", USER_ID_AND_PASSWORD);
        }
        return of(r.purpose() == Purpose.SIGN_IN ? SIGN_IN_FAILED : CONFIRM_FAILED, "at", r.at().toString(),
                "failuresInARow", r.failuresInARow());
    }

    /** The purpose is written as the type name a successful check would have had. */
    static EventCodec.Encoded encode(TrailEvent.PasswordLocked l) {
        return of(PASSWORD_LOCKED, "at", l.at().toString(), "purpose", l.purpose() == Purpose.SIGN_IN ? SIGNED_IN : CONFIRMED);
    }

    static EventCodec.Encoded encode(TrailEvent.AccountLocked l) {
        return of(LOCKED, "at", l.at().toString(), "until", l.until().toString(), "afterFailures", l.afterFailures());
    }

    static EventCodec.Encoded encode(TrailEvent.AccountUnlocked u) {
        return of(UNLOCKED, "user", u.user(), "at", u.at().toString());
    }

    static EventCodec.Encoded encode(TrailEvent.SignedOut s) {
        return of(SIGNED_OUT, "reason", s.reason());
    }

    static EventCodec.Encoded encode(TrailEvent.UserSaved s) {
        return of(SAVED, "user", s.user(), "role", s.role(), "signInsClosed", s.signInsClosed());
    }

    static EventCodec.Encoded encode(TrailEvent.AccessDenied d) {
        return of(DENIED, "role", d.role(), "permission", d.permission(), "address", d.address());
    }

    static EventCodec.Encoded encode(TrailEvent.TornTailDiscarded t) {
        return of(AuditLog.TORN_TAIL, "line", t.line(), "discardedBase64", t.discardedBase64());
    }

    static EventCodec.Encoded encode(TrailEvent.UnavailablePeriod u) {
        return of(AuditLog.UNAVAILABLE_PERIOD, "since", u.since().toString(), "reason", u.reason(), "refusedEntries", u.refusedEntries());
    }

    private static TrailEvent.Amendment amendment(PayloadReader p) {
        return switch (String.valueOf(p.text("kind"))) {
            case "rating" -> new TrailEvent.RatingReplaced(p.required("ratingId"), p.required("correctionId"));
            case "adverse_event" -> new TrailEvent.AdverseEventAdded(p.required("adverseEventId"));
            case "vital_signs" -> new TrailEvent.VitalsReplaced(p.number("originalSeq").longValue());
            default -> new TrailEvent.NoteAdded(p.text("text"));
        };
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        return Optional.ofNullable(switch (p.type()) {
            case SIGNED -> new TrailEvent.RecordSigned(p.required("meaning"), p.text("printedName"), p.instant("signedAt"),
                    p.number("lastSeq").longValue(), p.required("lastHash"));
            case AMENDED -> new TrailEvent.RecordAmended(p.at(), p.text("reason"), amendment(p));
            case UNBLINDED -> new TrailEvent.Unblinded(p.at(), p.text("role"), p.text("reason"), p.text("kitId"));
            case UNBLINDING_REFUSED -> new TrailEvent.UnblindingRefused(p.at(), p.text("role"));
            case EXPORTED -> new TrailEvent.ExportCreated(p.at(), p.text("format"), sessions(p), p.text("fileName"),
                    p.number("bytes").longValue(), p.text("sha256"));
            case SIGNED_IN, CONFIRMED -> new TrailEvent.PasswordAccepted(withId(p, purpose(p.type())), p.at(), p.text("role"));
            case SIGN_IN_FAILED, CONFIRM_FAILED -> new TrailEvent.PasswordRefused(withId(p, p.type().equals(SIGN_IN_FAILED)
                    ? Purpose.SIGN_IN : Purpose.CONFIRM), p.at(), p.whole("failuresInARow"));
            case PASSWORD_LOCKED -> new TrailEvent.PasswordLocked(purpose(p.text("purpose")), p.at());
            case LOCKED -> new TrailEvent.AccountLocked(p.at(), p.instant("until"), p.whole("afterFailures"));
            case UNLOCKED -> new TrailEvent.AccountUnlocked(p.text("user"), p.at());
            case SIGNED_OUT -> new TrailEvent.SignedOut(p.text("reason"));
            case SAVED -> new TrailEvent.UserSaved(p.text("user"), p.text("role"), p.whole("signInsClosed"));
            case DENIED -> new TrailEvent.AccessDenied(p.text("role"), p.text("permission"), p.text("address"));
            case AuditLog.TORN_TAIL -> new TrailEvent.TornTailDiscarded(p.number("line").longValue(), p.text("discardedBase64"));
            case AuditLog.UNAVAILABLE_PERIOD -> new TrailEvent.UnavailablePeriod(p.instant("since"), p.text("reason"),
                    p.number("refusedEntries").longValue());
            default -> null;
        });
    }

    /** A confirmation that asked the user id too says so ({@code "components": "user id and password"}). */
    private static Purpose withId(PayloadReader p, Purpose plain) {
        return USER_ID_AND_PASSWORD.equals(p.payload().get("components")) ? Purpose.FIRST_CONFIRM : plain;
    }

    private static Purpose purpose(String successType) {
        return SIGNED_IN.equals(successType) ? Purpose.SIGN_IN : Purpose.CONFIRM;
    }

    private static List<String> sessions(PayloadReader p) {
        return p.payload().get("sessions") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    static EventCodec.Encoded of(String type, Object... keysAndValues) {
        return new EventCodec.Encoded(type, map(keysAndValues));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }
}
