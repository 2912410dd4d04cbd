package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.testing.ReviewFixture;
import org.openinfusion.station.testing.ReviewScenario;
import org.openinfusion.station.testing.SmallDisk;

/**
 * A rating amendment in review writes the correction and the amendment that gives its reason as one append: on a disk
 * with room for the correction's entry but not for both, neither is written. (With two appends the correction was
 * written alone: a correction without the amendment that gives its reason.)
 */
class AmendmentAppendTest {
    @TempDir
    Path dir;
    ReviewFixture fixture;

    @BeforeEach
    void closedSession() throws IOException {
        fixture = new ReviewFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** A review service reading the fixture's trail and writing to {@code log}. */
    private ReviewService reviewWritingTo(AuditLog log) {
        ReviewScenario s = fixture.scenario;
        return new ReviewService(new AuditTail(s.file), new AuditWriter(log), s.series, ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(),
                s.authenticator, s.clock);
    }

    private ReviewRequest.Amend amendment() {
        Map<String, Object> answers = ReviewScenario.range(1, 23, 2);
        return new ReviewRequest.Amend(fixture.closed, ReviewRequest.AmendmentKind.RATING, "transcription error", null, "q-KET-501", answers);
    }

    @Test
    void aRatingAmendmentIsOneAppendSoNoCorrectionIsWrittenWithoutItsAmendment() throws IOException {
        // the entries of this amendment, written to a trail of their own on a roomy disk: how long their lines are
        Path roomyFile = dir.resolve("roomy.log");
        SmallDisk roomy = new SmallDisk(1 << 20);
        try (AuditLog log = AuditLog.open(roomyFile, fixture.scenario.clock, channel -> channel.force(true), roomy::open)) {
            reviewWritingTo(log).amend(ReviewFixture.PHYSICIAN, amendment());
        }
        List<AuditEntry> written = AuditReader.readVerified(roomyFile);
        assertEquals(List.of("rating.corrected", "record.amended"), written.stream().map(AuditEntry::type).toList());
        int correctionLine = written.getFirst().toLine().getBytes(StandardCharsets.UTF_8).length + 1;
        int amendmentLine = written.get(1).toLine().getBytes(StandardCharsets.UTF_8).length;

        // given a trail on a disk with room for the correction's line and half the amendment's
        Path file = dir.resolve("small.log");
        SmallDisk small = new SmallDisk(1 << 20);
        try (AuditLog log = AuditLog.open(file, fixture.scenario.clock, channel -> channel.force(true), small::open)) {
            small.leaveFree(correctionLine + amendmentLine / 2);
            // when the same amendment is made
            assertThrows(RuntimeException.class, () -> reviewWritingTo(log).amend(ReviewFixture.PHYSICIAN, amendment()));
            // then nothing of it is in the trail
            assertEquals(0, Files.size(file));
        }
    }
}
