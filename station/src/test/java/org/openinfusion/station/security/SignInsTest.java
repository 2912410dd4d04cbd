package org.openinfusion.station.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.MutableClock;

class SignInsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final SignIns signIns = new SignIns(clock, Duration.ofMinutes(15));
    private final Principal nurse = new Principal("nurse1", Role.NURSE, "Nurse One");

    @Test
    void aTokenLastsWhileUsedAndExpiresAfterTheIdleTimeout() {
        String token = signIns.open(nurse);
        clock.advance(Duration.ofMinutes(14));
        assertEquals(nurse, signIns.resolve(token).orElseThrow(), "use within the timeout keeps it alive");
        clock.advance(Duration.ofMinutes(14));
        assertEquals(nurse, signIns.resolve(token).orElseThrow());
        clock.advance(Duration.ofMinutes(15));
        assertTrue(signIns.resolve(token).isEmpty(), "15 minutes idle signs out");
    }

    @Test
    void tokensAreUnguessableAndClosedBySignOut() {
        String a = signIns.open(nurse);
        String b = signIns.open(nurse);
        assertNotEquals(a, b);
        assertEquals(43, a.length(), "256 bits in URL-safe base64");
        assertTrue(signIns.resolve("made-up").isEmpty());
        assertTrue(signIns.resolve(null).isEmpty());
        assertEquals(nurse, signIns.close(a).orElseThrow());
        assertTrue(signIns.resolve(a).isEmpty());
        assertEquals(nurse, signIns.resolve(b).orElseThrow());
    }

    @Test
    void sweepForgetsExpiredTokens() {
        signIns.open(nurse);
        String kept = signIns.open(nurse);
        clock.advance(Duration.ofMinutes(10));
        signIns.resolve(kept);
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, signIns.sweep());
        assertTrue(signIns.resolve(kept).isPresent());
    }
}
