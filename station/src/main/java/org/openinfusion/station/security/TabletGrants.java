package org.openinfusion.station.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Patient tablets handed over for one rating (docs/tablet.md). A member of staff hands a due rating to the patient:
 * the station issues a six-digit one-time code for exactly that rating, valid for {@code codeValidity}. Redeeming the
 * code (once) unlocks a tablet: it gets an unguessable token that may submit only that rating, and that is forgotten
 * after {@code idleLock} without use, when the rating is recorded, or when staff take the tablet back. After
 * {@link #MAX_WRONG_CODES} wrong codes in a row every outstanding code is withdrawn (a six-digit code cannot be
 * guessed within its life). Held in memory only: a restart locks every tablet. Thread-safe.
 */
public final class TabletGrants {
    /** Wrong codes in a row before every outstanding code is withdrawn. */
    public static final int MAX_WRONG_CODES = 10;
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One rating handed to the patient: which bed, session, time point and form, and the member of staff who handed
     * it over (recorded with the rating). At a rating visit (no bed) {@code bed} is null, {@code sessionId} is the
     * visit's own session id and {@code timePointId} the visit's time point (its visit id, or "unscheduled").
     */
    public record Handover(String id, String bed, String sessionId, String timePointId, String form, Principal staff) {
        public Handover {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(timePointId, "timePointId");
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(staff, "staff");
        }

        /** Whether this rating belongs to a rating visit (no bed) rather than an infusion session at a bed. */
        public boolean atVisit() {
            return bed == null;
        }
    }

    /** A code issued for a handover, and until when it can be redeemed. */
    public record Issued(String code, Instant expiresAt) {
    }

    /** Why a code was refused. */
    public enum Refusal { UNKNOWN, USED, EXPIRED, WITHDRAWN }

    /** The outcome of redeeming a code: a tablet token for the handover, or a refusal. */
    public sealed interface Redeemed {
    }

    public record Unlocked(String token, Handover handover) implements Redeemed {
    }

    /** @param withdrawn handovers whose codes were withdrawn by this refusal (too many wrong codes) */
    public record Refused(Refusal why, Optional<Handover> handover, List<Handover> withdrawn) implements Redeemed {
    }

    private record Code(Handover handover, Instant expiresAt) {
    }

    /** A code that can no longer be redeemed, remembered for a while so that a retry is told why. */
    private record Spent(Handover handover, Refusal why, Instant forgetAt) {
    }

    private static final class Grant {
        final Handover handover;
        Instant lastUse;

        Grant(Handover handover, Instant lastUse) {
            this.handover = handover;
            this.lastUse = lastUse;
        }
    }

    private final Clock clock;
    private final Duration codeValidity;
    private final Duration idleLock;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Spent> spent = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private int wrongInARow;
    private long next;

    public TabletGrants(Clock clock, Duration codeValidity, Duration idleLock) {
        this.clock = clock;
        this.codeValidity = requirePositive(codeValidity, "codeValidity");
        this.idleLock = requirePositive(idleLock, "idleLock");
    }

    public Duration idleLock() {
        return idleLock;
    }

    /** A fresh handover id (unique within this run of the station). */
    public synchronized String newHandoverId() {
        return "tablet-" + clock.instant().toEpochMilli() + "-" + (++next);
    }

    /** Issues a one-time code for {@code h}; a code still outstanding for the same rating is withdrawn. */
    public synchronized Issued issue(Handover h) {
        codes.values().removeIf(c -> sameRating(c.handover(), h));
        String code;
        do {
            code = String.format("%06d", RANDOM.nextInt(1_000_000));
        } while (codes.containsKey(code) || spent.containsKey(code));
        Code c = new Code(h, clock.instant().plus(codeValidity));
        codes.put(code, c);
        return new Issued(code, c.expiresAt());
    }

    /** Redeems a code once: a token that may submit only the handed-over rating. */
    public synchronized Redeemed redeem(String code) {
        Instant now = clock.instant();
        String key = code == null ? "" : code.strip();
        Code c = codes.remove(key);
        if (c != null && now.isBefore(c.expiresAt())) {
            wrongInARow = 0;
            spend(key, c, Refusal.USED);
            grants.values().removeIf(g -> sameRating(g.handover, c.handover())); // one tablet per rating
            String token = SignIns.newToken();
            grants.put(token, new Grant(c.handover(), now));
            return new Unlocked(token, c.handover());
        }
        if (c != null) {
            spend(key, c, Refusal.EXPIRED);
            return new Refused(Refusal.EXPIRED, Optional.of(c.handover()), List.of());
        }
        Spent known = spent.get(key);
        if (known != null) {
            return new Refused(known.why(), Optional.of(known.handover()), List.of());
        }
        List<Handover> withdrawn = new ArrayList<>();
        if (++wrongInARow >= MAX_WRONG_CODES) {
            wrongInARow = 0;
            codes.forEach((k, x) -> {
                withdrawn.add(x.handover());
                spend(k, x, Refusal.WITHDRAWN);
            });
            codes.clear();
        }
        return new Refused(withdrawn.isEmpty() ? Refusal.UNKNOWN : Refusal.WITHDRAWN, Optional.empty(), withdrawn);
    }

    /** Unlocks a tablet for {@code h} without a code (a member of staff signed in on the tablet itself). */
    public synchronized Unlocked unlock(Handover h) {
        codes.values().removeIf(c -> sameRating(c.handover(), h));
        grants.values().removeIf(g -> sameRating(g.handover, h));
        String token = SignIns.newToken();
        grants.put(token, new Grant(h, clock.instant()));
        return new Unlocked(token, h);
    }

    /** The handover of a live tablet token, counting this as use; empty when unknown, locked or idle too long. */
    public synchronized Optional<Handover> resolve(String token) {
        Grant g = token == null ? null : grants.get(token);
        if (g == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(g.lastUse.plus(idleLock))) {
            return Optional.empty(); // left for sweep(), which reports it so that the lock is audited
        }
        g.lastUse = now;
        return Optional.of(g.handover);
    }

    /** Locks a tablet (its rating recorded, or taken back); returns its handover if it was unlocked. */
    public synchronized Optional<Handover> lock(String token) {
        Grant g = token == null ? null : grants.remove(token);
        return Optional.ofNullable(g).map(x -> x.handover);
    }

    /** The outstanding (issued, not redeemed, not expired) handover of {@code staffUserId}, most recent first. */
    public synchronized List<Handover> outstanding(String staffUserId) {
        Instant now = clock.instant();
        return codes.values().stream().filter(c -> now.isBefore(c.expiresAt()) && c.handover().staff().userId().equals(staffUserId))
                .sorted((a, b) -> b.expiresAt().compareTo(a.expiresAt())).map(Code::handover).toList();
    }

    /** Locks tablets idle for {@code idleLock} and forgets expired codes; returns the tablets locked (to be audited). */
    public synchronized List<Handover> sweep() {
        Instant now = clock.instant();
        List<Handover> locked = new ArrayList<>();
        for (Iterator<Grant> i = grants.values().iterator(); i.hasNext(); ) {
            Grant g = i.next();
            if (!now.isBefore(g.lastUse.plus(idleLock))) {
                locked.add(g.handover);
                i.remove();
            }
        }
        codes.entrySet().removeIf(e -> {
            if (now.isBefore(e.getValue().expiresAt())) {
                return false;
            }
            spend(e.getKey(), e.getValue(), Refusal.EXPIRED);
            return true;
        });
        spent.values().removeIf(x -> !now.isBefore(x.forgetAt()));
        return locked;
    }

    private void spend(String code, Code c, Refusal why) {
        spent.put(code, new Spent(c.handover(), why, c.expiresAt().plus(codeValidity)));
    }

    private static boolean sameRating(Handover a, Handover b) {
        return a.sessionId().equals(b.sessionId()) && a.timePointId().equals(b.timePointId()) && a.form().equals(b.form());
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
