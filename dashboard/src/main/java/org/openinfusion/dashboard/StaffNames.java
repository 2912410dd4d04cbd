package org.openinfusion.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.security.Principal;

/**
 * Who did something, as staff read it: the printed name and the role in staff words ("A Berg (nurse)"), never the
 * account id the station records. Looks accounts up in the station's account list, read again at most every
 * {@link #FRESH_FOR} so a renamed or new account shows within seconds without reading the file on every screen update.
 */
public final class StaffNames {
    /** How long one read of the account list answers look-ups. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    /** The actor of facts taken from the pump (an infusion start it reported). */
    static final String PUMP = "pump";
    private final Supplier<List<Principal>> accounts;
    private final Clock clock;
    private volatile Map<String, Principal> byId = Map.of();
    private volatile Instant readAt = Instant.MIN;

    StaffNames(Supplier<List<Principal>> accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Names from the station's account list ({@code UserStore::list}). */
    public static StaffNames of(Supplier<List<Principal>> accounts) {
        return new StaffNames(accounts, Clock.systemUTC());
    }

    /** No account list (a dashboard without one): every member of staff reads as such, never by account id. */
    public static StaffNames none() {
        return new StaffNames(List::of, Clock.systemUTC());
    }

    /** The account {@code userId}, if the station has it. */
    public Optional<Principal> find(String userId) {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            byId = accounts.get().stream().collect(Collectors.toUnmodifiableMap(Principal::userId, Function.identity(), (a, b) -> b));
            readAt = now;
        }
        return Optional.ofNullable(byId.get(userId));
    }

    /**
     * {@code userId} as staff read it: "A Berg (nurse)"; "station" or "pump" for what they did themselves; "staff member" when
     * the account is gone (the record keeps its id for audit; the screen never shows it).
     */
    public String label(String userId) {
        if (userId == null || AuditPort.STATION.equals(userId)) {
            return Text.get("staff.station");
        }
        if (PUMP.equals(userId)) {
            return Text.get("staff.pump");
        }
        return find(userId).map(p -> Text.get("staff.named", p.name(), Text.get("role." + p.role().key()))).orElse(Text.get("staff.unknown"));
    }

    /** The role of {@code userId} in staff words ("physician"), if the station has the account. */
    public Optional<String> role(String userId) {
        return find(userId).map(p -> Text.get("role." + p.role().key()));
    }

    /** {@link #label} with the names of the running station. */
    public static String named(String userId) {
        return DashboardServices.installed() ? DashboardServices.get().staff().label(userId) : none().label(userId);
    }

    /** {@link #role} with the accounts of the running station. */
    public static Optional<String> roleOf(String userId) {
        return DashboardServices.installed() ? DashboardServices.get().staff().role(userId) : Optional.empty();
    }
}
