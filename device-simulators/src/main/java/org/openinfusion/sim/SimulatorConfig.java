package org.openinfusion.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.openinfusion.sim.mqtt.PublisherSettings;
import org.openinfusion.sim.mqtt.Topics;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.sim.signal.Seeds;

/**
 * Everything a simulator run needs, validated on construction. Start from {@link #defaults}
 * and change what differs with the {@code with...} methods.
 *
 * @param mqtt broker and client settings
 * @param beds number of beds, ids {@code {bedPrefix}-01}, {@code -02}, ...
 * @param seed master seed; bed {@code n} gets a seed derived from it and {@code n}
 * @param topicPrefix topic prefix, {@code station/v1} by default
 * @param bedPrefix first part of the bed ids
 * @param duration how much simulated time to publish; empty = until closed
 * @param pacing real time (default), as fast as possible (needs a duration), or manual
 * @param infusion what every pump runs
 * @param start simulation time 0; empty = now, or for {@link Pacing#AS_FAST_AS_POSSIBLE}
 *              now minus the duration, so that no data lies in the future
 * @param clock source of "now"
 * @param progressInterval how often a summary is logged; zero = never
 * @param scenario a scenario (shipped name or YAML file) every bed runs from simulation time 0; its
 *                 events program the pumps, so {@link #infusion} is not run
 * @param pumpIdle true: pumps wait to be programmed over the control channel (the demo); false:
 *                 the simulated nurse runs {@link #infusion} (or the scenario does)
 * @param waveforms true (default): the monitor sends its ECG, pleth and CO2 waveforms besides its numerics; false:
 *                  numerics only (the same values: they do not depend on the waveforms), for tests that exercise
 *                  alarms through a station with little load
 */
public record SimulatorConfig(PublisherSettings mqtt, int beds, long seed, String topicPrefix, String bedPrefix,
                              Optional<Duration> duration, Pacing pacing, InfusionPlan infusion,
                              Optional<Instant> start, Clock clock, Duration progressInterval,
                              Optional<String> scenario, boolean pumpIdle, boolean waveforms) {

    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";
    public static final int DEFAULT_BEDS = 1;
    public static final long DEFAULT_SEED = 42;
    public static final String DEFAULT_TOPIC_PREFIX = "station/v1";
    public static final String DEFAULT_BED_PREFIX = "bed";
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(10);
    public static final int MAX_BEDS = 999;
    private static final Pattern BED_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,28}");

    public SimulatorConfig {
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(infusion, "infusion");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scenario, "scenario");
        if (beds < 1 || beds > MAX_BEDS) {
            throw new IllegalArgumentException("beds must be 1 - " + MAX_BEDS + ": " + beds);
        }
        Topics.requireValidPrefix(topicPrefix);
        if (bedPrefix == null || !BED_PREFIX.matcher(bedPrefix).matches()) {
            throw new IllegalArgumentException("bed prefix must be 1-28 of [A-Za-z0-9_-]: '" + bedPrefix + "'");
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + duration.get());
        }
        if (pacing == Pacing.AS_FAST_AS_POSSIBLE && duration.isEmpty()) {
            throw new IllegalArgumentException("publishing as fast as possible needs a duration");
        }
        if (progressInterval == null || progressInterval.isNegative()) {
            throw new IllegalArgumentException("progress interval must be zero or positive");
        }
    }

    /** One bed, seed 42, prefix station/v1, real time, until closed, the default infusion. */
    public static SimulatorConfig defaults(String brokerUri) {
        String runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        return new SimulatorConfig(PublisherSettings.of(brokerUri, runId), DEFAULT_BEDS, DEFAULT_SEED,
                DEFAULT_TOPIC_PREFIX, DEFAULT_BED_PREFIX, Optional.empty(), Pacing.REAL_TIME,
                InfusionPlan.defaults(), Optional.empty(), Clock.systemUTC(), DEFAULT_PROGRESS_INTERVAL,
                Optional.empty(), false, true);
    }

    /**
     * Simulation time 0: {@link #start} if given, otherwise now (to the millisecond), or for
     * {@link Pacing#AS_FAST_AS_POSSIBLE} now minus the duration, so that no data lies in the future.
     */
    public Instant simulationStart() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant fastStart = pacing == Pacing.AS_FAST_AS_POSSIBLE ? now.minus(duration.orElse(Duration.ZERO)) : now;
        return start.orElse(fastStart);
    }

    /** {@code bed-01}, {@code bed-02}, ... */
    public List<String> bedIds() {
        return IntStream.rangeClosed(1, beds).mapToObj(this::bedId).toList();
    }

    public String bedId(int number) {
        return String.format("%s-%02d", bedPrefix, number);
    }

    /** The patient seed of bed {@code number} (1-based). */
    public long bedSeed(int number) {
        return Seeds.derive(seed, "bed-" + number);
    }

    public SimulatorConfig withMqtt(PublisherSettings value) {
        return new SimulatorConfig(value, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withBeds(int value) {
        return new SimulatorConfig(mqtt, value, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(mqtt, beds, value, topicPrefix, bedPrefix, duration, pacing, infusion, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withTopicPrefix(String value) {
        return new SimulatorConfig(mqtt, beds, seed, value, bedPrefix, duration, pacing, infusion, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withBedPrefix(String value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, value, duration, pacing, infusion, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withDuration(Duration value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, Optional.ofNullable(value), pacing,
                infusion, start, clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withPacing(Pacing value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, value, infusion, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withInfusion(InfusionPlan value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, value, start,
                clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withStart(Instant value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion,
                Optional.ofNullable(value), clock, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withClock(Clock value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start,
                value, progressInterval, scenario, pumpIdle, waveforms);
    }

    public SimulatorConfig withProgressInterval(Duration value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start,
                clock, value, scenario, pumpIdle, waveforms);
    }

    /** Every bed runs {@code nameOrFile} (a shipped scenario or a YAML file) from time 0; null = none. */
    public SimulatorConfig withScenario(String nameOrFile) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start, clock,
                progressInterval, Optional.ofNullable(nameOrFile), pumpIdle, waveforms);
    }

    /** Pumps wait, idle, to be programmed over the control channel. */
    public SimulatorConfig withIdlePumps(boolean value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start, clock,
                progressInterval, scenario, value, waveforms);
    }

    /** Whether the monitors send waveforms (default) or numerics only. */
    public SimulatorConfig withWaveforms(boolean value) {
        return new SimulatorConfig(mqtt, beds, seed, topicPrefix, bedPrefix, duration, pacing, infusion, start, clock,
                progressInterval, scenario, pumpIdle, value);
    }
}
