package org.openinfusion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(100);

    @Test
    void aConditionThatHoldsOnTheThirdLookEndsTheWaitThere() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Eventually.waitUntil(LONG, "the third look", () -> looks.incrementAndGet() == 3);
        assertEquals(3, looks.get());
    }

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatWasAwaited() {
        AssertionError e = assertThrows(AssertionError.class, () -> Eventually.waitUntil(SHORT, "the kettle", () -> false));
        assertTrue(e.getMessage().endsWith("waiting for the kettle"), e.getMessage());
    }

    @Test
    void theDescriptionOfAWaitIsMadeOnlyWhenItTimesOut() throws Exception {
        AtomicInteger described = new AtomicInteger();
        Eventually.waitUntil(LONG, () -> "never asked " + described.incrementAndGet(), () -> true);
        assertEquals(0, described.get());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Eventually.waitUntil(SHORT, () -> "asked " + described.incrementAndGet(), () -> false));
        assertTrue(e.getMessage().endsWith("asked 1"), e.getMessage());
    }

    @Test
    void aCheckThatThrowsWhileItDoesNotHoldIsLookedAtAgain() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Eventually.waitUntilHolds(LONG, "the fourth look", () -> {
            if (looks.incrementAndGet() < 4) {
                throw new IllegalStateException("not yet");
            }
            return true;
        });
        assertEquals(4, looks.get());
    }

    @Test
    void aCheckThatNeverHoldsFailsWithItsLastFailureAsTheCause() {
        AssertionError last = new AssertionError("expected 3 but was 2");
        AssertionError e = assertThrows(AssertionError.class, () -> Eventually.waitUntilHolds(SHORT, "three", () -> {
            throw last;
        }));
        assertSame(last, e.getCause());
    }

    @Test
    void pollReturnsTheFirstResultThatSatisfiesOrTheLastOneAtTheDeadline() throws Exception {
        AtomicInteger n = new AtomicInteger();
        assertEquals(5, Eventually.poll(LONG, n::incrementAndGet, v -> v >= 5));
        Integer last = Eventually.poll(SHORT, n::incrementAndGet, v -> false);
        assertNotNull(last);
        assertTrue(last > 5, "called again until the deadline: " + last);
    }
}
