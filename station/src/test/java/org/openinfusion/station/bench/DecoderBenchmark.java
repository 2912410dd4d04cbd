package org.openinfusion.station.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.device.asena.AsenaDecoder;
import org.openinfusion.station.device.asena.Crc16;
import org.openinfusion.station.device.s5.S5Decoder;
import org.openinfusion.station.device.s5.S5Frames;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Observation;

/**
 * Decoder throughput on one core against each protocol's line rate (target: at least 100 x).
 * S/5: a realistic stream of waveform records (ECG1 + pleth + CO2) with a displayed-values record
 * every 5 s; Asena: INF and ALARM responses. Run: {@code java -cp ... DecoderBenchmark [seconds]}.
 */
public final class DecoderBenchmark {
    private static final double S5_LINE = 19200 / 11.0;
    private static final double ASENA_LINE = 38400 / 10.0;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] s5 = s5Stream();
        byte[] asena = asenaStream();
        report("S/5 DRI", S5_LINE, measure(s5, seconds, true));
        report("Asena", ASENA_LINE, measure(asena, seconds, false));
    }

    private static void report(String name, double lineRate, double bytesPerSecond) {
        System.out.printf("%-8s decoder: %,.0f B/s per core; line %,.0f B/s; %,.0f x line rate (target >= 100 x)%n",
                name, bytesPerSecond, lineRate, bytesPerSecond / lineRate);
    }

    private static double measure(byte[] stream, double seconds, boolean s5) {
        DeviceRef ref = new DeviceRef("bench", "dev");
        long[] values = new long[2];
        SessionOutput sink = new SessionOutput() {
            @Override
            public void observation(Observation o) {
                values[0] += o.valueCount();
            }

            @Override
            public void send(byte[] bytes) {
            }

            @Override
            public void problem(Problem kind, String detail) {
                values[1]++;
            }
        };
        S5Decoder s5d = new S5Decoder(ref);
        AsenaDecoder ad = new AsenaDecoder(ref);
        Instant base = Instant.now();
        long bytes = 0;
        long start = System.nanoTime();
        long warmupEnd = start + 1_000_000_000L;
        long end = warmupEnd + (long) (seconds * 1e9);
        long measuredFrom = 0;
        long measuredBytes = 0;
        int i = 0;
        while (true) {
            long now = System.nanoTime();
            if (now > end) {
                break;
            }
            if (measuredFrom == 0 && now > warmupEnd) {
                measuredFrom = now;
                measuredBytes = bytes;
            }
            Instant t = base.plusMillis(i++);
            if (s5) {
                s5d.decode(stream, 0, stream.length, t, sink);
            } else {
                ad.decode(stream, 0, stream.length, t, sink);
            }
            bytes += stream.length;
        }
        if (values[0] == 0 || values[1] > 0) {
            throw new IllegalStateException("the benchmark stream did not decode cleanly: " + values[0] + " values, " + values[1] + " problems");
        }
        return (bytes - measuredBytes) / ((System.nanoTime() - measuredFrom) / 1e9);
    }

    /** 5 s of S/5 output: waveform records every 100 ms (30 ECG, 10 pleth, 2-3 CO2 samples) plus one numerics record. */
    private static byte[] s5Stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t = Instant.now().getEpochSecond();
        for (int r = 0; r < 50; r++) {
            byte[] ecg = wave(30, r);
            byte[] pleth = wave(10, r);
            byte[] co2 = wave(r % 2 == 0 ? 3 : 2, r);
            out.writeBytes(S5Frames.frame(record(1, t + r / 10, new int[] {1, 8, 9}, new byte[][] {ecg, pleth, co2})));
        }
        ByteBuffer p = ByteBuffer.allocate(278).order(ByteOrder.LITTLE_ENDIAN);
        p.putInt((int) t);
        p.putShort(4 + 6, (short) 72).putShort(4 + 124, (short) 9800).putShort(4 + 126, (short) 72)
                .putShort(4 + 138, (short) 500).putShort(4 + 142, (short) 14).putShort(4 + 144, (short) 7600);
        out.writeBytes(S5Frames.frame(record(0, t, new int[] {1}, new byte[][] {p.array()})));
        return out.toByteArray();
    }

    static byte[] wave(int n, int seed) {
        ByteBuffer b = ByteBuffer.allocate(6 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) n).putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < n; i++) {
            b.putShort((short) ((seed * 37 + i * 11) % 200));
        }
        return b.array();
    }

    /** A DRI record (DRI level 9) with the given subrecords laid out back to back. */
    static byte[] record(int mainType, long time, int[] types, byte[][] data) {
        int len = 40;
        for (byte[] d : data) {
            len += d.length;
        }
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) len).put((byte) 0).put((byte) 9).putShort((short) 0).putInt((int) time).putInt(0).putShort((short) mainType);
        int off = 0;
        for (int i = 0; i < 8; i++) {
            b.putShort((short) (i < types.length ? off : 0)).put((byte) (i < types.length ? types[i] : 0xFF));
            off += i < types.length ? data[i].length : 0;
        }
        for (byte[] d : data) {
            b.put(d);
        }
        return b.array();
    }

    private static byte[] asenaStream() {
        StringBuilder s = new StringBuilder();
        for (String body : new String[] {"INF^1234567^NO_ALARM^INFUSING^2.500^ml/h^x^1.250^ml^12^mmHg^01:30^LOG^42", "ALARM^NONE"}) {
            s.append('!').append(body).append('|').append(Crc16.hex(Crc16.of(body))).append('\r');
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
