package org.openinfusion.station.clinical.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import org.openinfusion.station.domain.Stream;

/**
 * Every pre-dose gate the infusion start must pass, judged together: the pretreatment lead (e.g. 45 min after the
 * capsule), a pre-dose NIBP recorded in this session, fresh enough, and not above the protocol's limit. A start over
 * unmet gates needs a reason and must name exactly the gates unmet at that moment, so no gate is ever overridden that the
 * nurse was not shown (and a list shown earlier that no longer holds is refused too). Pure.
 */
public final class StartGates {
    private StartGates() {
    }

    /** A gate that can stop the start. */
    public enum Kind {
        /** The protocol's pretreatment lead is not reached yet. */
        PRETREATMENT_LEAD,
        /** No pre-dose blood pressure in this session. */
        NO_PRE_DOSE_NIBP,
        /** The pre-dose blood pressure is older than the protocol allows. */
        STALE_PRE_DOSE_NIBP,
        /** The pre-dose blood pressure is above the protocol's limit. */
        BP_ABOVE_LIMIT
    }

    /**
     * One unmet gate: {@code figures} are what staff words are built from (in the order the kind documents in
     * {@link #evaluate}), {@code detail} the English line kept in the trail, {@code source} the rule's source.
     */
    public record Unmet(Kind kind, List<String> figures, String detail, Optional<String> source) {
        public Unmet {
            figures = List.copyOf(figures);
        }
    }

    /**
     * The gates unmet at {@code now}, the lead first. Figures: lead {@code [pretreatment label, minutes since it,
     * lead minutes, minutes to go]}; no NIBP {@code []}; stale NIBP {@code [age minutes, allowed minutes]}; above the
     * limit {@code [systolic, diastolic, systolic limit, diastolic limit]}.
     * @param lead the pretreatment lead when the protocol has one and it was given
     * @param gate the protocol's pre-dose gate, empty when it has none or when the pump is already infusing (the start is
     *             then only being recorded)
     * @param preDose this session's values measured since the baseline step (never a previous session's)
     */
    public static List<Unmet> evaluate(Optional<PretreatmentLead> lead, Optional<PreDoseGate> gate,
                                       Map<Stream, DischargeCheck.Reading> preDose, OptionalInt ageYears, Instant now) {
        List<Unmet> unmet = new ArrayList<>();
        lead.ifPresent(l -> {
            PretreatmentLead.Timer t = l.timer(now);
            if (!t.reached()) {
                long leadMin = l.pretreatment().beforeInfusion().toMinutes();
                long toGo = (t.remaining().toSeconds() + 59) / 60;
                unmet.add(new Unmet(Kind.PRETREATMENT_LEAD, List.of(l.pretreatment().label(), String.valueOf(t.elapsed().toMinutes()),
                        String.valueOf(leadMin), String.valueOf(toGo)), "the infusion starts " + leadMin + " min after "
                        + l.pretreatment().label() + " (" + toGo + " min to go)", Optional.of(l.pretreatment().source())));
            }
        });
        gate.ifPresent(g -> {
            Optional<String> source = Optional.of(g.source());
            DischargeCheck.Reading sys = preDose.get(Stream.NIBP_SYS);
            DischargeCheck.Reading dia = preDose.get(Stream.NIBP_DIA);
            if (sys == null || dia == null) {
                unmet.add(new Unmet(Kind.NO_PRE_DOSE_NIBP, List.of(), "no pre-dose NIBP recorded in this session", source));
                return;
            }
            Duration age = Duration.between(sys.measuredAt(), now);
            if (age.compareTo(g.nibpMaxAge()) > 0) {
                unmet.add(new Unmet(Kind.STALE_PRE_DOSE_NIBP, List.of(String.valueOf(age.toMinutes()),
                        String.valueOf(g.nibpMaxAge().toMinutes())), "the pre-dose NIBP is " + age.toMinutes()
                        + " min old (needs one from the last " + g.nibpMaxAge().toMinutes() + " min)", source));
            }
            int sysLimit = g.systolicAboveFor(ageYears);
            if (sys.value() > sysLimit || dia.value() > g.diastolicAbove()) {
                String s = String.format(Locale.ROOT, "%.0f", sys.value());
                String d = String.format(Locale.ROOT, "%.0f", dia.value());
                unmet.add(new Unmet(Kind.BP_ABOVE_LIMIT, List.of(s, d, String.valueOf(sysLimit), String.valueOf(g.diastolicAbove())),
                        "pre-dose BP " + s + "/" + d + " above " + sysLimit + "/" + g.diastolicAbove(), source));
            }
        });
        return List.copyOf(unmet);
    }

    /**
     * Allows the start only when no gate is unmet, or when a reason is given and {@code named} is exactly the set of
     * gates unmet now (the ones the nurse was shown).
     * @return the gates the reason overrides (empty: none)
     * @throws IllegalStateException otherwise, naming every unmet gate
     */
    public static List<Unmet> requireExactOverride(List<Unmet> unmet, Set<Kind> named, Optional<String> reason) {
        Set<Kind> now = unmet.stream().map(Unmet::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        Set<Kind> asked = named.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(named);
        if (unmet.isEmpty() && asked.isEmpty()) {
            return List.of();
        }
        String details = unmet.stream().map(u -> u.detail() + u.source().map(s -> " (source: " + s + ")").orElse(""))
                .collect(Collectors.joining("; "));
        if (!asked.isEmpty() && !asked.equals(now)) {
            throw new IllegalStateException(unmet.isEmpty()
                    ? "Infusion start not confirmed: the override names gates that are met now. Confirm the start again."
                    : "Infusion start not confirmed: the override does not name exactly the gates unmet now: " + details
                    + ". Review them and give a reason again.");
        }
        if (reason.map(String::isBlank).orElse(true)) {
            boolean bp = now.stream().anyMatch(k -> k != Kind.PRETREATMENT_LEAD);
            throw new IllegalStateException("Infusion start not confirmed: " + details + ". "
                    + (bp ? "Take a blood pressure now, or give" : "Give") + " a reason to confirm the start anyway.");
        }
        if (asked.isEmpty()) {
            throw new IllegalStateException("Infusion start not confirmed: " + details
                    + ". The override must name each of these gates; review them and give a reason again.");
        }
        return unmet;
    }
}
