package org.openinfusion.station.clinical.export;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;

/**
 * Every stored numeric value (vital signs and pump figures) of a session's bed from the session's creation to its
 * close (or now while open), long format: one row per value, ordered by time: the device's time corrected by its
 * clock offset as the trail recorded it ({@link DeviceClocks}).
 */
final class VitalsCsv {
    static final List<String> COLUMNS = List.of("session_id", "subject_code", "bed", "time", "elapsed_from_infusion_start_s",
            "device", "stream", "mdc_code", "mdc_ref_id", "value", "unit");
    static final Set<Stream> STREAMS = EnumSet.copyOf(Arrays.stream(Stream.values())
            .filter(s -> s.kind() == StreamKind.NUMERIC).toList());

    private VitalsCsv() {
    }

    static String write(List<SessionTrail> sessions, TimeSeriesReader series, Instant now) {
        Csv csv = new Csv(COLUMNS);
        for (SessionTrail s : sessions) {
            Instant start = s.infusionStart().orElse(null);
            for (TimeSeriesReader.StoredValue v : new DeviceClocks(s.history()).numerics(series, s.bed(), STREAMS, s.createdAt(), end(s, now))) {
                csv.row(s.id(), s.subjectCode(), s.bed(), v.time(), start == null ? "" : seconds(Duration.between(start, v.time())),
                        v.device(), v.stream().key(), v.stream().mdc().isTerm() ? v.stream().mdc().code() : "",
                        v.stream().mdc().isTerm() ? v.stream().mdc().referenceId() : "",
                        Sdtm.number(v.value()), v.stream().unit());
            }
        }
        return csv.toString();
    }

    /** The end of the session's window: its close, or now while it is open (never before its creation). */
    static Instant end(SessionTrail s, Instant now) {
        Instant end = s.closedAt().orElse(now);
        return end.isBefore(s.createdAt()) ? s.createdAt() : end;
    }

    /** Signed seconds with up to nine decimals, e.g. -300, 2400.25. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros().toPlainString();
    }
}
