package org.openinfusion.station.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in users: an unguessable token per sign-in, forgotten after {@code idleTimeout} without a request
 * or at sign-out. Held in memory only: a station restart signs everybody out. Thread-safe.
 */
public final class SignIns {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idleTimeout;
    private final Map<String, Entry> byToken = new HashMap<>();

    private static final class Entry {
        final Principal principal;
        Instant lastUse;
        boolean mustChangePassword;
        boolean signedBefore;

        Entry(Principal principal, Instant lastUse, boolean mustChangePassword) {
            this.principal = principal;
            this.lastUse = lastUse;
            this.mustChangePassword = mustChangePassword;
        }
    }

    public SignIns(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    public Clock clock() {
        return clock;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Opens a sign-in and returns its token (256 random bits, URL-safe base64). */
    public String open(Principal p) {
        return open(p, false);
    }

    /** Opens a sign-in that allows nothing but a password change while {@code mustChangePassword}. */
    public synchronized String open(Principal p, boolean mustChangePassword) {
        String token = newToken();
        byToken.put(token, new Entry(p, clock.instant(), mustChangePassword));
        return token;
    }

    /** 256 random bits, URL-safe base64: a sign-in's or a patient tablet's token. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The principal of a live token, counting this as use; empty for an unknown, closed or expired token. */
    public synchronized Optional<Principal> resolve(String token) {
        Entry e = token == null ? null : byToken.get(token);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(e.lastUse.plus(idleTimeout))) {
            byToken.remove(token);
            return Optional.empty();
        }
        e.lastUse = now;
        return Optional.of(e.principal);
    }

    /** Whether the sign-in may only change its password (an administrator reset it). */
    public synchronized boolean mustChangePassword(String token) {
        Entry e = token == null ? null : byToken.get(token);
        return e != null && e.mustChangePassword;
    }

    /** The password of this sign-in's user was changed: everything its role allows is open again. */
    public synchronized void passwordChanged(String token) {
        Entry e = token == null ? null : byToken.get(token);
        if (e != null) {
            e.mustChangePassword = false;
        }
    }

    /** Whether this sign-in has already made an e-signature (then later ones ask the password only). */
    public synchronized boolean signedBefore(String token) {
        Entry e = token == null ? null : byToken.get(token);
        return e != null && e.signedBefore;
    }

    /** This sign-in made an e-signature. */
    public synchronized void signatureMade(String token) {
        Entry e = token == null ? null : byToken.get(token);
        if (e != null) {
            e.signedBefore = true;
        }
    }

    /** Closes a sign-in; returns who it was, if it was open. */
    public synchronized Optional<Principal> close(String token) {
        Entry e = token == null ? null : byToken.remove(token);
        return Optional.ofNullable(e).map(x -> x.principal);
    }

    /** Closes every sign-in of {@code userId} (its role or password changed); returns how many. */
    public synchronized int closeAll(String userId) {
        int before = byToken.size();
        byToken.values().removeIf(e -> e.principal.userId().equals(userId));
        return before - byToken.size();
    }

    /** Forgets expired tokens; returns how many. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        int before = byToken.size();
        byToken.values().removeIf(e -> !now.isBefore(e.lastUse.plus(idleTimeout)));
        return before - byToken.size();
    }
}
