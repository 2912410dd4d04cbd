package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Review shows the committed v1 audit files (the session list, every record: summary, timeline, ratings, signatures,
 * amendments) exactly as the code before the typed session history did ({@link V1ReviewRecords#main} wrote it).
 */
class ReviewUnchangedTest {
    @ParameterizedTest
    @ValueSource(strings = {"v1-session", "v1-review"})
    void reviewOfAV1TrailShowsWhatTheOldCodeShowed(String file) throws IOException {
        assertEquals(Files.readString(V1ReviewRecords.DIR.resolve(file + ".json")), V1ReviewRecords.render(file + ".jsonl"));
    }
}
