package org.openinfusion.station.clinical.audit;

import java.util.Optional;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.TrailEvent.Purpose;

/** The written form of account administration (disable, password reset and change) and of sign-in throttling. */
final class AccountCodec {
    private static final String DISABLED = "user.disabled";
    private static final String ENABLED = "user.enabled";
    private static final String RESET = "user.password_reset";
    private static final String CHANGED = "user.password_changed";
    private static final String SIGN_IN_DISABLED = "user.sign_in_disabled";
    private static final String CONFIRM_DISABLED = "user.password_confirm_disabled";
    private static final String THROTTLED = "access.address_throttled";

    private AccountCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.AccountDisabled d) {
        return of(d.disabled() ? DISABLED : ENABLED, "user", d.user(), "signInsClosed", d.signInsClosed());
    }

    static EventCodec.Encoded encode(TrailEvent.PasswordReset r) {
        return of(RESET, "user", r.user(), "signInsClosed", r.signInsClosed());
    }

    static EventCodec.Encoded encode(TrailEvent.PasswordChanged c) {
        return of(CHANGED, "at", c.at().toString(), "required", c.required());
    }

    static EventCodec.Encoded encode(TrailEvent.DisabledRefused d) {
        return of(d.purpose() == Purpose.SIGN_IN ? SIGN_IN_DISABLED : CONFIRM_DISABLED, "at", d.at().toString());
    }

    static EventCodec.Encoded encode(TrailEvent.AddressThrottled t) {
        return of(THROTTLED, "at", t.at().toString(), "address", t.address(), "until", t.until().toString(),
                "afterFailures", t.afterFailures());
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        return Optional.ofNullable(switch (p.type()) {
            case DISABLED, ENABLED -> new TrailEvent.AccountDisabled(p.required("user"), p.type().equals(DISABLED), p.whole("signInsClosed"));
            case RESET -> new TrailEvent.PasswordReset(p.required("user"), p.whole("signInsClosed"));
            case CHANGED -> new TrailEvent.PasswordChanged(p.at(), p.flag("required"));
            case SIGN_IN_DISABLED, CONFIRM_DISABLED -> new TrailEvent.DisabledRefused(
                    p.type().equals(SIGN_IN_DISABLED) ? Purpose.SIGN_IN : Purpose.CONFIRM, p.at());
            case THROTTLED -> new TrailEvent.AddressThrottled(p.at(), p.required("address"), p.instant("until"), p.whole("afterFailures"));
            default -> null;
        });
    }

    private static EventCodec.Encoded of(String type, Object... keysAndValues) {
        return RecordCodec.of(type, keysAndValues);
    }
}
