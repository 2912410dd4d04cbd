package org.openinfusion.station.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.RejectReason;

/** Packs found by the decoder fuzzer ({@code bin/benchmark fuzz}), kept as regressions. */
class SenmlFuzzFindingsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final MqttPayloadDecoder decoder = new MqttPayloadDecoder("station/v1", 65536);

    private DecodeResult numerics(String json) {
        return decoder.decode("station/v1/beds/bed-01/devices/monitor/numerics", json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void aRecordWhoseTimeOverflowsIsRejectedAloneAndTheRecordsAfterItAreKept() {
        long t = NOW.getEpochSecond() - 1;
        for (String huge : List.of("\"bt\":9223372036854775808", "\"t\":1e300", "\"bt\":-1e300,\"t\":2e300")) {
            // (the time overflowed in the record, and the whole pack used to be rejected as BAD_TIME)
            DecodeResult r = numerics("[{" + huge + ",\"n\":\"hr\",\"v\":70,\"seq\":1},"
                    + "{\"bt\":" + t + ",\"n\":\"hr\",\"v\":72,\"seq\":2},{\"n\":\"spo2\",\"v\":97,\"seq\":2}]");
            assertEquals(List.of(RejectReason.BAD_TIME), r.rejections().stream().map(x -> x.reason()).toList(), huge);
            assertEquals(List.of(72.0, 97.0), r.observations().stream().map(o -> ((NumericSample) o).value()).toList(), huge);
        }
    }
}
