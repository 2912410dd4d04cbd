package org.openinfusion.station.clinical.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;

/**
 * The waveforms of a session's bed (ECG leads, pleth, capnogram) as one EDF+ file (EDF+C: continuous), with the
 * session's events as EDF+ annotations. Format: the EDF specification (Kemp et al. 1992) and EDF+ (Kemp and Olivan 2003,
 * edfplus.info); details and what the station writes in each field: docs/exports.md ("edf-plus"). Read from the store
 * a block of about a minute at a time: the memory used does not grow with the window's length.
 */
final class EdfPlus {
    static final List<Stream> WAVEFORMS = Arrays.stream(Stream.values()).filter(s -> s.kind() == StreamKind.WAVEFORM).toList();
    static final int DIGITAL_MIN = -32768;
    static final int DIGITAL_MAX = 32767;
    /** Record durations tried, shortest first: the first that holds a whole number of samples of every signal. */
    private static final int[] RECORD_SECONDS = {1, 2, 4, 5, 8, 10, 20, 25, 40, 50};
    /** About a minute of records is read from the store at a time. */
    private static final int BLOCK_SECONDS = 60;
    private static final DateTimeFormatter START_DATE = DateTimeFormatter.ofPattern("dd.MM.yy", Locale.ROOT);
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("HH.mm.ss", Locale.ROOT);
    private static final DateTimeFormatter EDF_PLUS_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT);

    private EdfPlus() {
    }

    /** One signal of the file: a stream, the device that sent it, its sample rate. */
    record Signal(Stream stream, String device, double rateHz) {
        String label() {
            return switch (stream) {
                case ECG_I -> "ECG I";
                case ECG_II -> "ECG II";
                case ECG_III -> "ECG III";
                case PLETH -> "Pleth";
                case CO2 -> "CO2";
                default -> stream.key();
            };
        }

        /** EDF's physical dimension: the UCUM unit in EDF's spelling ("mmHg"), blank for a dimensionless one. */
        String dimension() {
            return switch (stream.unit()) {
                case "mm[Hg]" -> "mmHg";
                case "1" -> "";
                default -> stream.unit();
            };
        }

        /** A physical value as a 16-bit digital value on the stream's accepted range (the EDF header's ranges). */
        short digital(double value) {
            double d = (value - stream.min()) / (stream.max() - stream.min()) * ((double) DIGITAL_MAX - DIGITAL_MIN) + DIGITAL_MIN;
            return (short) Math.max(DIGITAL_MIN, Math.min(DIGITAL_MAX, Math.round(d)));
        }
    }

    /** An annotation: onset in seconds from the file's start, optional duration, text. */
    record Annotation(BigDecimal onset, BigDecimal duration, String text) {
    }

    /**
     * Writes the waveforms of the session's bed with from <= time < to (the start rounded down to a whole second) and the
     * session's events in that window.
     *
     * @throws IllegalArgumentException when the window is empty, or no record duration up to 50 s holds a whole number
     *     of samples of every signal
     */
    static void write(OutputStream out, SessionTrail s, TimeSeriesReader series, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(start)) {
            throw new IllegalArgumentException("an EDF+ file needs a window of some length: " + from + " to " + to);
        }
        DeviceClocks clocks = new DeviceClocks(s.history());
        List<Signal> signals = signals(s.bed(), series, clocks, start, to);
        int recordSeconds = recordSeconds(signals);
        // whole records from the start up to and including the window's end (a session's close is in the file)
        long records = Duration.between(start, to).toNanos() / (recordSeconds * 1_000_000_000L) + 1;
        List<Annotation> annotations = annotations(s, start, start.plusSeconds(records * recordSeconds));
        Map<Long, byte[]> talsByRecord = tals(annotations, recordSeconds, records);
        int annotationBytes = talsByRecord.values().stream().mapToInt(b -> b.length).max().orElse(0);
        annotationBytes = Math.max(annotationBytes + (annotationBytes % 2), 2 * 32);
        try {
            out.write(header(s, signals, start, records, recordSeconds, annotationBytes / 2));
            long blockRecords = Math.max(1, BLOCK_SECONDS / recordSeconds);
            for (long first = 0; first < records; first += blockRecords) {
                long count = Math.min(blockRecords, records - first);
                Instant blockStart = start.plusSeconds(first * recordSeconds);
                Instant blockEnd = blockStart.plusSeconds(count * recordSeconds);
                List<short[]> samples = new ArrayList<>();
                for (Signal sig : signals) {
                    samples.add(block(sig, clocks.waveform(series, s.bed(), sig.stream(), blockStart, blockEnd), blockStart,
                            (int) (count * samplesPerRecord(sig, recordSeconds))));
                }
                for (long r = 0; r < count; r++) {
                    for (int i = 0; i < signals.size(); i++) {
                        int n = samplesPerRecord(signals.get(i), recordSeconds);
                        out.write(littleEndian(samples.get(i), (int) r * n, n));
                    }
                    byte[] annotation = new byte[annotationBytes];
                    byte[] tal = talsByRecord.getOrDefault(first + r, timeKeeping((first + r) * recordSeconds));
                    System.arraycopy(tal, 0, annotation, 0, tal.length);
                    out.write(annotation);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every waveform stream with samples in the window, with its rate (from the spacing of its first samples). */
    static List<Signal> signals(String bed, TimeSeriesReader series, DeviceClocks clocks, Instant from, Instant to) {
        List<Signal> signals = new ArrayList<>();
        for (Stream stream : WAVEFORMS) {
            for (Instant t = from; t.isBefore(to); t = t.plusSeconds(BLOCK_SECONDS)) {
                Instant end = t.plusSeconds(BLOCK_SECONDS).isBefore(to) ? t.plusSeconds(BLOCK_SECONDS) : to;
                List<TimeSeriesReader.StoredValue> values = clocks.waveform(series, bed, stream, t, end);
                double rate = rate(values);
                if (rate > 0) {
                    signals.add(new Signal(stream, values.getFirst().device(), rate));
                    break;
                }
            }
        }
        return signals;
    }

    /**
     * The sample rate of consecutive samples: one second over the most frequent spacing in whole microseconds (the
     * nanosecond digits of a stored time hold its sequence number), to a thousandth of a hertz; 0 when fewer than two.
     */
    static double rate(List<TimeSeriesReader.StoredValue> values) {
        Map<Long, Integer> spacings = new HashMap<>();
        for (int i = 1; i < values.size(); i++) {
            long us = micros(values.get(i).time()) - micros(values.get(i - 1).time());
            if (us > 0) {
                spacings.merge(us, 1, Integer::sum);
            }
        }
        return spacings.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> BigDecimal.valueOf(1_000_000.0 / e.getKey()).setScale(3, RoundingMode.HALF_UP).doubleValue()).orElse(0.0);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    static int recordSeconds(List<Signal> signals) {
        for (int d : RECORD_SECONDS) {
            if (signals.stream().allMatch(s -> Math.abs(s.rateHz() * d - Math.rint(s.rateHz() * d)) < 1e-6)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no EDF record duration up to 50 s holds whole samples of " + signals);
    }

    static int samplesPerRecord(Signal s, int recordSeconds) {
        return (int) Math.rint(s.rateHz() * recordSeconds);
    }

    /** A block's samples of one signal at their places (the nearest sample slot); slots without a sample hold the digital minimum. */
    private static short[] block(Signal sig, List<TimeSeriesReader.StoredValue> values, Instant blockStart, int slots) {
        short[] out = new short[slots];
        Arrays.fill(out, (short) DIGITAL_MIN);
        for (TimeSeriesReader.StoredValue v : values) {
            if (!v.device().equals(sig.device())) {
                continue;
            }
            long slot = Math.round(Duration.between(blockStart, v.time()).toNanos() * sig.rateHz() / 1e9);
            if (slot >= 0 && slot < slots) {
                out[(int) slot] = sig.digital(v.value());
            }
        }
        return out;
    }

    private static byte[] littleEndian(short[] values, int from, int n) {
        byte[] b = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            b[2 * i] = (byte) values[from + i];
            b[2 * i + 1] = (byte) (values[from + i] >> 8);
        }
        return b;
    }

    /** The session's events in the window, in time order: steps, infusion changes, alarms, markers, ratings. */
    static List<Annotation> annotations(SessionTrail s, Instant start, Instant end) {
        List<Annotation> out = new ArrayList<>();
        for (Recorded e : s.history().entries()) {
            String text = switch (e.event()) {
                case TrailEvent.SessionStepped st -> "session: " + words(st.step().getClass().getSimpleName());
                case TrailEvent.InfusionChanged i -> "infusion: " + words(i.change().getClass().getSimpleName());
                case TrailEvent.AlarmChanged a -> "alarm " + a.alarm().kind().name().toLowerCase(Locale.ROOT) + ": "
                        + (a.alarm().message() == null ? a.alarm().alarmId() : a.alarm().message());
                case TrailEvent.MarkerRecorded m -> "marker: " + m.kind().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (m.note() == null || m.note().isBlank() ? "" : " (" + m.note() + ")");
                case TrailEvent.RatingEntered r -> "rating " + r.rating().id() + ": " + (r.rating().shortFormId() == null
                        ? r.rating().instrumentId() : r.rating().shortFormId()) + " at " + r.rating().timePointId()
                        + (r.score().total() == null ? "" : ", total " + r.score().total());
                default -> null;
            };
            Instant at = e.event() instanceof TrailEvent.RatingEntered r ? r.rating().finishedAt() : e.at();
            if (text != null && !at.isBefore(start) && at.isBefore(end)) {
                out.add(new Annotation(seconds(Duration.between(start, at)), null, clean(text)));
            }
        }
        out.sort((a, b) -> a.onset().compareTo(b.onset()));
        return out;
    }

    /** "InfusionStarted" -> "infusion started". */
    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Annotation text without the characters EDF+ uses as separators (0x00, 0x14, 0x15) or any other control character. */
    private static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private static BigDecimal seconds(Duration d) {
        return new BigDecimal(VitalsCsv.seconds(d));
    }

    /** Each record's annotation bytes: its time-keeping TAL, then the TALs of the annotations whose onset falls in it. */
    private static Map<Long, byte[]> tals(List<Annotation> annotations, int recordSeconds, long records) {
        Map<Long, ByteArrayOutputStream> by = new HashMap<>();
        for (Annotation a : annotations) {
            long record = Math.min(records - 1, a.onset().longValue() / recordSeconds);
            ByteArrayOutputStream b = by.computeIfAbsent(record, r -> {
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.writeBytes(timeKeeping(r * recordSeconds));
                return o;
            });
            String tal = "+" + a.onset().toPlainString() + (a.duration() == null ? "" : "\u0015" + a.duration().toPlainString())
                    + "\u0014" + a.text() + "\u0014\u0000";
            b.writeBytes(tal.getBytes(StandardCharsets.UTF_8));
        }
        Map<Long, byte[]> out = new HashMap<>();
        by.forEach((k, v) -> out.put(k, v.toByteArray()));
        return out;
    }

    /** The time-keeping TAL that starts every record's annotations: its onset from the file's start, no text. */
    static byte[] timeKeeping(long onsetSeconds) {
        return ("+" + onsetSeconds + "\u0014\u0014\u0000").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] header(SessionTrail s, List<Signal> signals, Instant start, long records, int recordSeconds,
                                 int annotationSamples) {
        int ns = signals.size() + 1;
        StringBuilder h = new StringBuilder();
        ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
        field(h, "0", 8);
        // EDF+ patient: code, sex, birth date, name (X: not known); the subject code only
        field(h, cut(ascii(s.subjectCode()) + " X X X", 80), 80);
        // EDF+ recording: start date, administration code (the session id), technician (X), equipment (the bed)
        field(h, cut("Startdate " + utc.format(EDF_PLUS_DATE).toUpperCase(Locale.ROOT) + " " + ascii(s.id()) + " X "
                + ascii(s.bed()), 80), 80);
        field(h, utc.format(START_DATE), 8);
        field(h, utc.format(START_TIME), 8);
        field(h, String.valueOf(256 * (ns + 1)), 8);
        field(h, "EDF+C", 44);
        field(h, String.valueOf(records), 8);
        field(h, String.valueOf(recordSeconds), 8);
        field(h, String.valueOf(ns), 4);
        signals.forEach(sig -> field(h, sig.label(), 16));
        field(h, "EDF Annotations", 16);
        signals.forEach(sig -> field(h, ascii(s.bed() + "/" + sig.device()), 80));
        field(h, "", 80);
        signals.forEach(sig -> field(h, sig.dimension(), 8));
        field(h, "", 8);
        signals.forEach(sig -> field(h, number(sig.stream().min()), 8));
        field(h, "-1", 8);
        signals.forEach(sig -> field(h, number(sig.stream().max()), 8));
        field(h, "1", 8);
        signals.forEach(sig -> field(h, String.valueOf(DIGITAL_MIN), 8));
        field(h, String.valueOf(DIGITAL_MIN), 8);
        signals.forEach(sig -> field(h, String.valueOf(DIGITAL_MAX), 8));
        field(h, String.valueOf(DIGITAL_MAX), 8);
        signals.forEach(sig -> field(h, "", 80));
        field(h, "", 80);
        signals.forEach(sig -> field(h, String.valueOf(samplesPerRecord(sig, recordSeconds)), 8));
        field(h, String.valueOf(annotationSamples), 8);
        signals.forEach(sig -> field(h, "", 32));
        field(h, "", 32);
        byte[] bytes = h.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 256 * (ns + 1)) {
            throw new IllegalStateException("EDF header of " + bytes.length + " bytes");
        }
        return bytes;
    }

    private static void field(StringBuilder h, String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException("EDF header field '" + value + "' is longer than " + width + " characters");
        }
        h.append(value).append(" ".repeat(width - value.length()));
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }

    /** Printable US-ASCII without spaces (EDF+ subfields are separated by spaces). */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x21-\\x7e]", "_");
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
