package org.openinfusion.station.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.device.asena.AsenaDecoder;
import org.openinfusion.station.device.asena.Crc16;
import org.openinfusion.station.device.mqtt.DecodeResult;
import org.openinfusion.station.device.mqtt.MqttPayloadDecoder;
import org.openinfusion.station.device.s5.S5Decoder;
import org.openinfusion.station.device.s5.S5Frames;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Rejection;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Fuzzes the four decoders of device data (S/5 DRI, Asena, the SenML numerics pack and the binary
 * waveform chunk of MQTT) with random and mutated inputs. Each input is one of: pure random bytes;
 * random bytes from the protocol's alphabet; valid frames damaged by 1-3 byte mutations (bit flips,
 * truncation, duplication, insertion, checksum damage - for the MQTT payloads, which carry no
 * checksum, damage to one header field or JSON value); or valid frames whose content was mutated and
 * then sealed again with a correct checksum (so that the decoding behind the framing is reached).
 * After every input a known valid frame (the probe) follows - in the same byte stream for the serial
 * decoders, split at random points into up to three reads; in the next message for MQTT, and for a
 * well-formed SenML pack also as its last record - and must be decoded exactly once. Counted: inputs,
 * bytes, problems and rejections by reason, probes recovered, exceptions that escaped a decoder (must
 * be 0), and the time spent inside the decoders.
 * Run with {@code bin/benchmark fuzz [inputs per decoder] [seed]}; a seeded small run is {@code DecoderFuzzTest}.
 */
public final class DecoderFuzz {
    static final String[] MUTATIONS = {"bit flip", "truncation", "duplication", "insertion", "checksum damage"};
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final DeviceRef REF = new DeviceRef("fuzz-01", "dev1");
    private static final int KEPT_ESCAPES = 5;

    private DecoderFuzz() {
    }

    /** What fuzzing one decoder found. */
    public static final class Result {
        final String decoder;
        long inputs;
        long bytes;
        long observations;
        long expected;
        long recovered;
        long escaped;
        long nanos;
        final Map<String, Long> rejected = new TreeMap<>();
        final Map<String, Long> mix = new LinkedHashMap<>();
        final List<String> escapes = new ArrayList<>();
        final List<String> missed = new ArrayList<>();

        Result(String decoder) {
            this.decoder = decoder;
        }

        public String decoder() {
            return decoder;
        }

        public long escaped() {
            return escaped;
        }

        public long expected() {
            return expected;
        }

        public long recovered() {
            return recovered;
        }

        public long inputs() {
            return inputs;
        }

        public Map<String, Long> rejected() {
            return rejected;
        }

        /** Up to five escaped exceptions, each with the input (hex) that caused it. */
        public List<String> escapes() {
            return escapes;
        }

        /** Up to five inputs after which the probe was not recovered (hex). */
        public List<String> missed() {
            return missed;
        }

        void reject(String reason) {
            rejected.merge(reason, 1L, Long::sum);
        }

        void escape(Throwable t, byte[] input) {
            escaped++;
            if (escapes.size() < KEPT_ESCAPES) {
                StackTraceElement[] st = t.getStackTrace();
                escapes.add(t + (st.length > 0 ? " at " + st[0] : "") + " after input " + hex(input));
            }
        }

        void miss(byte[] input) {
            if (missed.size() < KEPT_ESCAPES) {
                missed.add(hex(input));
            }
        }

        boolean clean() {
            return escaped == 0 && recovered == expected;
        }

        void print(PrintStream out) {
            double seconds = nanos / 1e9;
            out.printf(Locale.ROOT, "%-14s inputs %,d, bytes %,d; exceptions escaped %d; valid frames after garbage recovered %,d of %,d; "
                            + "values decoded %,d; %.1f MB/s, %,.0f inputs/s inside the decoder (%.1f s)%n",
                    decoder, inputs, bytes, escaped, recovered, expected, observations, bytes / 1e6 / seconds, inputs / seconds, seconds);
            out.println("    inputs: " + describe(mix));
            out.println("    rejected by reason: " + describe(rejected));
            escapes.forEach(e -> out.println("    ESCAPED: " + e));
            missed.forEach(m -> out.println("    NOT RECOVERED after: " + m));
        }
    }

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        if (inputs < 1) {
            System.err.println("usage: bin/benchmark fuzz [inputs per decoder >= 1, default 1000000] [seed, default 1]");
            System.exit(2);
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "decoder fuzz %s UTC: %,d inputs per decoder, seed %d, %d cores, Java %s, load average %.2f%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime()),
                inputs, seed, os.getAvailableProcessors(), Runtime.version(), os.getSystemLoadAverage());
        boolean clean = true;
        for (Result r : runAll(inputs, seed)) {
            r.print(System.out);
            clean &= r.clean();
        }
        System.out.println(clean ? "no exception escaped; every valid frame after garbage was recovered"
                : "FAILED: an exception escaped a decoder or a valid frame after garbage was lost (see above)");
        System.exit(clean ? 0 : 1);
    }

    /** Fuzzes every decoder with {@code inputs} inputs each. */
    public static List<Result> runAll(int inputs, long seed) {
        return List.of(s5(inputs, seed), asena(inputs, seed + 1), senml(inputs, seed + 2), waveformChunk(inputs, seed + 3));
    }

    // ---- the harness shared by the four decoders ----

    /** One decoder under fuzz: how valid inputs look, how they are damaged, and how an input and its probe are fed. */
    private abstract static class Target {
        final Result result;
        final SplittableRandom r;

        Target(String name, long seed) {
            this.result = new Result(name);
            this.r = new SplittableRandom(seed);
        }

        /** One or more valid frames (or one valid message). */
        abstract byte[] valid();

        /** Random bytes biased to the protocol's special characters. */
        abstract byte[] alphabet();

        /** A valid input whose content was mutated, then given a correct checksum again (or a damaged field for MQTT). */
        abstract byte[] resealed();

        /** Damages the checksum (or, for MQTT payloads, one field). */
        abstract byte[] damageChecksum(byte[] b);

        /** Byte a mutation inserts: sometimes one of the protocol's special bytes. */
        abstract int special();

        /** Decodes {@code input} then probe number {@code k}, counting the probes expected and recovered. */
        abstract void feed(byte[] input, int k);

        void run(int inputs) {
            for (int k = 0; k < inputs; k++) {
                byte[] input = next();
                result.inputs++;
                feed(input, k);
            }
        }

        private byte[] next() {
            int kind = r.nextInt(10);
            if (kind == 0) {
                count("pure random");
                return randomBytes(r.nextInt(2048));
            }
            if (kind == 1) {
                count("random from the protocol's alphabet");
                return alphabet();
            }
            if (kind <= 3) {
                count("content mutated, checksum resealed");
                return resealed();
            }
            count("valid frames with byte mutations");
            byte[] b = valid();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                b = mutate(b);
            }
            return b;
        }

        byte[] randomBytes(int n) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }

        void count(String what) {
            result.mix.merge(what, 1L, Long::sum);
        }

        private byte[] mutate(byte[] b) {
            int m = r.nextInt(MUTATIONS.length);
            count(MUTATIONS[m]);
            if (b.length == 0) {
                return new byte[] {(byte) special()};
            }
            return switch (m) {
                case 0 -> {
                    byte[] c = b.clone();
                    for (int i = 1 + r.nextInt(8); i > 0; i--) {
                        c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                    yield c;
                }
                case 1 -> r.nextBoolean() ? Arrays.copyOf(b, r.nextInt(b.length)) : Arrays.copyOfRange(b, r.nextInt(b.length), b.length);
                case 2 -> {
                    int from = r.nextInt(b.length);
                    int to = from + 1 + r.nextInt(b.length - from);
                    yield splice(b, to, Arrays.copyOfRange(b, from, to));
                }
                case 3 -> {
                    byte[] ins = new byte[1 + r.nextInt(16)];
                    for (int i = 0; i < ins.length; i++) {
                        ins[i] = (byte) (r.nextInt(3) == 0 ? special() : r.nextInt(256));
                    }
                    yield splice(b, r.nextInt(b.length + 1), ins);
                }
                default -> damageChecksum(b);
            };
        }

        /** Times {@code call} as decoding work and turns any escaping throwable into a counted escape. */
        boolean timed(byte[] input, Runnable call) {
            long t0 = System.nanoTime();
            try {
                call.run();
                return true;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                result.escape(e, input);
                return false;
            } finally {
                result.nanos += System.nanoTime() - t0;
            }
        }

        void recovered(boolean ok, byte[] input) {
            result.expected++;
            if (ok) {
                result.recovered++;
            } else {
                result.miss(input);
            }
        }
    }

    /** A serial decoder: input and probe form one byte stream, read in up to three pieces. */
    private abstract static class StreamTarget extends Target implements SessionOutput {
        final List<Observation> seen = new ArrayList<>();

        StreamTarget(String name, long seed) {
            super(name, seed);
        }

        abstract byte[] probe(int k);

        abstract boolean isProbe(Observation o, int k);

        abstract void decode(byte[] b, int off, int len, Instant now);

        abstract void newDecoder();

        @Override
        void feed(byte[] input, int k) {
            byte[] all = concat(input, probe(k));
            result.bytes += all.length;
            seen.clear();
            Instant now = BASE.plusMillis(k);
            int a = r.nextInt(all.length + 1);
            int b = a + r.nextInt(all.length - a + 1);
            boolean ok = timed(input, () -> {
                decode(all, 0, a, now);
                decode(all, a, b - a, now);
                decode(all, b, all.length - b, now);
            });
            if (!ok) {
                newDecoder();
            }
            result.observations += seen.stream().mapToLong(Observation::valueCount).sum();
            recovered(ok && seen.stream().filter(o -> isProbe(o, k)).count() == 1, input);
        }

        @Override
        public void observation(Observation o) {
            seen.add(o);
        }

        @Override
        public void send(byte[] bytes) {
        }

        @Override
        public void problem(Problem kind, String detail) {
            result.reject(kind.name());
        }
    }

    // ---- S/5 DRI ----

    static Result s5(int inputs, long seed) {
        S5Target t = new S5Target(seed);
        t.run(inputs);
        return t.result;
    }

    private static final class S5Target extends StreamTarget {
        private static final int[] WAVES = {1, 2, 8, 9};
        private static final int PROBE_WAVE = 3;
        private S5Decoder decoder = new S5Decoder(REF);

        S5Target(long seed) {
            super("S/5 DRI", seed);
        }

        @Override
        void newDecoder() {
            decoder = new S5Decoder(REF);
        }

        @Override
        void decode(byte[] b, int off, int len, Instant now) {
            decoder.decode(b, off, len, now, this);
        }

        private byte[] record() {
            long time = BASE.getEpochSecond() + r.nextInt(100_000);
            return switch (r.nextInt(6)) {
                case 0 -> phdb(time);
                case 1 -> DecoderBenchmark.record(4, time, new int[] {1}, new byte[][] {randomBytes(20 + r.nextInt(200))});
                default -> {
                    int n = 1 + r.nextInt(WAVES.length);
                    int[] types = new int[n];
                    byte[][] data = new byte[n][];
                    for (int i = 0; i < n; i++) {
                        types[i] = WAVES[(i + r.nextInt(2)) % WAVES.length];
                        data[i] = samples(1 + r.nextInt(60), types[i] == 9 ? 0 : -1500, 1500, -1);
                    }
                    yield DecoderBenchmark.record(1, time, types, data);
                }
            };
        }

        private byte[] phdb(long time) {
            ByteBuffer p = ByteBuffer.allocate(278).order(ByteOrder.LITTLE_ENDIAN);
            p.putInt((int) time);
            int[] offsets = {6, 78, 80, 82, 124, 126, 138, 142, 144};
            int[] lo = {30, 8000, 4000, 6000, 8000, 30, 300, 5, 7000};
            int[] hi = {200, 20000, 12000, 15000, 10000, 200, 700, 40, 7800};
            for (int i = 0; i < offsets.length; i++) {
                int v = r.nextInt(12) == 0 ? -32767 + r.nextInt(6) : lo[i] + r.nextInt(hi[i] - lo[i]);
                p.putShort(4 + offsets[i], (short) v);
            }
            return DecoderBenchmark.record(0, time, new int[] {1}, new byte[][] {p.array()});
        }

        /** A wave subrecord: {act_len, status, reserved} then samples in [lo, hi), or seeded from {@code k} when k >= 0. */
        private byte[] samples(int n, int lo, int hi, int k) {
            ByteBuffer b = ByteBuffer.allocate(6 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) n).putShort((short) 0).putShort((short) 0);
            for (int i = 0; i < n; i++) {
                b.putShort((short) (k >= 0 ? ((k * 7919L + i * 104_729L) % 3000) - 1500 : lo + r.nextInt(hi - lo)));
            }
            return b.array();
        }

        @Override
        byte[] valid() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                out.writeBytes(S5Frames.frame(record()));
            }
            return out.toByteArray();
        }

        @Override
        byte[] alphabet() {
            byte[] b = new byte[r.nextInt(2048)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextInt(4) == 0 ? special() : r.nextInt(256));
            }
            return b;
        }

        @Override
        int special() {
            return switch (r.nextInt(5)) {
                case 0, 1 -> S5Frames.FLAG;
                case 2 -> S5Frames.ESCAPE;
                case 3 -> 0x5E;
                default -> 0x5D;
            };
        }

        @Override
        byte[] resealed() {
            byte[] rec = record();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                rec = switch (rec.length < 42 ? 3 : r.nextInt(6)) {
                    case 0 -> {
                        rec[r.nextInt(rec.length)] = (byte) r.nextInt(256);
                        yield rec;
                    }
                    case 1 -> { // a header field: r_len, maintype, a subrecord offset or type
                        int[] fields = {0, 14, 16, 18, 19, 21, 22};
                        int at = fields[r.nextInt(fields.length)];
                        int v = switch (r.nextInt(4)) {
                            case 0 -> 0xFFFF;
                            case 1 -> 0x8000;
                            case 2 -> rec.length + r.nextInt(3) - 1;
                            default -> r.nextInt(65536);
                        };
                        rec[at] = (byte) v;
                        if (at != 18 && at != 21) {
                            rec[at + 1] = (byte) (v >> 8);
                        }
                        yield rec;
                    }
                    case 2 -> { // act_len of the first subrecord
                        int v = r.nextBoolean() ? 0xFFFF : r.nextInt(2000);
                        rec[40] = (byte) v;
                        rec[41] = (byte) (v >> 8);
                        yield rec;
                    }
                    case 3 -> Arrays.copyOf(rec, Math.max(1, r.nextInt(rec.length + 40)));
                    case 4 -> { // keep r_len consistent with a changed length
                        byte[] c = Arrays.copyOf(rec, Math.max(2, Math.min(S5Frames.MAX_RECORD + 20, r.nextInt(rec.length * 2 + 2))));
                        c[0] = (byte) c.length;
                        c[1] = (byte) (c.length >> 8);
                        yield c;
                    }
                    default -> { // samples become sentinels or out of range
                        for (int j = 46; j + 1 < rec.length; j += 2 + 2 * r.nextInt(20)) {
                            int v = r.nextBoolean() ? -32767 + r.nextInt(8) : r.nextInt(65536);
                            rec[j] = (byte) v;
                            rec[j + 1] = (byte) (v >> 8);
                        }
                        yield rec;
                    }
                };
            }
            return S5Frames.frame(rec);
        }

        @Override
        byte[] damageChecksum(byte[] b) {
            // the checksum byte is the one before the last flag (or its escape)
            int end = b.length - 1;
            while (end > 0 && (b[end] & 0xFF) != S5Frames.FLAG) {
                end--;
            }
            byte[] c = b.clone();
            if (end >= 1) {
                c[end - 1] ^= (byte) (1 + r.nextInt(255));
            }
            return c;
        }

        @Override
        byte[] probe(int k) {
            return S5Frames.frame(DecoderBenchmark.record(1, BASE.getEpochSecond() + k / 10, new int[] {PROBE_WAVE},
                    new byte[][] {samples(16, 0, 0, k)}));
        }

        @Override
        boolean isProbe(Observation o, int k) {
            if (!(o instanceof WaveformChunk c) || c.stream() != Stream.ECG_III || c.valueCount() != 16) {
                return false;
            }
            for (int i = 0; i < 16; i++) {
                if (c.sample(i) != (float) ((((k * 7919L + i * 104_729L) % 3000) - 1500) * 0.01)) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---- Asena ----

    static Result asena(int inputs, long seed) {
        AsenaTarget t = new AsenaTarget(seed);
        t.run(inputs);
        return t.result;
    }

    private static final class AsenaTarget extends StreamTarget {
        private static final String[] MODES = {"INFUSING", "PAUSED", "STOPPED", "KVO", "STANDBY", "BOLUS", "SETUP", "WEIRD"};
        private static final String[] ALARMS = {"NO_ALARM", "OCCLUSION", "AIR_IN_LINE", "NEAR_END", "END_OF_INFUSION", "BATTERY", "DOOR", "0"};
        private static final String[] EXTREMES = {"", " ", "-1", "-0", "0", "1e308", "-1e308", "NaN", "Infinity", "-Infinity", "0x1F",
            "99999999999999999999", "9999999999999:00", "99999999999999999:59:59", "1:99999999999999999", "2562047788015:00",
            "153722867280912931", ":", "::", "1:2:3:4", "+5", "1,5", "\u0000", "ml/h", "ML/MIN", "ml", "MMHG", "^", "|", "!"};
        private AsenaDecoder decoder = new AsenaDecoder(REF);

        AsenaTarget(long seed) {
            super("Asena", seed);
        }

        @Override
        void newDecoder() {
            decoder = new AsenaDecoder(REF);
        }

        @Override
        void decode(byte[] b, int off, int len, Instant now) {
            decoder.decode(b, off, len, now, this);
        }

        private String body() {
            return switch (r.nextInt(5)) {
                case 0 -> "ALARM^" + ALARMS[r.nextInt(ALARMS.length)];
                case 1 -> r.nextBoolean() ? "INST_SERIALNO^" + r.nextInt(1_000_000) : "COMMS_PROTOCOL^1^1";
                default -> inf(String.format(Locale.ROOT, "%.1f", r.nextInt(10_000) / 10.0));
            };
        }

        private String inf(String rate) {
            String remaining = r.nextBoolean() ? (r.nextInt(24) + ":" + String.format(Locale.ROOT, "%02d", r.nextInt(60)))
                    : String.valueOf(r.nextInt(3000));
            return String.join("^", "INF", "SN" + r.nextInt(100_000), ALARMS[r.nextInt(ALARMS.length)], MODES[r.nextInt(MODES.length)],
                    rate, "ml/h", "x", String.format(Locale.ROOT, "%.3f", r.nextInt(100_000) / 1000.0), "ml",
                    String.valueOf(r.nextInt(300)), "mmHg", remaining, "LOG", String.valueOf(r.nextInt(100)));
        }

        private static byte[] frame(String body) {
            return ("!" + body + "|" + Crc16.hex(Crc16.of(body)) + "\r").getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        byte[] valid() {
            StringBuilder s = new StringBuilder();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                s.append(new String(frame(body()), StandardCharsets.ISO_8859_1)).append(r.nextInt(4) == 0 ? "\n" : "");
            }
            return s.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        byte[] alphabet() {
            String chars = "!|^\r\n0123456789ABCDEF.:-INFALRMml/h ";
            byte[] b = new byte[r.nextInt(1024)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextInt(20) == 0 ? r.nextInt(256) : chars.charAt(r.nextInt(chars.length())));
            }
            return b;
        }

        @Override
        int special() {
            return "!|^\r\n".charAt(r.nextInt(5));
        }

        @Override
        byte[] resealed() {
            List<String> f = new ArrayList<>(Arrays.asList(body().split("\\^", -1)));
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                int at = r.nextInt(f.size());
                switch (r.nextInt(5)) {
                    case 0, 1 -> f.set(at, EXTREMES[r.nextInt(EXTREMES.length)]);
                    case 2 -> {
                        if (f.size() > 1) {
                            f.remove(at);
                        }
                    }
                    case 3 -> f.add(at, EXTREMES[r.nextInt(EXTREMES.length)]);
                    default -> f.set(at, randomPrintable(r.nextInt(r.nextInt(10) == 0 ? 1200 : 12)));
                }
            }
            return frame(String.join("^", f));
        }

        private String randomPrintable(int n) {
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append((char) (0x20 + r.nextInt(0x5F)));
            }
            return s.toString();
        }

        @Override
        byte[] damageChecksum(byte[] b) {
            int bar = -1;
            for (int i = b.length - 1; i >= 0 && bar < 0; i--) {
                bar = b[i] == '|' ? i : -1;
            }
            byte[] c = b.clone();
            if (bar >= 0 && bar + 1 < c.length) {
                int at = bar + 1 + r.nextInt(Math.min(4, c.length - bar - 1));
                c[at] = (byte) "0123456789ABCDEFabcdefG+- ".charAt(r.nextInt(26));
            }
            return c;
        }

        /** Probe k: an INF response whose rate (1000.000 - 1199.999 mL/h) no other input uses. */
        private static String probeRate(int k) {
            return String.format(Locale.ROOT, "%.3f", 1000 + (k % 200_000) / 1000.0);
        }

        @Override
        byte[] probe(int k) {
            return frame(String.join("^", "INF", "SN1", "NO_ALARM", "INFUSING", probeRate(k), "ml/h", "x", "1.250", "ml", "12", "mmHg",
                    "01:30", "LOG", "42"));
        }

        @Override
        boolean isProbe(Observation o, int k) {
            return o instanceof NumericSample n && n.stream() == Stream.PUMP_RATE && n.value() == Double.parseDouble(probeRate(k));
        }
    }

    // ---- MQTT: SenML numerics and the binary waveform chunk ----

    /** An MQTT payload decoder: each input is one message, the probe the next one. */
    private abstract static class MessageTarget extends Target {
        final MqttPayloadDecoder decoder = new MqttPayloadDecoder("station/v1", 256 * 1024);

        MessageTarget(String name, long seed) {
            super(name, seed);
        }

        DecodeResult decode(String topic, byte[] payload, Instant received) {
            DecodeResult[] out = new DecodeResult[1];
            result.bytes += payload.length;
            if (!timed(payload, () -> out[0] = decoder.decode(topic, payload, received))) {
                return null;
            }
            out[0].rejections().stream().map(Rejection::reason).forEach(reason -> result.reject(reason.name()));
            result.observations += out[0].observations().stream().mapToLong(Observation::valueCount).sum();
            return out[0];
        }
    }

    static Result senml(int inputs, long seed) {
        SenmlTarget t = new SenmlTarget(seed);
        t.run(inputs);
        return t.result;
    }

    private static final class SenmlTarget extends MessageTarget {
        private static final String TOPIC = "station/v1/beds/fuzz-01/devices/dev1/numerics";
        private static final String[][] STREAMS = {{"hr", "/min", "72"}, {"spo2", "%", "97.5"}, {"pr", "/min", "71"},
            {"etco2", "mm[Hg]", "38.2"}, {"rr", "/min", "14"}, {"nibp_sys", "mm[Hg]", "124"}, {"pump_rate", "mL/h", "12.5"},
            {"pump_state", null, "\"infusing\""}, {"pump_alarm", null, "\"none\""}};
        private static final String[] EXTREMES = {"1e300", "-1e300", "1e19", "-1", "0", "0.5", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "NaN", "Infinity", "-Infinity", "null", "true", "\"\"", "\"72\"", "[]", "{}", "[[[[1]]]]",
            "{\"v\":1}", "268435455", "268435456", "1e-300", "4102444800", "99999999999999999999999999999999", "\"infusing\"",
            "\"hr\"", "\"mm[Hg]\""};
        private static final String[] KEYS = {"bn", "bt", "bu", "bver", "n", "t", "u", "v", "vs", "vb", "vd", "seq", "s", "ut", "x"};
        private long seq;
        private Instant received = BASE;

        SenmlTarget(long seed) {
            super("SenML (MQTT)", seed);
        }

        private double now() {
            return received.toEpochMilli() / 1000.0;
        }

        private String record(boolean first) {
            String[] s = STREAMS[r.nextInt(STREAMS.length)];
            StringBuilder b = new StringBuilder("{");
            if (first) {
                b.append("\"bt\":").append(now() - r.nextInt(5)).append(',');
            } else if (r.nextInt(3) == 0) {
                b.append("\"t\":").append(-r.nextInt(5)).append(',');
            }
            b.append("\"n\":\"").append(s[0]).append('"');
            if (s[1] != null && r.nextBoolean()) {
                b.append(",\"u\":\"").append(s[1]).append('"');
            }
            b.append(s[1] == null ? ",\"vs\":" : ",\"v\":").append(s[2]).append(",\"seq\":").append(seq++).append('}');
            return b.toString();
        }

        private List<String> records() {
            List<String> out = new ArrayList<>();
            for (int i = 1 + r.nextInt(6); i > 0; i--) {
                out.add(record(out.isEmpty()));
            }
            return out;
        }

        private static byte[] pack(List<String> records) {
            return ("[" + String.join(",", records) + "]").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        byte[] valid() {
            return pack(records());
        }

        @Override
        byte[] alphabet() {
            String[] tokens = {"[", "]", "{", "}", ",", ":", "\"", "\"n\"", "\"v\"", "\"t\"", "\"bt\"", "\"seq\"", "\"hr\"", "1", "-", ".", "e",
                "1763800000", "null", "true", " ", "\\", "\\u0000", "NaN"};
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(300); i > 0; i--) {
                s.append(tokens[r.nextInt(tokens.length)]);
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        int special() {
            return "[]{},:\"\\".charAt(r.nextInt(8));
        }

        /** A well-formed pack of records with damaged fields (types, extremes, unknown names and units, base fields). */
        @Override
        byte[] resealed() {
            return pack(garbageRecords());
        }

        private List<String> garbageRecords() {
            List<String> out = records();
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
                int at = r.nextInt(out.size());
                out.set(at, switch (r.nextInt(4)) {
                    case 0 -> EXTREMES[r.nextInt(EXTREMES.length)];
                    case 1 -> randomObject();
                    default -> setField(out.get(at), KEYS[r.nextInt(KEYS.length)], EXTREMES[r.nextInt(EXTREMES.length)]);
                });
            }
            return out;
        }

        private String randomObject() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                fields.put(KEYS[r.nextInt(KEYS.length)], EXTREMES[r.nextInt(EXTREMES.length)]);
            }
            StringBuilder b = new StringBuilder("{");
            fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return b.append('}').toString();
        }

        /** Sets (or adds) {@code key} in a flat JSON object written by {@link #record}. */
        private String setField(String object, String key, String value) {
            if (!object.startsWith("{")) {
                return randomObject();
            }
            String quoted = "\"" + key + "\":";
            int at = object.indexOf(quoted);
            if (at < 0) {
                return "{" + quoted + value + (object.length() > 2 ? "," : "") + object.substring(1);
            }
            int end = at + quoted.length();
            int depth = 0;
            boolean inString = false;
            for (; end < object.length(); end++) {
                char c = object.charAt(end);
                if (c == '"') {
                    inString = !inString;
                } else if (!inString && (c == '[' || c == '{')) {
                    depth++;
                } else if (!inString && (c == ']' || c == '}')) {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (!inString && c == ',' && depth == 0) {
                    break;
                }
            }
            return object.substring(0, at) + quoted + value + object.substring(end);
        }

        @Override
        byte[] damageChecksum(byte[] b) {
            // no checksum in JSON: one value replaced with an extreme
            String s = new String(b, StandardCharsets.UTF_8);
            int colon = s.indexOf(':', r.nextInt(Math.max(1, s.length())));
            if (colon < 0) {
                return b;
            }
            int end = colon + 1;
            while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                end++;
            }
            return (s.substring(0, colon + 1) + EXTREMES[r.nextInt(EXTREMES.length)] + s.substring(end)).getBytes(StandardCharsets.UTF_8);
        }

        /** A record that stands on its own whatever base values came before it, with the probe's value and seq. */
        private String probeRecord(long probeSeq) {
            return "{\"bn\":\"\",\"bt\":0,\"n\":\"hr\",\"u\":\"/min\",\"t\":" + (now() - 0.5) + ",\"v\":" + (30 + probeSeq % 200)
                    + ",\"seq\":" + probeSeq + "}";
        }

        private boolean hasProbe(DecodeResult d, long probeSeq) {
            return d != null && d.observations().stream().filter(o -> o instanceof NumericSample n && n.stream() == Stream.HR
                    && n.seq() == probeSeq && n.value() == 30 + probeSeq % 200).count() == 1;
        }

        @Override
        void feed(byte[] input, int k) {
            received = BASE.plusMillis(10L * k);
            long probeSeq = 1L << 40 | k;
            // a well-formed pack of damaged records: a valid record at its end is decoded
            if (r.nextInt(4) == 0) {
                count("pack of damaged records with a valid last record");
                List<String> records = garbageRecords();
                records.add(probeRecord(probeSeq));
                byte[] pack = pack(records);
                recovered(hasProbe(decode(TOPIC, pack, received), probeSeq), pack);
            }
            decode(TOPIC, input, received);
            byte[] probe = pack(List.of(probeRecord(probeSeq + (1L << 41))));
            recovered(hasProbe(decode(TOPIC, probe, received), probeSeq + (1L << 41)), input);
        }
    }

    static Result waveformChunk(int inputs, long seed) {
        ChunkTarget t = new ChunkTarget(seed);
        t.run(inputs);
        return t.result;
    }

    private static final class ChunkTarget extends MessageTarget {
        private static final String[] STREAMS = {"ecg_i", "ecg_ii", "ecg_iii", "pleth", "co2"};
        private static final int[] RATES_MILLI_HZ = {500_000, 125_000, 62_500, 300_000, 100_000, 25_000};
        private static final long[] EXTREME_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1, 9_223_372_036_854_775L,
            9_223_372_036_854_776L, -9_223_372_036_854_776L, 4_102_444_800_000_000L};
        private static final float[] EXTREME_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
            -Float.MAX_VALUE, 20.000002f, -20.000002f, 150.1f, -10.1f, 1000.1f, Float.MIN_VALUE, -0f};
        private String topic = "station/v1/beds/fuzz-01/devices/dev1/waveforms/ecg_ii";
        private Instant received = BASE;

        ChunkTarget(long seed) {
            super("waveform chunk", seed);
        }

        private byte[] chunk(int count, long seq) {
            ByteBuffer b = ByteBuffer.allocate(24 + 4 * count).order(ByteOrder.BIG_ENDIAN);
            long micros = received.toEpochMilli() * 1000 - 256_000;
            b.put((byte) 1).put((byte) 1).putShort((short) count).putInt(RATES_MILLI_HZ[r.nextInt(RATES_MILLI_HZ.length)])
                    .putLong(micros).putLong(seq);
            for (int i = 0; i < count; i++) {
                b.putFloat((float) (r.nextDouble() * 9 - 4.5));
            }
            return b.array();
        }

        @Override
        byte[] valid() {
            topic = "station/v1/beds/fuzz-01/devices/dev1/waveforms/" + STREAMS[r.nextInt(STREAMS.length)];
            return chunk(1 + r.nextInt(256), r.nextLong(1L << 40));
        }

        @Override
        byte[] alphabet() {
            // a plausible header followed by random bytes
            byte[] b = new byte[r.nextInt(24, 1200)];
            r.nextBytes(b);
            b[0] = 1;
            b[1] = 1;
            return b;
        }

        @Override
        int special() {
            return new int[] {0, 1, 0xFF, 0x7F, 0x80}[r.nextInt(5)];
        }

        @Override
        byte[] resealed() {
            byte[] b = valid();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                b = damageChecksum(b);
            }
            return b;
        }

        /** No checksum in the chunk: one header field or sample set to an extreme. */
        @Override
        byte[] damageChecksum(byte[] b) {
            if (b.length < 24) {
                return b;
            }
            byte[] c = b.clone();
            ByteBuffer h = ByteBuffer.wrap(c).order(ByteOrder.BIG_ENDIAN);
            switch (r.nextInt(7)) {
                case 0 -> h.put(r.nextBoolean() ? 0 : 1, (byte) r.nextInt(256));
                case 1 -> h.putShort(2, (short) new int[] {0, 1, 4096, 4097, 65535, (c.length - 24) / 4 + 1, r.nextInt(65536)}[r.nextInt(7)]);
                case 2 -> h.putInt(4, new int[] {0, 999, 1000, 2_000_000, 2_000_001, -1, Integer.MIN_VALUE, r.nextInt()}[r.nextInt(8)]);
                case 3 -> h.putLong(8, EXTREME_LONGS[r.nextInt(EXTREME_LONGS.length)]);
                case 4 -> h.putLong(16, EXTREME_LONGS[r.nextInt(EXTREME_LONGS.length)]);
                default -> {
                    if (c.length >= 28) {
                        h.putFloat(24 + 4 * r.nextInt((c.length - 24) / 4), EXTREME_FLOATS[r.nextInt(EXTREME_FLOATS.length)]);
                    }
                }
            }
            return c;
        }

        @Override
        void feed(byte[] input, int k) {
            received = BASE.plusMillis(10L * k);
            decode(topic, input, received);
            long probeSeq = 1L << 41 | k;
            byte[] probe = chunk(8, probeSeq);
            DecodeResult d = decode("station/v1/beds/fuzz-01/devices/dev1/waveforms/pleth", probe, received);
            recovered(d != null && d.observations().size() == 1 && d.observations().getFirst() instanceof WaveformChunk c
                    && c.seq() == probeSeq && c.valueCount() == 8, input);
        }
    }

    // ---- bytes ----

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] splice(byte[] b, int at, byte[] ins) {
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at, c, at + ins.length, b.length - at);
        return c;
    }

    private static String hex(byte[] b) {
        return b.length <= 300 ? HexFormat.of().formatHex(b) : HexFormat.of().formatHex(b, 0, 300) + "... (" + b.length + " bytes)";
    }

    private static String describe(Map<String, Long> m) {
        if (m.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %,d", k, v)));
        return String.join(", ", parts);
    }
}
