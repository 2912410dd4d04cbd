package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;

/**
 * Rating time points: a prominent banner for what is due (overdue escalates), the upcoming ones with countdowns,
 * and the recorded ratings with their station-computed totals and a way to correct them.
 */
final class PromptPanel extends Div {
    /** Opens a form: (time point, form key) for a new rating. */
    private final BiConsumer<String, String> rate;
    /** Opens a correction of a recorded rating. */
    private final java.util.function.Consumer<SessionView.RatingEntry> correct;
    private final Div due = new Div();
    private final Div upcoming = new Div();
    private final Div recorded = new Div();
    private final java.util.Map<String, Span> dueTitles = new java.util.HashMap<>();
    private String shownDue = "";
    private int shownRatings = -1;

    PromptPanel(BiConsumer<String, String> rate, java.util.function.Consumer<SessionView.RatingEntry> correct) {
        this.rate = rate;
        this.correct = correct;
        addClassName("prompts");
        due.setId("prompt-due");
        due.addClassName("prompt-due");
        upcoming.setId("prompt-upcoming");
        recorded.setId("ratings-recorded");
        add(due, new H3("Ratings"), upcoming, recorded);
    }

    void show(SessionView v) {
        Instant now = v.asOf();
        List<Prompt> open = v.prompts().stream().filter(p -> p.state() == PromptState.DUE || p.state() == PromptState.OVERDUE).toList();
        due.setVisible(!open.isEmpty());
        String key = open.stream().map(p -> p.timePointId() + p.state()).toList() + " " + v.ratings().size();
        if (!key.equals(shownDue)) {
            shownDue = key;
            due.removeAll();
            dueTitles.clear();
            open.forEach(p -> due.add(dueRow(p, v)));
        }
        open.forEach(p -> dueTitles.get(p.timePointId()).setText(title(p, now)));
        upcoming.removeAll();
        v.prompts().stream().filter(p -> p.state() != PromptState.DUE && p.state() != PromptState.OVERDUE)
                .forEach(p -> upcoming.add(line(p, now)));
        if (v.ratings().size() != shownRatings) {
            shownRatings = v.ratings().size();
            recorded.removeAll();
            v.ratings().forEach(r -> recorded.add(recordedRow(r)));
        }
    }

    private static String title(Prompt p, Instant now) {
        return (p.state() == PromptState.OVERDUE ? "OVERDUE: " : "Due now: ") + p.timePointId() + "  " + when(p, now);
    }

    private Div dueRow(Prompt p, SessionView v) {
        Span title = new Span();
        title.addClassName("prompt-title");
        dueTitles.put(p.timePointId(), title);
        Div row = new Div(title);
        row.addClassName("prompt");
        row.getElement().setAttribute("data-state", p.state().name().toLowerCase(Locale.ROOT));
        for (String form : p.instruments()) {
            boolean done = v.ratings().stream().anyMatch(r -> !r.correction() && r.timePointId().equals(p.timePointId()) && r.form().equals(form));
            Button b = new Button((done ? "Done: " : "Rate ") + form.toUpperCase(Locale.ROOT), e -> rate.accept(p.timePointId(), form));
            b.setId("rate-" + p.timePointId() + "-" + form);
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            b.setEnabled(!done);
            row.add(b);
        }
        return row;
    }

    private static Div line(Prompt p, Instant now) {
        Div d = new Div(new Span(p.timePointId() + "  " + String.join(", ", p.instruments()) + "  " + Format.words(p.state())
                + "  " + when(p, now)));
        d.addClassName("prompt-line");
        d.getElement().setAttribute("data-state", p.state().name().toLowerCase(Locale.ROOT));
        return d;
    }

    static String when(Prompt p, Instant now) {
        if (p.due().isEmpty()) {
            return "";
        }
        Duration d = Duration.between(now, p.due().get());
        return "due " + Format.clock(p.due().get()) + (d.isNegative() ? " (" + Format.minutes(d.negated()) + " ago)" : " (in " + Format.minutes(d) + ")");
    }

    private Div recordedRow(SessionView.RatingEntry r) {
        Button fix = new Button("Correct", e -> correct.accept(r));
        fix.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div d = new Div(new Span(r.timePointId() + "  " + r.form().toUpperCase(Locale.ROOT) + "  " + r.summary()
                + (r.correction() ? "  (correction)" : "")), fix);
        d.addClassName("rating-line");
        return d;
    }
}
