package org.openinfusion.station.device.mqtt;

import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Stream;

/** A parsed device topic: what kind of message it carries, from which device. */
sealed interface MqttTopic {
    DeviceRef source();

    record Numerics(DeviceRef source) implements MqttTopic {
    }

    record Waveform(DeviceRef source, Stream stream) implements MqttTopic {
    }

    record Status(DeviceRef source) implements MqttTopic {
    }
}
