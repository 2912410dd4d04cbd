package org.openinfusion.station.clinical.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openinfusion.station.clinical.audit.AuditTail;
import org.openinfusion.station.clinical.export.TrailBuilder;
import org.openinfusion.station.clinical.export.V1Trails;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.port.TimeSeriesReader;

/**
 * What review shows of the committed v1 audit files (the session list and every session's record, as JSON), and
 * {@link #main}, which wrote it once from the code before the typed session history (audit/v1-review-records/).
 */
final class V1ReviewRecords {
    static final Path DIR = Path.of("src/test/resources/audit/v1-review-records");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private V1ReviewRecords() {
    }

    static String render(String file) throws IOException {
        TimeSeriesReader series = file.equals(V1Trails.REVIEW_FILE) ? new NoTimeSeries("no store in this test")
                : TrailBuilder.vitals();
        ReviewService review = new ReviewService(new AuditTail(V1Trails.resource(file)), null, series, ProtocolCatalog.builtIn(),
                InstrumentCatalog.builtIn(), null, Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC));
        Map<String, Object> out = new LinkedHashMap<>();
        SessionListing.SessionListings list = review.list(ReviewFilter.ALL);
        out.put("list", list);
        for (SessionListing s : list.sessions()) {
            out.put(s.sessionId(), review.open(s.sessionId()));
        }
        return JSON.writeValueAsString(out);
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (String file : new String[] {"v1-session.jsonl", V1Trails.REVIEW_FILE}) {
            Files.writeString(DIR.resolve(file.replace(".jsonl", ".json")), render(file));
        }
    }
}
