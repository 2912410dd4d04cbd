package org.openinfusion.station.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.openinfusion.station.clinical.export.ExportSpool;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.review.ReviewService;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;

/**
 * What the review tests start from: a closed, rated session (bed-01, KET-501, created {@link #START}) in a
 * {@link ReviewScenario} on a real audit file, a review service over it that writes EDF+ into its own spool folder,
 * and the physician who reviews it. Close after each test.
 */
public final class ReviewFixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    public static final Principal PHYSICIAN = new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME);

    public final ReviewScenario scenario;
    /** The closed session's id. */
    public final String closed;
    public final ExportSpool spool;
    public final ReviewService review;

    /** Everything in {@code dir} (a test's temporary folder). */
    public ReviewFixture(Path dir) throws IOException {
        scenario = new ReviewScenario(dir);
        closed = scenario.quickRatedSession(ReviewScenario.BED, "KET-501", START);
        spool = new ExportSpool(dir.resolve("export-spool"));
        review = scenario.review(spool);
    }

    /** {@code seconds} of ECG lead II from the monitor at 250 Hz from {@code from}, a slow sine, in the store. */
    public void ecg(Instant from, int seconds) {
        for (int i = 0; i < seconds * 250; i++) {
            scenario.series.add(new StoredValue(from.plusMillis(4L * i), "monitor", Stream.ECG_II, Math.sin(i / 40.0)));
        }
    }

    @Override
    public void close() throws IOException {
        scenario.close();
    }
}
