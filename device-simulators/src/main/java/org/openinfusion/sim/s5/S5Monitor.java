package org.openinfusion.sim.s5;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.FaultSwitches;
import org.openinfusion.sim.serial.FrameSink;
import org.openinfusion.sim.serial.SerialDevice;
import org.openinfusion.sim.signal.Conditions.Artefact;
import org.openinfusion.sim.signal.EventTimeline;
import org.openinfusion.sim.signal.SimulatedPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GE Datex-Ohmeda S/5 on its DRI computer interface: silent until the host asks, then
 * physiological-data records every requested interval and waveform records every ~200 ms.
 * Simulation time 0 is {@code start}. The patient may follow a scenario's timeline, advanced at
 * every tick; while the scenario has the monitor unplugged it sends nothing and hears nothing.
 */
public final class S5Monitor implements SerialDevice {

    private static final Logger LOG = LoggerFactory.getLogger(S5Monitor.class);

    private final S5Settings settings;
    private final FaultSwitches faults;
    private final Instant start;
    private final NumericsSource numerics;
    private final EventTimeline timeline;
    private final WaveStreamer waves;
    private final DriFrameReader reader = new DriFrameReader();
    private NumericsSchedule schedule = NumericsSchedule.OFF;
    private int recordNumber;
    private long ignoredRequests;

    public S5Monitor(SimulatedPatient patient, S5Settings settings, FaultSwitches faults, Instant start) {
        this(EventTimeline.none(patient), settings, faults, start);
    }

    /** The monitor of {@code timeline}'s patient, following the timeline. */
    public S5Monitor(EventTimeline timeline, S5Settings settings, FaultSwitches faults, Instant start) {
        SimulatedPatient patient = timeline.patient();
        this.timeline = timeline;
        this.settings = settings;
        this.faults = faults;
        this.start = start;
        this.numerics = new NumericsSource(patient);
        this.waves = new WaveStreamer(new WaveSources(patient), start, settings.waveRecordInterval());
    }

    @Override
    public void received(byte[] bytes, Instant now, FrameSink out) {
        if (unplugged(now)) {
            return;
        }
        for (byte[] record : reader.accept(bytes)) {
            HostRequestParser.parse(record).ifPresentOrElse(request -> handle(request, now),
                    () -> LOG.debug("ignoring a {}-byte record that is no request", record.length));
        }
    }

    @Override
    public void tick(Instant now, FrameSink out) {
        // unplugged: what the monitor measures in the meantime is lost, not sent later
        boolean unplugged = unplugged(now);
        if (schedule.isDue(now)) {
            schedule = schedule.next();
            if (!unplugged) {
                sendNumerics(now, out);
            }
        }
        for (List<DriRecord.Subrecord> subrecords : waves.due(now, faults.isOn(Fault.SENSOR_OFF))) {
            if (!unplugged) {
                send(now, DriRecord.MAINTYPE_WAVE, subrecords, out);
            }
        }
    }

    /** Advances the scenario to {@code now}; true while the scenario has the monitor unplugged. */
    private boolean unplugged(Instant now) {
        double t = Duration.between(start, now).toNanos() / 1e9;
        timeline.advanceTo(t);
        return timeline.patient().conditions().has(Artefact.MONITOR_UNPLUGGED, t);
    }

    /** Requests dropped because of a DRI level mismatch or an unknown type. */
    public synchronized long ignoredRequests() {
        return ignoredRequests;
    }

    private synchronized void handle(HostRequest request, Instant now) {
        if (request.driLevel() != settings.driLevel()) {
            ignoredRequests++;
            LOG.info("ignoring a request of DRI level {} (monitor is at level {})", request.driLevel(),
                    settings.driLevel());
            return;
        }
        switch (request) {
            case HostRequest.Numerics n -> numericsRequested(n, now);
            case HostRequest.Waveforms w -> waves.stream(w.start() ? WaveSelection.select(w.waveIds(),
                    settings.waveBudget()) : List.of());
        }
        LOG.info("request {}: numerics {}, waves {}", request, schedule, waves.active());
    }

    private void numericsRequested(HostRequest.Numerics request, Instant now) {
        if (request.intervalSeconds() <= 0) {
            schedule = NumericsSchedule.OFF;
            return;
        }
        Duration interval = Duration.ofSeconds(request.intervalSeconds());
        if (interval.compareTo(settings.minNumericsInterval()) < 0) {
            interval = settings.minNumericsInterval();
        }
        schedule = new NumericsSchedule(request.recordType(), interval, now);
    }

    private void sendNumerics(Instant now, FrameSink out) {
        double t = Duration.between(start, now).toNanos() / 1e9;
        DisplayedNumerics values = numerics.at(t, faults.isOn(Fault.SENSOR_OFF));
        byte[] body = PhdbSubrecord.encode(now.getEpochSecond(), values, settings.driLevel());
        send(now, DriRecord.MAINTYPE_PHDB, List.of(new DriRecord.Subrecord(schedule.recordType(), body)), out);
    }

    private void send(Instant now, int maintype, List<DriRecord.Subrecord> subrecords, FrameSink out) {
        DriRecord.RecordHeader header = new DriRecord.RecordHeader(recordNumber++ & 0xFF, settings.driLevel(),
                now.getEpochSecond(), maintype);
        byte[] record = DriRecord.build(header, new ArrayList<>(subrecords));
        out.send(DriFrame.encode(record, faults.isOn(Fault.CORRUPT_CHECKSUM)));
    }
}
