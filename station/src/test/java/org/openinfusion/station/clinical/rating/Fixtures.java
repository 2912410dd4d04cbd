package org.openinfusion.station.clinical.rating;

import java.time.Instant;
import java.util.Map;

/** Small builders for ratings in tests. */
final class Fixtures {
    static final Instant START = Instant.parse("2026-11-22T10:40:00Z");
    static final Instant FINISH = Instant.parse("2026-11-22T10:48:00Z");

    private Fixtures() {
    }

    static Rating rating(String id, String instrument, String form, Map<String, Answer> answers) {
        return new Rating(id, instrument, form, "T+40", "research_rater", "u-17", START, FINISH, answers, null);
    }

    /** Every item from {@code from} to {@code to} scored {@code value}. */
    static Answers scoreRange(Answers answers, int from, int to, int value) {
        for (int i = from; i <= to; i++) {
            answers.score(String.valueOf(i), value);
        }
        return answers;
    }
}
