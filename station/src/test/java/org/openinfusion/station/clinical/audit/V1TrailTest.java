package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;

/** Audit files written by the station before the typed history still verify, and every entry reads as a typed event. */
class V1TrailTest {
    /** Written by the station before the typed history (see export.V1Trails). */
    private static Path v1(String file) {
        return Path.of("src/test/resources/audit", file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-session.jsonl", "v1-review.jsonl"})
    void aFileWrittenBeforeTheTypedHistoryVerifiesAndEveryEntryReadsAsAKnownEvent(String file) throws IOException {
        assertTrue(AuditVerifier.verify(v1(file)).intact());
        AuditHistory history = HistoryReader.history(v1(file));
        List<String> unknown = history.entries().stream().filter(r -> r.event() instanceof TrailEvent.Unrecognised)
                .map(r -> r.written().type()).toList();
        assertEquals(List.of(), unknown);
        assertFalse(history.sessions().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-session.jsonl", "v1-review.jsonl"})
    void everyEventOfAV1FileWritesBackAsTheSameTypeAndPayload(String file) throws IOException {
        for (AuditEntry e : AuditReader.readVerified(v1(file))) {
            Recorded r = HistoryReader.read(e);
            EventCodec.Encoded again = EventCodec.encode(r.event());
            assertEquals(e.type(), again.type(), "entry " + e.seq());
            assertEquals(AuditJson.canonical(e.payload()), AuditJson.canonical(again.payload()), "entry " + e.seq() + " " + e.type());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-session.jsonl", "v1-review.jsonl"})
    void theV1FilesHoldEveryKindOfBedsideAndReviewEvent(String file) throws IOException {
        Set<Class<?>> kinds = HistoryReader.history(v1(file)).entries().stream()
                .map(r -> r.event().getClass()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of(TrailEvent.SessionStepped.class, TrailEvent.InfusionChanged.class,
                TrailEvent.PromptChanged.class, TrailEvent.AlarmChanged.class, TrailEvent.RatingEntered.class,
                TrailEvent.MarkerRecorded.class, TrailEvent.RecordSigned.class, TrailEvent.RecordAmended.class)), kinds.toString());
    }
}
