package org.openinfusion.station.clinical.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openinfusion.station.clinical.alarm.ActiveAlarm;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.AeProposals;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.clinical.session.StartGates;

/**
 * A snapshot of one bed's session for the bedside: what staff may see, never the arm or a concentration (the
 * protocol appears by id and its blinded label only). {@code dischargeCheck} is there once the infusion has ended.
 * {@code adverseEvents} are those recorded (latest per id), {@code aeProposals} the station's proposals from alarm episodes
 * that no recorded adverse event confirms yet, {@code medications} those given, in order. {@code startGates} are the
 * pre-dose gates unmet now while the infusion start is to be confirmed: a start over them names each one, with a reason.
 * {@code adverseEventTerms} the protocol's expected adverse event terms with their sources.
 * {@code holdAdvisories} are the protocol's hold advisories that apply now (the station advises them only
 * while infusing): advice, not alarms. {@code tabletParts} are the subject's parts of forms answered on the patient
 * tablet (CADSS items 1-19) that staff still complete with the observer items (docs/tablet.md).
 */
public record SessionView(String bedId, String sessionId, SessionState state, String protocolId, int protocolVersion,
                          String protocolLabel, String subjectCode, String kitId, Optional<String> pretreatmentLabel,
                          Plan plan, Infusion infusion, List<Step> nextSteps, List<Prompt> prompts, List<RatingEntry> ratings,
                          List<ActiveAlarm> activeAlarms, List<AlarmEvent> recentAlarms, List<Marker> markers,
                          List<AlarmLimit> limits, DischargeCriteria discharge, Optional<DischargeCheck.Result> dischargeCheck,
                          Instant asOf, List<AdverseEvent> adverseEvents, List<AeProposals.Proposal> aeProposals,
                          List<Medication> medications, List<StartGates.Unmet> startGates, List<AeTerm> adverseEventTerms,
                          List<AlarmEvent> holdAdvisories, List<Rating> tabletParts) {

    /** What the pump should do: volume, rate, duration (no dose or concentration). */
    public record Plan(double volumeMl, double rateMlPerHour, Duration duration) {
    }

    /** The infusion as the station follows it from the pump. */
    public record Infusion(boolean started, boolean completed, Duration infusing, double volumeInfusedMl,
                           double pumpRateMlPerHour, String pumpState, int pauses, Duration pausedTotal, List<String> deviations) {
    }

    /** A recorded rating with the station's score; {@code correction} when it replaced an earlier one. */
    public record RatingEntry(String ratingId, String timePointId, String form, OptionalInt total, String summary,
                              Instant finishedAt, boolean correction, Map<String, Answer> answers) {
    }

    public record Marker(MarkerKind kind, String note, String user, Instant at) {
    }
}
