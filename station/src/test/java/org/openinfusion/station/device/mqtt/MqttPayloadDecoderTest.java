package org.openinfusion.station.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

class MqttPayloadDecoderTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String NUMERICS = "station/v1/beds/bed-01/devices/monitor/numerics";
    private static final String ECG = "station/v1/beds/bed-01/devices/monitor/waveforms/ecg_ii";
    private static final long T = NOW.getEpochSecond() - 1;

    private final MqttPayloadDecoder decoder = new MqttPayloadDecoder("station/v1", 65536);

    private DecodeResult numerics(String json) {
        return decoder.decode(NUMERICS, json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static RejectReason onlyReason(DecodeResult r) {
        assertEquals(1, r.rejections().size(), () -> "rejections: " + r.rejections());
        return r.rejections().getFirst().reason();
    }

    static byte[] chunk(int version, int encoding, int count, long rateMilliHz, long firstMicros, long seq, float... samples) {
        ByteBuffer b = ByteBuffer.allocate(24 + 4 * samples.length);
        b.put((byte) version).put((byte) encoding).putShort((short) count).putInt((int) rateMilliHz)
                .putLong(firstMicros).putLong(seq);
        for (float s : samples) {
            b.putFloat(s);
        }
        return b.array();
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    @Test
    void senmlPackWithBaseTimeYieldsNumericSamplesWithAbsoluteTimes() {
        // given a pack with a base time and a relative NIBP time
        DecodeResult r = numerics("[{\"bt\":" + T + ",\"n\":\"hr\",\"u\":\"/min\",\"v\":72,\"seq\":7},"
                + "{\"n\":\"nibp_sys\",\"t\":-2,\"v\":124,\"seq\":3}]");
        // then both are accepted with the right values and times
        assertEquals(List.of(), r.rejections());
        NumericSample hr = (NumericSample) r.observations().get(0);
        NumericSample sys = (NumericSample) r.observations().get(1);
        assertEquals(new DeviceRef("bed-01", "monitor"), hr.source());
        assertEquals(Stream.HR, hr.stream());
        assertEquals(72, hr.value());
        assertEquals(7, hr.seq());
        assertEquals(NOW.minusSeconds(1), hr.deviceTime());
        assertEquals(NOW, hr.receiveTime());
        assertEquals(NOW.minusSeconds(3), sys.deviceTime());
    }

    @Test
    void fractionalTimesKeepMicroseconds() {
        DecodeResult r = numerics("[{\"n\":\"spo2\",\"t\":" + T + ".123456,\"v\":98,\"seq\":1}]");
        assertEquals(NOW.minusSeconds(1).plusNanos(123_456_000), r.observations().getFirst().deviceTime());
    }

    @Test
    void pumpStateTravelsAsAStringValue() {
        DecodeResult r = decoder.decode("station/v1/beds/bed-01/devices/pump/numerics",
                ("[{\"bt\":" + T + ",\"n\":\"pump_state\",\"vs\":\"infusing\",\"seq\":0},"
                        + "{\"n\":\"pump_rate\",\"u\":\"mL/h\",\"v\":150,\"seq\":0}]").getBytes(StandardCharsets.UTF_8), NOW);
        assertEquals(List.of(), r.rejections());
        assertEquals("infusing", ((StateSample) r.observations().get(0)).value());
        assertEquals(150, ((NumericSample) r.observations().get(1)).value());
    }

    @Test
    void badRecordIsRejectedAloneAndItsNeighboursAreKept() {
        DecodeResult r = numerics("[{\"bt\":" + T + ",\"n\":\"hr\",\"v\":72,\"seq\":1},"
                + "{\"n\":\"spo2\",\"v\":\"98\",\"seq\":1},{\"n\":\"rr\",\"v\":14,\"seq\":1}]");
        assertEquals(2, r.observations().size());
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(r));
        assertTrue(r.rejections().getFirst().detail().startsWith("record 1"));
    }

    @Test
    void eachBadNumericInputHasItsOwnReason() {
        String t = "\"t\":" + T;
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(numerics("{not json")));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(numerics("{\"n\":\"hr\"}")));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(numerics("[]")));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(numerics("[42]")));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(numerics("[{\"n\":\"hr\",\"n\":\"pr\"," + t + ",\"v\":1,\"seq\":1}]")));
        assertEquals(RejectReason.MISSING_FIELD, onlyReason(numerics("[{" + t + ",\"v\":72,\"seq\":1}]")));
        assertEquals(RejectReason.MISSING_FIELD, onlyReason(numerics("[{\"n\":\"hr\",\"v\":72,\"seq\":1}]")));
        assertEquals(RejectReason.MISSING_FIELD, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"seq\":1}]")));
        assertEquals(RejectReason.MISSING_FIELD, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":72}]")));
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":\"72\",\"seq\":1}]")));
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":72,\"seq\":1.5}]")));
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"vs\":\"high\",\"seq\":1}]")));
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(numerics("[{\"n\":\"pump_state\"," + t + ",\"v\":1,\"seq\":1}]")));
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(numerics("[{\"n\":7," + t + ",\"v\":72,\"seq\":1}]")));
        assertEquals(RejectReason.WRONG_TYPE, onlyReason(numerics("[{\"n\":\"hr\",\"t\":\"now\",\"v\":72,\"seq\":1}]")));
        assertEquals(RejectReason.UNKNOWN_STREAM, onlyReason(numerics("[{\"n\":\"temp\"," + t + ",\"v\":37,\"seq\":1}]")));
        assertEquals(RejectReason.UNKNOWN_STREAM, onlyReason(numerics("[{\"n\":\"ecg_ii\"," + t + ",\"v\":0.1,\"seq\":1}]")));
        assertEquals(RejectReason.NOT_A_NUMBER, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":NaN,\"seq\":1}]")));
        assertEquals(RejectReason.NOT_A_NUMBER, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":1e400,\"seq\":1}]")));
        assertEquals(RejectReason.OUT_OF_RANGE, onlyReason(numerics("[{\"n\":\"spo2\"," + t + ",\"v\":101,\"seq\":1}]")));
        assertEquals(RejectReason.OUT_OF_RANGE, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":-1,\"seq\":1}]")));
        assertEquals(RejectReason.OUT_OF_RANGE, onlyReason(numerics("[{\"n\":\"hr\"," + t + ",\"v\":72,\"seq\":-1}]")));
        assertEquals(RejectReason.OUT_OF_RANGE, onlyReason(numerics("[{\"n\":\"pump_state\"," + t + ",\"vs\":\"dancing\",\"seq\":1}]")));
        assertEquals(RejectReason.WRONG_UNIT, onlyReason(numerics("[{\"n\":\"etco2\"," + t + ",\"u\":\"%\",\"v\":5,\"seq\":1}]")));
        assertEquals(RejectReason.BAD_TIME, onlyReason(numerics("[{\"n\":\"hr\",\"t\":-5,\"v\":72,\"seq\":1}]")));
        assertEquals(RejectReason.BAD_TIME, onlyReason(numerics("[{\"n\":\"hr\",\"t\":" + (T + 3 * 86400) + ",\"v\":72,\"seq\":1}]")));
        assertEquals(RejectReason.BAD_TIME, onlyReason(numerics("[{\"n\":\"hr\",\"t\":800000000,\"v\":72,\"seq\":1}]")));
    }

    @Test
    void oversizedPayloadIsRejectedBeforeParsing() {
        byte[] big = new byte[65537];
        assertEquals(RejectReason.OVERSIZED, onlyReason(decoder.decode(NUMERICS, big, NOW)));
    }

    @Test
    void unknownTopicsAreRejected() {
        byte[] p = "[]".getBytes(StandardCharsets.UTF_8);
        for (String topic : List.of("other/v1/beds/b/devices/d/numerics", "station/v1/beds/b/numerics",
                "station/v1/beds/b!/devices/d/numerics", "station/v1/beds/b/devices/d/vitals",
                "station/v1/beds/b/devices/d/numerics/extra", "station/v1/rooms/b/devices/d/numerics")) {
            assertEquals(RejectReason.UNKNOWN_TOPIC, onlyReason(decoder.decode(topic, p, NOW)), topic);
        }
        assertEquals(RejectReason.UNKNOWN_STREAM,
                onlyReason(decoder.decode("station/v1/beds/b/devices/d/waveforms/hr", p, NOW)));
    }

    @Test
    void valuesAndStatusesOfADeviceNotInTheRegistryAreRejectedAndTheRegisteredOnesPass() {
        MqttPayloadDecoder registered = new MqttPayloadDecoder("station/v1", 65536, new DeviceRef("bed-01", "monitor")::equals);
        byte[] hr = ("[{\"bt\":" + T + ",\"n\":\"hr\",\"u\":\"/min\",\"v\":72,\"seq\":1}]").getBytes(StandardCharsets.UTF_8);
        assertEquals(1, registered.decode(NUMERICS, hr, NOW).observations().size());
        DecodeResult other = registered.decode("station/v1/beds/bed-02/devices/monitor/numerics", hr, NOW);
        assertEquals(RejectReason.UNKNOWN_DEVICE, onlyReason(other));
        assertTrue(other.observations().isEmpty());
        DecodeResult fakeOffline = registered.decode("station/v1/beds/bed-01/devices/fake/status",
                "offline".getBytes(StandardCharsets.UTF_8), NOW);
        assertEquals(RejectReason.UNKNOWN_DEVICE, onlyReason(fakeOffline));
        assertTrue(fakeOffline.status().isEmpty());
    }

    @Test
    void binaryChunkDecodesToSamplesAtTheirRate() {
        Instant first = NOW.minusMillis(256);
        DecodeResult r = decoder.decode(ECG, chunk(1, 1, 3, 500_000, micros(first), 1000, 0.1f, 1.2f, -0.3f), NOW);
        assertEquals(List.of(), r.rejections());
        WaveformChunk c = (WaveformChunk) r.observations().getFirst();
        assertEquals(Stream.ECG_II, c.stream());
        assertEquals(500.0, c.sampleRateHz());
        assertEquals(first, c.deviceTime());
        assertEquals(1000, c.seq());
        assertEquals(3, c.valueCount());
        assertEquals(1.2f, c.sample(1));
        assertEquals(micros(first) + 2000, c.sampleTimeMicros(1));
    }

    @Test
    void eachBadChunkHasItsOwnReason() {
        long t = micros(NOW);
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(decoder.decode(ECG, new byte[10], NOW)));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(decoder.decode(ECG, chunk(2, 1, 1, 500_000, t, 0, 0f), NOW)));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(decoder.decode(ECG, chunk(1, 2, 1, 500_000, t, 0, 0f), NOW)));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 500, t, 0, 0f), NOW)));
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 5_000_000, t, 0, 0f), NOW)));
        assertEquals(RejectReason.WRONG_SAMPLE_COUNT, onlyReason(decoder.decode(ECG, chunk(1, 1, 3, 500_000, t, 0, 0f, 0f), NOW)));
        assertEquals(RejectReason.WRONG_SAMPLE_COUNT, onlyReason(decoder.decode(ECG, chunk(1, 1, 0, 500_000, t, 0), NOW)));
        assertEquals(RejectReason.NOT_A_NUMBER, onlyReason(decoder.decode(ECG, chunk(1, 1, 2, 500_000, t, 0, 0f, Float.NaN), NOW)));
        assertEquals(RejectReason.NOT_A_NUMBER, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 500_000, t, 0, Float.POSITIVE_INFINITY), NOW)));
        assertEquals(RejectReason.OUT_OF_RANGE, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 500_000, t, 0, 25f), NOW)));
        assertEquals(RejectReason.OUT_OF_RANGE, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 500_000, t, -1, 0f), NOW)));
        assertEquals(RejectReason.BAD_TIME, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 500_000, 0, 0, 0f), NOW)));
        assertEquals(RejectReason.BAD_TIME, onlyReason(decoder.decode(ECG, chunk(1, 1, 1, 500_000, Long.MAX_VALUE, 0, 0f), NOW)));
    }

    @Test
    void statusTopicYieldsOnlineAndOffline() {
        String topic = "station/v1/beds/bed-01/devices/pump/status";
        DeviceStatus on = decoder.decode(topic, "online".getBytes(StandardCharsets.UTF_8), NOW).status().orElseThrow();
        DeviceStatus off = decoder.decode(topic, "offline".getBytes(StandardCharsets.UTF_8), NOW).status().orElseThrow();
        assertTrue(on.online());
        assertTrue(!off.online());
        assertEquals(RejectReason.MALFORMED_PAYLOAD, onlyReason(decoder.decode(topic, "maybe".getBytes(StandardCharsets.UTF_8), NOW)));
    }

    @Test
    void randomBytesNeverThrowOnAnyTopic() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = new byte[random.nextInt(200)];
            random.nextBytes(payload);
            if (i % 3 == 0 && payload.length >= 24) {
                payload[0] = 1;
                payload[1] = 1;
            }
            DecodeResult r = decoder.decode(i % 2 == 0 ? ECG : NUMERICS, payload, NOW);
            // then every message yields either values or a counted rejection, never nothing and never an exception
            assertTrue(!r.observations().isEmpty() || !r.rejections().isEmpty(), "silent drop at iteration " + i);
        }
    }
}
