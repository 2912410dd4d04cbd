package org.openinfusion.station.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.domain.DeviceStatusSnapshot;

/**
 * The station's health at one moment: computed when asked ({@code GET /health}) and published on the bus every
 * publish interval. {@code brokerDisconnects} counts every lost broker connection since start, however short.
 * {@code diskFreeBytes} is the free space of the fullest watched folder at the last disk check.
 */
public record HealthSnapshot(Instant time, boolean brokerConnected, boolean storeReachable, String storeError,
                             long bufferPendingBytes, long bufferCapacityBytes, Map<String, Double> valuesPerSecond,
                             Map<String, Long> valuesTotal, Map<String, Long> rejects, long sequenceMissing,
                             long sequenceRepeated, long pointsWritten, long pointsDeadLettered,
                             List<DeviceStatusSnapshot> devices,
                             long brokerDisconnects, Optional<Instant> lastBrokerDisconnect,
                             long diskFreeBytes, boolean diskLow, boolean auditAvailable, String auditError,
                             Map<String, Long> timeCollisions) {
    public HealthSnapshot {
        timeCollisions = Map.copyOf(timeCollisions);
        devices = List.copyOf(devices);
        valuesPerSecond = Map.copyOf(valuesPerSecond);
        valuesTotal = Map.copyOf(valuesTotal);
        rejects = Map.copyOf(rejects);
    }

    public double bufferFill() {
        return bufferCapacityBytes == 0 ? 0 : (double) bufferPendingBytes / bufferCapacityBytes;
    }

    /** Broker connected, store reachable, disk not low and the audit trail writable. */
    public boolean healthy() {
        return brokerConnected && storeReachable && !diskLow && auditAvailable;
    }
}
