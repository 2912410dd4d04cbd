package org.openinfusion.station.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.domain.DeviceStatusSnapshot;

/** The station's health at one moment; published on the bus and served at {@code GET /health}. */
public record HealthSnapshot(Instant time, boolean brokerConnected, boolean storeReachable, String storeError,
                             long bufferPendingBytes, long bufferCapacityBytes, Map<String, Double> valuesPerSecond,
                             Map<String, Long> valuesTotal, Map<String, Long> rejects, long sequenceMissing,
                             long sequenceRepeated, long pointsWritten, long pointsDeadLettered,
                             List<DeviceStatusSnapshot> devices) {
    public HealthSnapshot {
        devices = List.copyOf(devices);
        valuesPerSecond = Map.copyOf(valuesPerSecond);
        valuesTotal = Map.copyOf(valuesTotal);
        rejects = Map.copyOf(rejects);
    }

    public double bufferFill() {
        return bufferCapacityBytes == 0 ? 0 : (double) bufferPendingBytes / bufferCapacityBytes;
    }

    public boolean healthy() {
        return brokerConnected && storeReachable;
    }
}
