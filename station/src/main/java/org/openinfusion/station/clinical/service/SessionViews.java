package org.openinfusion.station.clinical.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.infusion.InfusionClock;
import org.openinfusion.station.clinical.protocol.Pretreatment;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.PretreatmentLead;
import org.openinfusion.station.clinical.session.StartGates;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionRuntime;
import org.openinfusion.station.clinical.session.SessionState;

/** Builds the bedside snapshot of a running session. Copies only arm-independent values out of the protocol. */
final class SessionViews {
    private SessionViews() {
    }

    static SessionView of(SessionRuntime r, SessionService.PumpStatus pump, BedHistory history, BaselineVitals vitals,
                          Instant now) {
        Session s = r.session();
        Protocol p = s.protocol();
        DosePlan plan = s.plan();
        InfusionClock clock = r.infusion();
        String id = s.id();
        // the bed's pump keeps its counter from the previous session until it is programmed and starts again: nothing
        // is this session's before its infusion started
        var infusion = new SessionView.Infusion(clock.started(), clock.completed(), clock.infusingTime(), clock.started() ? pump.volumeInfusedMl() : 0,
                pump.rateMlPerHour(), pump.state(), clock.pauses(), clock.pausedTotal(), history.deviations(id));
        return new SessionView(s.created().bedId(), id, s.state(), p.id(), p.version(), p.label(), s.created().subjectCode(),
                s.created().kitId(), p.pretreatment().map(Pretreatment::label),
                new SessionView.Plan(plan.volumeMl(), plan.rateMlPerHour(), plan.duration()), infusion,
                nextSteps(s.state(), p.pretreatment().isPresent()), r.prompts(), history.ratings(id), r.alarms().active(),
                history.alarms(id), history.markers(id), p.alarms(), p.discharge(), discharge(r, history, vitals, now), now,
                history.adverseEvents(id), history.aeProposals(id), history.medications(id), startGates(r, vitals, now),
                p.adverseEventTerms(), r.alarms().advisories(), history.pendingParts(id));
    }

    /**
     * The pre-dose gates unmet at {@code now} while the infusion start is still to be confirmed (none after): the
     * pretreatment lead, and this session's pre-dose NIBP against the protocol's gate unless the pump is already infusing
     * (the start is then only being recorded).
     */
    static List<StartGates.Unmet> startGates(SessionRuntime r, BaselineVitals vitals, Instant now) {
        Session s = r.session();
        if (s.state() != SessionState.BASELINE && s.state() != SessionState.PRETREATMENT_GIVEN) {
            return List.of();
        }
        Optional<PretreatmentLead> lead = s.protocol().pretreatment().flatMap(p -> s.pretreatmentAt().map(at -> new PretreatmentLead(p, at)));
        var gate = r.infusion().started() ? Optional.<PreDoseGate>empty() : s.protocol().preDose();
        return StartGates.evaluate(lead, gate, vitals.preDose(s.id()), s.created().ageYears(), now);
    }

    /** Only this session's ratings, its own pre-dose vitals and the bed's values since the session was created. */
    static Optional<DischargeCheck.Result> discharge(SessionRuntime r, BedHistory history, BaselineVitals vitals, Instant now) {
        Session s = r.session();
        List<SessionView.RatingEntry> ratings = history.ratings(s.id());
        return s.infusionEnd().map(end -> DischargeCheck.evaluate(s.protocol().discharge(), new DischargeCheck.Inputs(end, now,
                rated(ratings, "cadss"), rated(ratings, "moaas"), vitals.baselineOf(s.id()), vitals.latest(s.created().bedId()),
                outstanding(s.protocol(), ratings, notDue(r.prompts())))));
    }

    /** The time points not due (a during-infusion one after an early end): nothing is still to rate there. */
    static Set<String> notDue(List<Prompt> prompts) {
        return prompts.stream().filter(p -> p.state() == PromptState.NOT_APPLICABLE).map(Prompt::timePointId).collect(Collectors.toSet());
    }

    private static List<DischargeCheck.Rated> rated(List<SessionView.RatingEntry> ratings, String form) {
        return ratings.stream().filter(r -> r.form().equals(form))
                .map(r -> new DischargeCheck.Rated(r.timePointId(), r.finishedAt(), r.total(),
                        r.answers().values().stream().allMatch(a -> a instanceof Answer.Scored)))
                .toList();
    }

    /**
     * Time points of the schedule that do not yet have a rating (scored or marked not assessed) of each of their forms,
     * except those not due ({@code notDue}).
     */
    static List<String> outstanding(Protocol p, List<SessionView.RatingEntry> ratings, Set<String> notDue) {
        return p.schedule().stream().filter(e -> !notDue.contains(e.id())).filter(e -> !e.instruments().stream().allMatch(form -> ratings.stream()
                .anyMatch(r -> r.timePointId().equals(e.id()) && r.form().equals(form)))).map(e -> e.id()).toList();
    }

    /** The steps that make sense from {@code state}, the usual next one first. */
    static List<Step> nextSteps(SessionState state, boolean hasPretreatment) {
        List<Step> steps = new ArrayList<>(switch (state) {
            case CREATED -> List.of(Step.BASELINE);
            case BASELINE -> List.of(hasPretreatment ? Step.PRETREATMENT : Step.CONFIRM_INFUSION_START);
            case PRETREATMENT_GIVEN -> List.of(Step.CONFIRM_INFUSION_START);
            case INFUSING, PAUSED -> List.of(Step.END_OF_INFUSION);
            case INFUSION_COMPLETE -> List.of(Step.OBSERVATION);
            case OBSERVATION -> List.of(Step.READY_FOR_DISCHARGE);
            case READY_FOR_DISCHARGE, CLOSED -> List.<Step>of();
        });
        if (state != SessionState.CLOSED) {
            steps.add(Step.CLOSE);
        }
        return List.copyOf(steps);
    }
}
