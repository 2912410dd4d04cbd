package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openinfusion.station.clinical.export.V1Trails;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;

/** Audit files written by the station before the typed history still verify, and every entry reads as a typed event. */
class V1TrailTest {
    @ParameterizedTest
    @ValueSource(strings = {"v1-session.jsonl", "v1-review.jsonl"})
    void aFileWrittenBeforeTheTypedHistoryVerifiesAndEveryEntryReadsAsAKnownEvent(String file) throws IOException {
        assertTrue(AuditVerifier.verify(V1Trails.resource(file)).intact());
        AuditHistory history = HistoryReader.history(V1Trails.resource(file));
        List<String> unknown = history.entries().stream().filter(r -> r.event() instanceof TrailEvent.Unrecognised)
                .map(r -> r.written().type()).toList();
        assertEquals(List.of(), unknown);
        assertFalse(history.sessions().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-session.jsonl", "v1-review.jsonl"})
    void everyEventOfAV1FileWritesBackAsTheSameTypeAndPayload(String file) {
        for (AuditEntry e : V1Trails.read(file)) {
            Recorded r = HistoryReader.read(e);
            EventCodec.Encoded again = EventCodec.encode(r.event());
            assertEquals(e.type(), again.type(), "entry " + e.seq());
            assertEquals(AuditJson.canonical(e.payload()), AuditJson.canonical(again.payload()), "entry " + e.seq() + " " + e.type());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-session.jsonl", "v1-review.jsonl"})
    void theV1FilesHoldEveryKindOfBedsideAndReviewEvent(String file) {
        Set<Class<?>> kinds = HistoryReader.history(V1Trails.read(file)).entries().stream()
                .map(r -> r.event().getClass()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of(TrailEvent.SessionStepped.class, TrailEvent.InfusionChanged.class,
                TrailEvent.PromptChanged.class, TrailEvent.AlarmChanged.class, TrailEvent.RatingEntered.class,
                TrailEvent.MarkerRecorded.class, TrailEvent.RecordSigned.class, TrailEvent.RecordAmended.class)), kinds.toString());
    }
}
