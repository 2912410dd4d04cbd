package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.station.testing.Sessions;

class RatingInSessionTest {
    private record Entry(String type, String actor, Map<String, Object> payload) {
    }

    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");
    private final List<Entry> audit = new ArrayList<>();
    private final InstrumentCatalog instruments = InstrumentCatalog.builtIn();
    private final SessionService service = Sessions.service(instruments, (EncodedAudit) (t, a, s, p) -> audit.add(new Entry(t, a, p)), Clock.fixed(T, ZoneOffset.UTC));

    private static Map<String, Answer> all(int n, int score) {
        Map<String, Answer> answers = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            answers.put(String.valueOf(i), Answer.score(score));
        }
        return answers;
    }

    private Rating rating(String id, String instrument, Map<String, Answer> answers) {
        return new Rating(id, instrument, null, "baseline", "nurse", "nurse-1", T, T, answers, null);
    }

    @Test
    void everyInstrumentTheShippedProtocolsAskForExists() {
        for (Protocol p : ProtocolCatalog.builtIn().all()) {
            p.schedule().forEach(e -> e.instruments().forEach(key ->
                    assertTrue(FormKey.resolve(instruments, key).isPresent(), p.id() + " " + e.id() + " asks for unknown " + key)));
        }
    }

    @Test
    void aRatingIsScoredByTheStationAuditedWithItsAnswersAndCompletesItsTimePoint() {
        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-301", SubjectMeasures.weight(70), "KIT-3");
        service.command("bed-01", new SessionEvent.BaselineStarted(T, "nurse-1"));
        String cadssItem = instruments.get("cadss").items().getFirst().id();
        Map<String, Answer> cadss = all(23, 1);
        if (!cadssItem.equals("1")) {
            throw new AssertionError("CADSS item ids are expected to be numbers, got " + cadssItem);
        }
        var recorded = service.record("bed-01", rating("r1", "cadss", cadss));
        assertEquals(23, recorded.score().total().getAsInt());
        Entry e = audit.getLast();
        assertEquals("rating.recorded", e.type());
        assertEquals(23, e.payload().get("total"));
        assertEquals(23, ((Map<?, ?>) e.payload().get("answers")).size());

        service.record("bed-01", rating("r2", "bprs_pos", Map.of("conceptual_disorganization", Answer.score(1),
                "suspiciousness", Answer.score(2), "hallucinatory_behavior", Answer.score(1),
                "unusual_thought_content", Answer.notAssessed("participant asleep"))));
        var vas = service.record("bed-01", rating("r3", "vas", Map.of("high", Answer.score(10), "nausea", Answer.score(0),
                "craving", Answer.score(5))));
        assertEquals(PromptState.COMPLETED, service.onBed("bed-01").orElseThrow().prompts().getFirst().state());
        assertTrue(vas.outcome().prompts().stream().anyMatch(t -> t.to() == PromptState.COMPLETED));
        assertTrue(audit.stream().anyMatch(a -> a.type().equals("prompt.completed")));
    }

    @Test
    void badRatingsAreRefusedAndNothingIsAudited() {
        service.create("nurse-1", "bed-01", "ketamine-naltrexone-crossover", "KET-302", SubjectMeasures.weight(70), "KIT-4");
        service.command("bed-01", new SessionEvent.BaselineStarted(T, "nurse-1"));
        int before = audit.size();
        assertThrows(RuntimeException.class, () -> service.record("bed-01", rating("x1", "cadss", all(23, 9))));
        assertThrows(IllegalArgumentException.class, () -> service.record("bed-01", rating("x2", "moaas", Map.of("1", Answer.score(5)))));
        assertEquals(before, audit.size());
    }

    @Test
    void aCorrectionIsANewAuditedRatingThatNamesTheOriginalAndTheReason() {
        service.create("nurse-1", "bed-01", "ketamine-naltrexone-crossover", "KET-303", SubjectMeasures.weight(70), "KIT-5");
        service.command("bed-01", new SessionEvent.BaselineStarted(T, "nurse-1"));
        Rating original = rating("r1", "cadss", all(23, 1));
        service.record("bed-01", original);
        Rating fixed = original.correctedBy("r1b", "nurse", "nurse-2", T, T, all(23, 0), "item scores entered for the wrong participant");
        assertEquals(0, service.record("bed-01", fixed).score().total().getAsInt());
        Entry e = audit.getLast();
        assertEquals("rating.corrected", e.type());
        assertEquals("r1", e.payload().get("corrects"));
        assertEquals("item scores entered for the wrong participant", e.payload().get("reason"));
        assertEquals("nurse-2", e.actor());
    }
}
