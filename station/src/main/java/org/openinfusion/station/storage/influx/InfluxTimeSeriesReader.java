package org.openinfusion.station.storage.influx;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;
import org.openinfusion.station.storage.LineProtocol;

/**
 * {@link TimeSeriesReader} over InfluxQL (influxdb-java's v1 HTTP API), on the schema of docs/storage.md: measurements
 * {@code numeric} and {@code waveform} in the configured database and retention policy, tags {@code bed},
 * {@code device}, {@code stream}, field {@code v}, time = device time (microseconds).
 *
 * <p>Tag values are written into the query as escaped InfluxQL string literals; a bed id with control characters
 * is refused. Each query asks for at most {@code maxRowsPerQuery} rows and a long window (hours of waveform) is
 * read page by page, each starting at the last time of the page before, so a server-side row limit of at least
 * that size cannot silently cut a result short. Every failure of the client or the server (unreachable,
 * timed out, unknown database, refused query) becomes a {@link StoreUnavailableException} naming the server.
 * Blocks on the network: call it from a worker thread.
 */
public final class InfluxTimeSeriesReader implements TimeSeriesReader, AutoCloseable {
    /** Rows asked for per query; InfluxDB 1.x's {@code max-row-limit}, when set, is commonly 10,000. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    private final InfluxConfig config;
    private final InfluxDB influx;
    private final int maxRowsPerQuery;

    public InfluxTimeSeriesReader(InfluxConfig config) {
        this(config, DEFAULT_MAX_ROWS);
    }

    /** @param maxRowsPerQuery rows asked for per query (at least 2): the page size */
    public InfluxTimeSeriesReader(InfluxConfig config, int maxRowsPerQuery) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.managed()) {
            throw new IllegalArgumentException("a managed influxd has no URL until the station starts it; give its URL");
        }
        if (maxRowsPerQuery < 2) {
            throw new IllegalArgumentException("maxRowsPerQuery must be at least 2, got " + maxRowsPerQuery);
        }
        this.maxRowsPerQuery = maxRowsPerQuery;
        long timeout = config.timeout().toMillis();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .callTimeout(timeout, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        // review and exports only read: with the read-only user when one is configured
        InfluxConfig reading = config.forReading();
        this.influx = reading.username().isEmpty()
                ? InfluxDBFactory.connect(reading.url(), http)
                : InfluxDBFactory.connect(reading.url(), reading.username(), reading.password(), http);
    }

    @Override
    public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
        requireWindow(from, to);
        Objects.requireNonNull(streams, "streams");
        if (streams.isEmpty()) {
            return List.of();
        }
        String streamFilter = numericStreamFilter(streams);
        List<StoredValue> out = read(LineProtocol.NUMERIC, "bed = " + literal(requireBed(bed)) + " AND " + streamFilter,
                micros(from), micros(to));
        out.sort(Comparator.comparing(StoredValue::time).thenComparing(StoredValue::stream).thenComparing(StoredValue::device));
        return out;
    }

    /** {@code (stream = 'a' OR stream = 'b')} for numeric streams; any other kind is refused. */
    private static String numericStreamFilter(Set<Stream> streams) {
        for (Stream s : streams) {
            if (s.kind() != StreamKind.NUMERIC) {
                throw new IllegalArgumentException(s.key() + " is not a numeric stream");
            }
        }
        return streams.stream().sorted().map(s -> "stream = " + literal(s.key())).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /**
     * Aggregated by InfluxDB: one query, {@code SELECT min("v"), max("v") ... GROUP BY time(bucket), "stream", "device"
     * fill(none)}, so a 4-hour overview reads about one row per bucket and stream instead of every value.
     */
    @Override
    public List<BucketExtremes> numericExtremes(String bed, Set<Stream> streams, Instant from, Instant to, Duration bucket) {
        requireWindow(from, to);
        Objects.requireNonNull(streams, "streams");
        long width = bucket.toNanos() / 1000;
        if (width <= 0) {
            throw new IllegalArgumentException("a bucket must be at least a microsecond, got " + bucket);
        }
        if (streams.isEmpty()) {
            return List.of();
        }
        String streamFilter = numericStreamFilter(streams);
        String text = "SELECT min(\"v\"), max(\"v\") FROM " + InfluxPointWriter.quote(config.retentionPolicy()) + "."
                + InfluxPointWriter.quote(LineProtocol.NUMERIC) + " WHERE bed = " + literal(requireBed(bed)) + " AND " + streamFilter
                + " AND time >= " + micros(from) + "000 AND time < " + micros(to) + "000 GROUP BY time(" + width
                + "u), \"stream\", \"device\" fill(none)";
        List<BucketExtremes> out = new ArrayList<>();
        for (QueryResult.Series series : series(text)) {
            String key = series.getTags() == null ? null : series.getTags().get("stream");
            String device = series.getTags() == null ? null : series.getTags().get("device");
            List<String> columns = series.getColumns();
            for (List<Object> row : series.getValues()) {
                try {
                    Stream stream = Stream.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown stream '" + key + "'"));
                    Instant start = Instant.parse((String) row.get(columns.indexOf("time")));
                    out.add(new BucketExtremes(start, device, stream, ((Number) row.get(columns.indexOf("min"))).doubleValue(),
                            ((Number) row.get(columns.indexOf("max"))).doubleValue()));
                } catch (ClassCastException | DateTimeParseException | IndexOutOfBoundsException | NullPointerException
                         | IllegalArgumentException e) {
                    throw unavailable("unexpected row " + row + " (columns " + columns + ", tags " + series.getTags() + "): "
                            + e.getMessage(), e);
                }
            }
        }
        out.sort(Comparator.comparing(BucketExtremes::start).thenComparing(BucketExtremes::stream).thenComparing(BucketExtremes::device));
        return out;
    }

    /** One query: {@code SELECT count("v") ... GROUP BY "stream"}. */
    @Override
    public Map<Stream, Long> numericCounts(String bed, Set<Stream> streams, Instant from, Instant to) {
        requireWindow(from, to);
        Map<Stream, Long> out = new EnumMap<>(Stream.class);
        if (streams.isEmpty()) {
            return out;
        }
        String text = "SELECT count(\"v\") FROM " + InfluxPointWriter.quote(config.retentionPolicy()) + "."
                + InfluxPointWriter.quote(LineProtocol.NUMERIC) + " WHERE bed = " + literal(requireBed(bed)) + " AND "
                + streams.stream().sorted().map(s -> "stream = " + literal(s.key())).collect(Collectors.joining(" OR ", "(", ")"))
                + " AND time >= " + micros(from) + "000 AND time < " + micros(to) + "000 GROUP BY \"stream\"";
        for (QueryResult.Series series : series(text)) {
            String key = series.getTags() == null ? null : series.getTags().get("stream");
            for (List<Object> row : series.getValues()) {
                Object n = row.get(series.getColumns().indexOf("count"));
                Stream.byKey(key == null ? "" : key).ifPresent(s -> out.merge(s, ((Number) n).longValue(), Long::sum));
            }
        }
        return out;
    }

    @Override
    public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
        requireWindow(from, to);
        if (stream.kind() != StreamKind.WAVEFORM) {
            throw new IllegalArgumentException(stream.key() + " is not a waveform stream");
        }
        List<StoredValue> out = read(LineProtocol.WAVEFORM,
                "bed = " + literal(requireBed(bed)) + " AND stream = " + literal(stream.key()), micros(from), micros(to));
        out.sort(Comparator.comparing(StoredValue::time).thenComparing(StoredValue::device));
        return out;
    }

    /**
     * Reads [fromMicros, toMicros) in pages of at most {@code maxRowsPerQuery} rows, in time order: a full page is
     * kept up to (not including) its last time, and the next page starts at that time; rows sharing one
     * microsecond beyond a page (many streams or devices at one time) are paged by offset.
     */
    private List<StoredValue> read(String measurement, String where, long fromMicros, long toMicros) {
        List<StoredValue> out = new ArrayList<>();
        long cursor = fromMicros;
        while (cursor < toMicros) {
            List<StoredValue> page = query(measurement, where, cursor, toMicros, 0);
            if (page.size() < maxRowsPerQuery) {
                out.addAll(page);
                return out;
            }
            long last = LineProtocol.micros(page.getLast().time());
            List<StoredValue> before = page.stream().filter(v -> LineProtocol.micros(v.time()) < last).toList();
            if (before.isEmpty()) {
                out.addAll(sameMicrosecond(measurement, where, last, page));
                cursor = last + 1;
            } else {
                out.addAll(before);
                cursor = last;
            }
        }
        return out;
    }

    /** Every row at one microsecond, {@code first} being its first page. */
    private List<StoredValue> sameMicrosecond(String measurement, String where, long micros, List<StoredValue> first) {
        List<StoredValue> out = new ArrayList<>(first);
        List<StoredValue> page = first;
        for (long offset = maxRowsPerQuery; page.size() == maxRowsPerQuery; offset += maxRowsPerQuery) {
            page = query(measurement, where, micros, micros + 1, offset);
            out.addAll(page);
        }
        return out;
    }

    private List<StoredValue> query(String measurement, String where, long fromMicros, long toMicros, long offset) {
        String text = "SELECT \"v\", \"device\", \"stream\" FROM " + InfluxPointWriter.quote(config.retentionPolicy()) + "."
                + InfluxPointWriter.quote(measurement) + " WHERE " + where
                + " AND time >= " + fromMicros + "000 AND time < " + toMicros + "000 ORDER BY time ASC LIMIT " + maxRowsPerQuery
                + (offset > 0 ? " OFFSET " + offset : "");
        List<StoredValue> out = new ArrayList<>();
        for (QueryResult.Series series : series(text)) {
            for (List<Object> row : series.getValues()) {
                out.add(value(series.getColumns(), row));
            }
        }
        return out;
    }

    /** Every series of one query's answer; a failure of the client or the server is a {@link StoreUnavailableException}. */
    private List<QueryResult.Series> series(String text) {
        QueryResult result;
        try {
            result = influx.query(new Query(text, config.database()));
        } catch (RuntimeException e) {
            throw unavailable(problem(e), e);
        }
        if (result.hasError()) {
            throw unavailable(result.getError(), null);
        }
        List<QueryResult.Series> out = new ArrayList<>();
        for (QueryResult.Result r : result.getResults() == null ? List.<QueryResult.Result>of() : result.getResults()) {
            if (r.hasError()) {
                throw unavailable(r.getError(), null);
            }
            out.addAll(r.getSeries() == null ? List.<QueryResult.Series>of() : r.getSeries());
        }
        return out;
    }

    private StoredValue value(List<String> columns, List<Object> row) {
        try {
            // the nanosecond digits of a stored time are part of its identity (docs/storage.md), not of the device time
            Instant time = Instant.parse((String) row.get(columns.indexOf("time"))).truncatedTo(ChronoUnit.MICROS);
            Number v = (Number) row.get(columns.indexOf("v"));
            String device = (String) row.get(columns.indexOf("device"));
            String key = (String) row.get(columns.indexOf("stream"));
            Stream stream = Stream.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown stream '" + key + "'"));
            return new StoredValue(time, device, stream, v.doubleValue());
        } catch (ClassCastException | DateTimeParseException | IndexOutOfBoundsException | NullPointerException
                 | IllegalArgumentException e) {
            throw unavailable("unexpected row " + row + " (columns " + columns + "): " + e.getMessage(), e);
        }
    }

    /**
     * What went wrong, in words: a store that did not answer in time says so whichever of the client's time-outs fired
     * first (the read's "Read timed out" or the whole call's "timeout").
     */
    private String problem(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return "no answer within " + config.timeout().toMillis() + " ms (timeout: " + t.getMessage() + ")";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private StoreUnavailableException unavailable(String problem, Throwable cause) {
        return new StoreUnavailableException("InfluxDB at " + config.url() + " (database " + config.database()
                + ") could not be read: " + problem, cause);
    }

    /** An InfluxQL string literal: single-quoted, with backslashes and single quotes escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String requireBed(String bed) {
        Objects.requireNonNull(bed, "bed");
        if (bed.isEmpty() || bed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a bed id must be non-empty without control characters");
        }
        return bed;
    }

    private static void requireWindow(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Microseconds since the epoch, rounded up so that a window never reaches before {@code t}. */
    private static long micros(Instant t) {
        long m = LineProtocol.micros(t);
        return t.getNano() % 1_000 == 0 ? m : m + 1;
    }

    @Override
    public void close() {
        influx.close();
    }
}
