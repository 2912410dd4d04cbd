package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.testing.Eventually;

/**
 * Issue 11, item 2a: a simulator started before its broker accepts connections delivers every
 * device's data from the first second, through a real mosquitto.
 */
class SlowBrokerDeliveryIT {

    private record Received(String topic, byte[] payload) {
    }

    @Test
    void everyDeviceDeliversFromItsFirstSecondWhenTheBrokerAcceptsLate() throws Exception {
        ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        try (LocalBroker broker = LocalBroker.start();
             LatePort late = new LatePort(broker.port());
             AutoCloseable subscriber = subscribe(broker, received)) {
            Map<String, Long> produced = new TreeMap<>();
            // given a simulator running in real time whose broker refuses connections for 3 s,
            // then takes 2 s to answer each CONNECT
            try (SimulatedBeds sim = SimulatedBeds.start(SimulatorConfig.defaults(late.url())
                    .withBeds(4).withBedPrefix("late").withProgressInterval(Duration.ZERO))) {
                Thread.sleep(3000); // pacing: the broker refuses connections for 3 s (the point of the test)
                late.open(2000);
                // when every device has connected and ten seconds of data have been produced
                assertTrue(sim.awaitConnected(Duration.ofSeconds(60)), "every device connects");
                Eventually.waitUntil(Duration.ofSeconds(60), "10 s simulated", () -> !sim.simulatedUntil().isBefore(sim.simulationStart().plusSeconds(10)));
                sim.close();
                for (String bed : sim.bedIds()) {
                    sim.producedCounts().keySet().forEach(stream -> produced.put(bed + "/" + stream, sim.produced(bed, stream)));
                }
                assertEquals(0, sim.delivery().outstanding(), "the broker acknowledged everything");
            }
            // then the subscriber saw every sample of every stream of every device, from sequence 0 on
            Eventually.waitUntil(Duration.ofSeconds(60), "every sample received", () -> sequences(received).entrySet().stream()
                    .allMatch(e -> e.getValue().size() == produced.get(e.getKey()))
                    && sequences(received).keySet().equals(produced.keySet()));
            Map<String, List<Long>> seen = sequences(received);
            assertEquals(produced.keySet(), seen.keySet());
            for (Map.Entry<String, List<Long>> stream : seen.entrySet()) {
                List<Long> seqs = stream.getValue();
                long expected = produced.get(stream.getKey());
                assertTrue(expected >= 10, stream.getKey() + " produced at least ten seconds: " + expected);
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(i, seqs.get(i), stream.getKey() + " sequence " + i + " (in order, none missing)");
                }
            }
        }
    }

    private static AutoCloseable subscribe(LocalBroker broker, ConcurrentLinkedQueue<Received> received) throws Exception {
        MqttClient client = new MqttClient(broker.url(), "late-subscriber", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        client.subscribe("station/v1/beds/+/devices/+/#", 1,
                (topic, message) -> received.add(new Received(topic, message.getPayload())));
        return () -> {
            client.disconnect();
            client.close();
        };
    }

    /** Sequence numbers per {@code bed/stream}, in the order they arrived. */
    private static Map<String, List<Long>> sequences(ConcurrentLinkedQueue<Received> received) {
        Map<String, List<Long>> seqs = new TreeMap<>();
        for (Received message : received) {
            String[] levels = message.topic().split("/");
            String bed = levels[3];
            if (message.topic().endsWith("/numerics")) {
                for (JsonNode record : Wire.senml(message.payload())) {
                    seqs.computeIfAbsent(bed + "/" + record.get("n").asText(), k -> new ArrayList<>())
                            .add(record.get("seq").asLong());
                }
            } else if (message.topic().contains("/waveforms/")) {
                Wire.Header header = Wire.header(message.payload());
                List<Long> list = seqs.computeIfAbsent(bed + "/" + levels[levels.length - 1], k -> new ArrayList<>());
                for (int i = 0; i < header.count(); i++) {
                    list.add(header.firstSeq() + i);
                }
            }
        }
        return seqs;
    }
}
