package org.openinfusion.sim.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading lists of messages in tests: counts, samples and values per stream. */
final class Messages {

    private Messages() {
    }

    static Map<String, Long> countPerStream(List<OutgoingMessage> messages) {
        Map<String, Long> counts = new TreeMap<>();
        for (OutgoingMessage message : messages) {
            if (message.topic().endsWith("/numerics")) {
                Wire.senml(message.payload()).forEach(r -> counts.merge(r.get("n").asText(), 1L, Long::sum));
            } else {
                counts.merge(lastLevel(message.topic()), (long) Wire.header(message.payload()).count(), Long::sum);
            }
        }
        return counts;
    }

    static List<Float> samplesOf(List<OutgoingMessage> messages, String stream) {
        List<Float> samples = new ArrayList<>();
        for (OutgoingMessage message : messages) {
            if (message.topic().endsWith("/waveforms/" + stream)) {
                for (int i = 0; i < Wire.header(message.payload()).count(); i++) {
                    samples.add(Wire.sample(message.payload(), i));
                }
            }
        }
        return samples;
    }

    static JsonNode lastPumpPack(List<OutgoingMessage> messages) {
        List<OutgoingMessage> packs = messages.stream().filter(m -> m.topic().endsWith("pump/numerics")).toList();
        return Wire.senml(packs.get(packs.size() - 1).payload());
    }

    static JsonNode value(JsonNode pack, String stream) {
        for (JsonNode record : pack) {
            if (record.get("n").asText().equals(stream)) {
                return record.has("vs") ? record.get("vs") : record.get("v");
            }
        }
        throw new AssertionError("no " + stream + " in " + pack);
    }

    static String lastLevel(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }
}
