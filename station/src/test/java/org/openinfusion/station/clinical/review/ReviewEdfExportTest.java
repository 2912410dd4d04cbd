package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.export.ExportRequest;
import org.openinfusion.station.clinical.export.Exports;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.ReviewFixture;
import org.openinfusion.station.testing.ReviewScenario;

/** The EDF+ download from review: a time window or the whole session, streamed to a spool file, audited, deleted once sent. */
class ReviewEdfExportTest {
    private static final Instant WAVE = ReviewFixture.START.plusSeconds(120);
    private static final Principal DR = ReviewFixture.PHYSICIAN;

    @TempDir
    Path dir;
    ReviewFixture fixture;
    ReviewScenario scenario;
    ReviewService review;
    String closed;

    @BeforeEach
    void closedSessionWithAMinuteOfEcg() throws IOException {
        fixture = new ReviewFixture(dir);
        fixture.ecg(WAVE, 60);
        scenario = fixture.scenario;
        closed = fixture.closed;
        review = fixture.review;
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aWindowIsStreamedToASpoolFileAuditedWithItsSizeAndHashAndDeletedOnceSent() throws Exception {
        Instant from = WAVE.plusSeconds(20);
        ExportFile file = review.export(DR, new ReviewRequest.Export(closed, null, ExportFormat.EDF_PLUS, from, from.plusSeconds(20)));

        assertNotNull(file.spooled(), "held in a spool file, not in memory");
        assertTrue(Files.exists(file.spooled()));
        assertEquals("KET-501-2026-11-22-infusion-20261122T090220Z-waveforms.edf", file.fileName());
        byte[] expected = Exports.write(ExportFormat.EDF_PLUS, new ExportRequest(AuditReader.readVerified(scenario.file), Optional.of(closed),
                scenario.series, InstrumentCatalog.builtIn(), ProtocolCatalog.builtIn())
                .during(new ExportRequest.Window(from, from.plusSeconds(20))), scenario.clock).content();
        AuditEntry audited = AuditReader.readVerified(scenario.file).stream().filter(e -> e.type().equals("export.created")).toList().getLast();
        assertEquals("edf-plus", audited.payload().get("format"));
        assertEquals(List.of(closed), audited.payload().get("sessions"));
        assertEquals(expected.length, ((Number) audited.payload().get("bytes")).intValue());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)), audited.payload().get("sha256"));

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        file.copyTo(sent);
        assertArrayEquals(expected, sent.toByteArray(), "the file sent is the one audited");
        assertFalse(Files.exists(file.spooled()), "the spool file is deleted once sent");
        String h = new String(expected, 0, 256, StandardCharsets.US_ASCII);
        assertEquals("09.02.20", h.substring(176, 184), "the window's start");
    }

    @Test
    void theWholeSessionWithoutAWindowAndAHalfWindowRefused() throws Exception {
        ExportFile whole = review.export(DR, new ReviewRequest.Export(closed, null, ExportFormat.EDF_PLUS));
        String h = new String(whole.content(), 0, 256, StandardCharsets.US_ASCII);
        whole.discard();
        assertEquals("09.00.00", h.substring(176, 184), "from the session's creation");
        assertEquals("KET-501-2026-11-22-infusion-waveforms.edf", whole.fileName());
        ReviewException half = assertThrows(ReviewException.class, () -> review.export(DR,
                new ReviewRequest.Export(closed, null, ExportFormat.EDF_PLUS, WAVE, null)));
        assertEquals(400, half.code());
        ReviewException other = assertThrows(ReviewException.class, () -> review.export(DR,
                new ReviewRequest.Export(closed, null, ExportFormat.VITALS_CSV, WAVE, WAVE.plusSeconds(5))));
        assertEquals(400, other.code(), other.getMessage());
    }
}
