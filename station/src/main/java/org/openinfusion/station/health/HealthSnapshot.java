package org.openinfusion.station.health;

import java.time.Instant;
import java.util.Map;

/** The station's health at one moment; published on the bus and served at {@code GET /health}. */
public record HealthSnapshot(Instant time, boolean brokerConnected, boolean storeReachable, String storeError,
                             long bufferPendingBytes, long bufferCapacityBytes, Map<String, Double> valuesPerSecond,
                             Map<String, Long> valuesTotal, Map<String, Long> rejects, long sequenceMissing,
                             long sequenceRepeated, long pointsWritten, long pointsDeadLettered,
                             java.util.List<org.openinfusion.station.domain.DeviceStatusSnapshot> devices) {
    public HealthSnapshot {
        devices = java.util.List.copyOf(devices);
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
