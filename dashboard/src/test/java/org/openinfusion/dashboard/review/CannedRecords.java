package org.openinfusion.dashboard.review;

import org.openinfusion.station.clinical.review.SessionRecords;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import java.util.stream.IntStream;
import java.util.Arrays;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SessionRecord.Amendment;
import org.openinfusion.station.clinical.review.SessionRecord.BloodPressure;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.ItemRow;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.review.SessionRecord.Trend;
import org.openinfusion.station.clinical.review.Signature;
import org.openinfusion.station.clinical.review.SignatureMeaning;
import org.openinfusion.station.domain.Stream;

/** Records as the station would answer them, for the review page tests: one closed and unsigned, one signed. */
final class CannedRecords {
    static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant START = CREATED.plus(Duration.ofMinutes(60));
    static final Instant END = START.plus(Duration.ofMinutes(180));
    static final Instant ALARM_AT = START.plus(Duration.ofMinutes(12));
    static final Signature APPROVED = new Signature("dr.ng", "Dr A Ng", SignatureMeaning.APPROVED, Instant.parse("2026-11-22T14:03:00Z"), 90);

    /** The protocol file's title, which the pages show instead of the protocol id. */
    static final String TITLE = "Ketamine 0.5 mg/kg IV over 40 min (open label)";

    private CannedRecords() {
    }

    static SessionListing unsigned() {
        return new SessionListing("s-1", "KET-014", "ketamine-iv-40min", 2, "bed-01", CREATED, END, RecordState.CLOSED, null, false, true,
                TITLE);
    }

    static SessionListing signed() {
        return new SessionListing("s-2", "KET-015", "ketamine-iv-40min", 2, "bed-02", CREATED.minus(Duration.ofDays(1)),
                END.minus(Duration.ofDays(1)), RecordState.SIGNED, APPROVED, false, false, TITLE);
    }

    /** Session s-1: 1 Hz vitals over four hours (thinned in the overview), cuff every 5 min, one alarm, a marker, ratings. */
    static SessionRecord record(SessionListing listing, List<Signature> signatures, List<Amendment> amendments) {
        return new SessionRecord(listing, 72.5, "KIT-0042", new SessionRecord.Plan(100, 150, 40), START, END,
                new SessionRecord.Summary(new BloodPressure(START.minusSeconds(300), 128, 82), new BloodPressure(START.plusSeconds(2400), 141, 88),
                        new BloodPressure(START.plusSeconds(2420), 139, 86), 24, "CADSS", "t40", 4, 240L,
                        START.plus(Duration.ofMinutes(122)), 122L, 1, 0, 0),
                trends(), events(), ratings(), signatures, amendments, null);
    }

    static SessionRecord record() {
        return record(unsigned(), List.of(), List.of());
    }

    /**
     * The same record as a long session's overview from the station: the heart rate as each 12-second bucket's lowest
     * and highest value at the bucket's start (SessionRecords.overview), the cuff at full resolution.
     */
    static SessionRecord overview() {
        SessionRecord r = record();
        List<TimeSeriesReader.BucketExtremes> buckets = new ArrayList<>();
        for (Trend t : r.trends()) {
            if (t.stream() == Stream.HR) {
                for (int i = 0; i < t.times().length; i++) {
                    Instant start = Instant.ofEpochMilli(Math.floorDiv(t.times()[i], 12_000L) * 12_000L);
                    buckets.add(new TimeSeriesReader.BucketExtremes(start, "monitor", Stream.HR, t.values()[i], t.values()[i]));
                }
            }
        }
        List<Trend> lines = SessionRecords.overview(buckets, Duration.ofSeconds(12));
        List<Trend> trends = new ArrayList<>(lines);
        r.trends().stream().filter(t -> t.stream() != Stream.HR).forEach(trends::add);
        return new SessionRecord(r.listing(), r.weightKg(), r.kitId(), r.plan(), r.infusionStart(), r.end(), r.summary(), trends,
                r.events(), r.ratings(), r.signatures(), r.amendments(), null);
    }

    /** The values of {@code t} with from <= time < to. */
    static Trend within(Trend t, Instant from, Instant to) {
        int[] keep = IntStream.range(0, t.times().length)
                .filter(i -> t.times()[i] >= from.toEpochMilli() && t.times()[i] < to.toEpochMilli()).toArray();
        return new Trend(t.stream(), Arrays.stream(keep).mapToLong(i -> t.times()[i]).toArray(),
                Arrays.stream(keep).mapToDouble(i -> t.values()[i]).toArray());
    }

    private static List<Trend> trends() {
        int n = 4 * 3600;
        long[] t = new long[n];
        double[] hr = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = CREATED.toEpochMilli() + i * 1000L;
            hr[i] = 72 + 8 * Math.sin(i / 300.0);
        }
        hr[5000] = 160;
        long[] cuff = new long[48];
        double[] sys = new double[48];
        double[] dia = new double[48];
        for (int i = 0; i < 48; i++) {
            cuff[i] = CREATED.toEpochMilli() + i * 300_000L;
            sys[i] = 125 + i % 7;
            dia[i] = 80 + i % 5;
        }
        return List.of(new Trend(Stream.HR, t, hr), new Trend(Stream.NIBP_SYS, cuff, sys), new Trend(Stream.NIBP_DIA, cuff, dia));
    }

    private static List<TimelineEvent> events() {
        return List.of(new TimelineEvent(CREATED, Category.SESSION, "Session created", "", "nurse7", 1),
                new TimelineEvent(START, Category.INFUSION, "Infusion started", "", "nurse7", 5),
                new TimelineEvent(ALARM_AT, Category.ALARM_RAISED, "HR high", "HR 125 > 120", null, 7),
                new TimelineEvent(ALARM_AT.plusSeconds(20), Category.ALARM_ACKNOWLEDGED, "HR high", "", "nurse7", 8),
                new TimelineEvent(START.plus(Duration.ofMinutes(20)), Category.MARKER, "Nausea", "", "nurse7", 9),
                new TimelineEvent(END, Category.SESSION, "Session closed", "", "nurse7", 20));
    }

    private static List<RatingRecord> ratings() {
        List<ItemRow> baseline = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            baseline.add(new ItemRow("cadss" + i, "CADSS item " + i, i == 7 ? null : 0, i == 7 ? "patient asleep" : null));
        }
        List<ItemRow> corrected = new ArrayList<>(baseline);
        corrected.set(0, new ItemRow("cadss1", "CADSS item 1", 2, null));
        List<ItemRow> peak = baseline.stream().map(r -> new ItemRow(r.itemId(), r.label(), 1, null)).toList();
        return List.of(
                new RatingRecord("r-1", "baseline", "cadss", "cadss", START.minusSeconds(1800), 0, "0 (0-92) INCOMPLETE", "nurse7", "nurse",
                        "r-2", null, null, false, baseline),
                new RatingRecord("r-2", "baseline", "cadss", "cadss", START.minusSeconds(1700), 2, null, "nurse7", "nurse",
                        null, "r-1", "item 1 misheard", false, corrected),
                new RatingRecord("r-3", "t40", "cadss", "cadss", START.plusSeconds(2400), 23, null, "nurse7", "nurse",
                        null, null, null, false, peak),
                // VAS has no total: the station's summary says "no total"
                new RatingRecord("r-4", "t40", "vas", "vas", START.plusSeconds(2460), null, "no total", "nurse7", "nurse",
                        null, null, null, false, List.of(new ItemRow("high", "High", 42, null), new ItemRow("nausea", "Nausea", 10, null),
                        new ItemRow("craving", "Craving", 0, null))));
    }
}
