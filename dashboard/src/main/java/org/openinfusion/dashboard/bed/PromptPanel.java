package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.rating.ItemValues;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;

/**
 * Rating time points: what is due now as a prominent banner with one large button per form (overdue escalates), or
 * else the next time point with its countdown, always in view; in a tab ({@link #list()}) what was done and what comes,
 * as a flowsheet reads: the recorded ratings first (with their station-computed totals and a way to correct them), then
 * the time points still to rate in the schedule's order, the next one marked.
 */
final class PromptPanel extends Div {
    /** Opens a form for a new rating. */
    interface Rate {
        /** {@code subjectPart}: the subject's answers from the tablet that staff complete (empty: the whole form). */
        void open(String timePointId, String formKey, Map<String, Answer> subjectPart);
    }

    private final Rate rate;
    /** Opens a correction of a recorded rating. */
    private final Consumer<SessionView.RatingEntry> correct;
    /** Hands a form the subject rates alone to the patient tablet (null: no tablet button). */
    private final HandOver tablet;
    private final Div due = new Div();
    private final Span next = new Span();
    private final Div list = new Div();
    private final Div upcoming = new Div();
    private final Div recorded = new Div();
    private final Map<String, Span> dueTitles = new HashMap<>();
    private String shownDue = "";
    private int shownRatings = -1;

    PromptPanel(Rate rate, Consumer<SessionView.RatingEntry> correct, HandOver tablet) {
        this.rate = rate;
        this.correct = correct;
        this.tablet = tablet;
        addClassName("prompts");
        due.setId("prompt-due");
        due.addClassName("prompt-due");
        next.setId("prompt-next");
        next.addClassName("prompt-next");
        upcoming.setId("prompt-upcoming");
        recorded.setId("ratings-recorded");
        list.addClassName("prompt-list");
        list.add(recorded, upcoming);
        add(due, next);
    }

    /** The recorded ratings, then the time points still to rate (the next one marked), for a tab. */
    Div list() {
        return list;
    }

    void show(SessionView v) {
        Instant now = v.asOf();
        List<Prompt> open = v.prompts().stream().filter(PromptPanel::isDue).toList();
        due.setVisible(!open.isEmpty());
        String key = open.stream().map(p -> p.timePointId() + p.state()).toList() + " " + v.ratings().size() + " " + v.tabletParts().size();
        if (!key.equals(shownDue)) {
            shownDue = key;
            due.removeAll();
            dueTitles.clear();
            open.forEach(p -> due.add(dueRow(p, v)));
        }
        open.forEach(p -> dueTitles.get(p.timePointId()).setText(title(p, now)));
        Optional<Prompt> coming = v.prompts().stream().filter(p -> p.state() == PromptState.SCHEDULED && p.due().isPresent())
                .min(Comparator.comparing(p -> p.due().get()));
        next.setVisible(open.isEmpty());
        next.setText(coming.map(p -> Text.get("prompt.next", Text.timePoint(p.timePointId()), forms(p), Text.clock(p.due().get()),
                Text.due(p.due().get(), now))).orElse(Text.get("prompt.noneScheduled")));
        upcoming.removeAll();
        List<Prompt> toRate = toRate(v.prompts());
        Optional<String> nextOne = next(toRate);
        toRate.forEach(p -> upcoming.add(line(p, Text.formsToRate(p, v), nextOne.filter(p.timePointId()::equals).isPresent())));
        if (v.ratings().size() != shownRatings) {
            shownRatings = v.ratings().size();
            recorded.removeAll();
            // one compact row per time point in the schedule's order (baseline first, whenever each was rated), each
            // rating's result a button that opens its correction
            recordedByTimePoint(v).forEach((timePoint, entries) -> recorded.add(recordedRow(timePoint, entries)));
        }
    }

    /**
     * The recorded ratings by time point, in the order of the protocol's schedule (the order of the session's prompts):
     * a baseline rated late is still listed first. A time point not in the schedule comes last, in the order rated.
     */
    static Map<String, List<SessionView.RatingEntry>> recordedByTimePoint(SessionView v) {
        List<String> schedule = v.prompts().stream().map(Prompt::timePointId).toList();
        Map<String, List<SessionView.RatingEntry>> byTimePoint = new LinkedHashMap<>();
        v.ratings().stream()
                .sorted(Comparator.comparingInt(r -> schedule.contains(r.timePointId()) ? schedule.indexOf(r.timePointId()) : schedule.size()))
                .forEach(r -> byTimePoint.computeIfAbsent(r.timePointId(), k -> new ArrayList<>()).add(r));
        return byTimePoint;
    }

    /**
     * The time points still to rate (every one not completed, a missed one included), in the schedule's order; one not
     * due (after an early end of the infusion) stays listed with its reason, so none disappears from the list.
     */
    static List<Prompt> toRate(List<Prompt> prompts) {
        return prompts.stream().filter(p -> p.state() != PromptState.COMPLETED).toList();
    }

    /**
     * The time point a nurse rates next: the first one open now (due or overdue), else the scheduled one due soonest;
     * empty when none has a due time yet.
     */
    static Optional<String> next(List<Prompt> toRate) {
        return toRate.stream().filter(PromptPanel::isDue).findFirst()
                .or(() -> toRate.stream().filter(p -> p.state() == PromptState.SCHEDULED && p.due().isPresent()).min(Comparator.comparing(p -> p.due().get())))
                .map(Prompt::timePointId);
    }

    /** The subject's answers from the tablet to the form at the time point, still to be completed by staff (empty: none). */
    static Map<String, Answer> subjectPart(SessionView v, String timePointId, String form) {
        return v.tabletParts().stream().filter(x -> x.timePointId().equals(timePointId)
                && (x.shortFormId() == null ? x.instrumentId() : x.shortFormId()).equals(form)).findFirst().map(Rating::answers).orElse(Map.of());
    }

    static boolean isDue(Prompt p) {
        return p.state() == PromptState.DUE || p.state() == PromptState.OVERDUE;
    }

    static String forms(Prompt p) {
        return String.join(", ", p.instruments().stream().map(Text::form).toList());
    }

    static String title(Prompt p, Instant now) {
        String due = Text.due(p, now);
        return Text.get(p.state() == PromptState.OVERDUE ? "prompt.overdueTitle" : "prompt.dueTitle", Text.timePoint(p.timePointId()))
                + (due.isEmpty() ? "" : "  " + due);
    }

    private Div dueRow(Prompt p, SessionView v) {
        Span title = new Span();
        title.addClassName("prompt-title");
        dueTitles.put(p.timePointId(), title);
        Div row = new Div(title);
        row.addClassName("prompt");
        row.getElement().setAttribute("data-state", p.state().name().toLowerCase(Locale.ROOT));
        row.getElement().setAttribute("role", "status");
        // the tablet hand-overs after every rate button, together at the row's end: never between two rate buttons
        Div handOvers = new Div();
        handOvers.addClassName("prompt-hand-overs");
        for (String form : p.instruments()) {
            boolean done = v.ratings().stream().anyMatch(r -> !r.correction() && r.timePointId().equals(p.timePointId()) && r.form().equals(form));
            // the subject answered its subject-rated items on the tablet: staff rate the rest ("Rate CADSS items 20-23")
            Map<String, Answer> part = subjectPart(v, p.timePointId(), form);
            String label = done ? Text.get("prompt.done", Text.form(form)) : part.isEmpty() ? Text.get("prompt.rate", Text.form(form))
                    : Text.get("prompt.rateRest", Text.form(form), tablet == null ? "" : tablet.restOf(form, part));
            Button b = new Button(label, e -> rate.open(p.timePointId(), form, part));
            b.setId("rate-" + p.timePointId() + "-" + form);
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            b.setEnabled(!done);
            row.add(b);
            if (!done && part.isEmpty() && tablet != null && tablet.toTablet(form)) {
                Button t = new Button(Text.get("bed.handOver", Text.form(form)), e -> tablet.handOver(p.timePointId(), form));
                t.setId("hand-" + p.timePointId() + "-" + form);
                t.addClassName("hand-over");
                t.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                handOvers.add(t);
            }
        }
        if (handOvers.getComponentCount() > 0) {
            row.add(handOvers);
        }
        return row;
    }

    /**
     * A time point still to rate in one compact row: which, its forms not yet recorded, and its due time (or why it has none yet); one open
     * now or missed reads so ("Due", "Overdue", "Missed"). {@code next}: the one to rate next, marked as such (a scheduled
     * one reads "next at 14:05").
     */
    private static Div line(Prompt p, String forms, boolean next) {
        // the clock time only: the countdown to the next one is in view above the tabs (prompt-next) and on the overview
        boolean past = isDue(p) || p.state() == PromptState.MISSED;
        // the next one says so in words, not by its colour alone ("next at 14:05"); one not due says why
        String when = p.state() == PromptState.NOT_APPLICABLE ? Text.notDue(p)
                : past ? Text.of("prompt", p.state())
                : p.due().map(d -> next ? Text.get("prompt.nextAt", Text.clock(d)) : Text.clock(d)).orElse(Text.state(p));
        Div d = new Div(cell(Text.timePoint(p.timePointId()), "list-when"), cell(forms, "list-what"), cell(when, "list-state"));
        d.addClassName("prompt-line");
        d.getElement().setAttribute("data-state", p.state().name().toLowerCase(Locale.ROOT));
        d.getElement().setAttribute("data-next", String.valueOf(next));
        if (next) {
            d.getElement().setAttribute("aria-current", "step");
        }
        return d;
    }

    /** The station's total ("17 (0-92)"); for an instrument without a total (VAS), each value with its unit. */
    private static String result(SessionView.RatingEntry r) {
        return r.total().isPresent() ? r.summary() : ItemValues.of(DashboardServices.get().instruments(), r.form(), r.answers());
    }


    /** The ratings recorded at one time point in one row; each result opens its correction ("Correct CADSS"). */
    private Div recordedRow(String timePoint, List<SessionView.RatingEntry> entries) {
        Div results = new Div();
        results.addClassName("list-what");
        for (SessionView.RatingEntry r : entries) {
            Button fix = new Button(Text.form(r.form()) + "  " + result(r) + (r.correction() ? "  " + Text.get("rating.correction") : ""),
                    e -> correct.accept(r));
            fix.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            fix.addClassName("rating-correct");
            fix.setId("correct-" + r.ratingId());
            String name = Text.get("rating.correctForm", Text.form(r.form()), Text.timePoint(r.timePointId()));
            fix.setTooltipText(name);
            fix.setAriaLabel(name + ": " + result(r));
            results.add(fix);
        }
        Instant last = entries.stream().map(SessionView.RatingEntry::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
        Div d = new Div(cell(Text.timePoint(timePoint), "list-when"), results, cell(Text.clock(last), "list-state"));
        d.addClassName("rating-line");
        return d;
    }

    private static Span cell(String text, String className) {
        Span s = new Span(text);
        s.addClassName(className);
        return s;
    }
}
