package org.openinfusion.dashboard.visit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import com.vaadin.flow.component.html.H2;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.visit.MeasureOutcome;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitAnchor;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.security.Permission;

/**
 * A subject's timeline across visits (docs/visits.md): the chosen measure's totals over days with each period's baseline
 * and response line, the infusion days, missed and out-of-window visits; below, every visit with its window, status and
 * outcome, one click into its record (a rating visit's page, an infusion session's review record).
 */
@Route(Routes.SUBJECT)
@PageTitle("Subject timeline - Infusion station")
@StyleSheet("styles/review.css")
@StyleSheet("styles/visits.css")
public class SubjectView extends Div implements BeforeEnterObserver {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private final H1 title = new H1();
    private final Select<String> measure = new Select<>();
    private final Div chart = new Div();
    private final Grid<SubjectTimeline.Line> grid = new Grid<>();
    private final Span error = new Span();
    private final H2 infusionHeading = new H2(Text.get("subject.infusionRatings"));
    private final Grid<InfusionRating> infusionRatings = new Grid<>();
    /** Said instead of the chart and lists for a subject who is not enrolled: that, and what to do next. */
    private final Div notEnrolled = new Div();

    /** A rating taken during an infusion session (CADSS, VAS, BPRS+...), with its total, as the bed recorded it. */
    record InfusionRating(String visit, String held, String timePoint, String instrument, String total) {
    }
    private String protocolId;
    private String subject;
    private SubjectTimeline timeline;

    public SubjectView() {
        addClassName("review-view");
        addClassName("subject-view");
        title.setId("subject-title");
        measure.setLabel(Text.get("subject.measure"));
        measure.setId("subject-measure");
        measure.setItemLabelGenerator(Text::form);
        measure.addValueChangeListener(e -> drawChart());
        chart.setId("subject-chart");
        chart.addClassName("subject-chart");
        Div top = new Div(Routes.link(Text.get("subject.back"), Routes.CLINIC), title, measure, new SignOutButton());
        top.addClassName("review-top");
        grid.setId("subject-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> ClinicDay.label(l, crossover())).setHeader(Text.get("subject.colVisit")).setWidth("7rem").setFlexGrow(2);
        grid.addColumn(ClinicDay::window).setHeader(Text.get("subject.colWindow")).setWidth("6.5rem").setFlexGrow(1);
        grid.addColumn(l -> l.heldOn().map(DAY::format).orElse("")).setHeader(Text.get("subject.colHeld")).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(l -> ClinicDay.status(timeline.today(), l)).setHeader(Text.get("subject.colStatus")).setWidth("9rem").setFlexGrow(3);
        grid.addColumn(l -> outcome(l).map(o -> Integer.toString(o.value())).orElse("")).setHeader(Text.get("subject.colValue")).setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(l -> afterInfusion(l) ? outcome(l).map(SubjectView::change).orElse("") : "").setHeader(Text.get("subject.colChange")).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(l -> afterInfusion(l) ? outcome(l).map(o -> o.response() == null ? "" : Text.get(o.response() ? "subject.yes" : "subject.no"))
                        .orElse("") : "")
                .setHeader(Text.get("subject.colResponse")).setWidth("6.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::open).setKey("open").setHeader("").setWidth("8.5rem").setFlexGrow(0);
        error.addClassName("dialog-error");
        error.setId("subject-error");
        infusionRatings.setId("subject-infusion-ratings");
        infusionRatings.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        infusionRatings.setAllRowsVisible(true);
        infusionRatings.addColumn(InfusionRating::visit).setHeader(Text.get("subject.colVisit")).setFlexGrow(2);
        infusionRatings.addColumn(InfusionRating::held).setHeader(Text.get("subject.colHeld")).setFlexGrow(1);
        infusionRatings.addColumn(InfusionRating::timePoint).setHeader(Text.get("subject.colTimePoint")).setFlexGrow(1);
        infusionRatings.addColumn(InfusionRating::instrument).setHeader(Text.get("subject.colInstrument")).setFlexGrow(1);
        infusionRatings.addColumn(InfusionRating::total).setHeader(Text.get("subject.colValue")).setFlexGrow(0);
        infusionHeading.setId("subject-infusion-heading");
        notEnrolled.setId("subject-not-enrolled");
        notEnrolled.addClassName("subject-not-enrolled");
        notEnrolled.setVisible(false);
        // nothing but the title until the station has answered: never empty widgets
        timelineShown(false);
        add(top, notEnrolled, chart, error, grid, infusionHeading, infusionRatings);
    }

    /** The measure, chart and lists are shown only with a timeline to show; the not-enrolled note only without one. */
    private void timelineShown(boolean shown) {
        measure.setVisible(shown);
        chart.setVisible(shown);
        grid.setVisible(shown);
        infusionHeading.setVisible(shown);
        infusionRatings.setVisible(shown);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.BEDSIDE_VIEW);
        protocolId = event.getRouteParameters().get("protocol").orElse("");
        subject = event.getRouteParameters().get("subject").orElse("");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!Access.allowed(Permission.BEDSIDE_VIEW)) {
            return;
        }
        // the station's today: the subject's timeline, or, when not enrolled, the protocol's title to say so in staff words
        new StationRequests(DashboardServices.get().vertx(), event.getUI()).<VisitReply.DaySheet>request(Addresses.VISIT_QUERY,
                new VisitQuery.Day(null), sheet -> sheet.timelines().stream().filter(t -> t.subject().equals(subject) && t.protocolId().equals(protocolId))
                        .findFirst().ifPresentOrElse(this::show, () -> notEnrolled(sheet)), error::setText);
    }

    /**
     * Not enrolled: no timeline, so no chart, measure or lists (they would stand empty); the page says so with the
     * protocol's title and what to do next, with the way to the clinic list where the subject is enrolled.
     */
    private void notEnrolled(VisitReply.DaySheet sheet) {
        title.setText(Text.get("subject.title", subject));
        timelineShown(false);
        notEnrolled.removeAll();
        Optional<String> protocol = sheet.enrolable().stream().filter(c -> c.id().equals(protocolId)).findFirst().map(c -> c.label());
        Span what = new Span(protocol.map(label -> Text.get("subject.notEnrolled", subject, label)).orElse(Text.get("subject.noSchedule", subject)));
        what.setId("subject-not-enrolled-what");
        what.addClassName("subject-not-enrolled-what");
        Span next = new Span(Text.get(protocol.isPresent() ? "subject.notEnrolledNext" : "subject.noScheduleNext"));
        next.setId("subject-not-enrolled-next");
        notEnrolled.add(what, next);
        if (protocol.isPresent()) {
            Button clinic = new Button(Text.get("subject.toClinic"), e -> getUI().ifPresent(ui -> ui.navigate(Routes.CLINIC)));
            clinic.setId("subject-to-clinic");
            clinic.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            notEnrolled.add(clinic);
        }
        notEnrolled.setVisible(true);
    }

    private void show(SubjectTimeline t) {
        timeline = t;
        title.setText(Text.get("subject.title", t.subject()));
        timelineShown(true);
        notEnrolled.setVisible(false);
        grid.setItems(t.lines());
        List<InfusionRating> during = infusionRatings(t);
        infusionRatings.setItems(during);
        infusionHeading.setVisible(!during.isEmpty());
        infusionRatings.setVisible(!during.isEmpty());
        var measures = SubjectChart.measures(t);
        measure.setVisible(!measures.isEmpty());
        measure.setItems(measures);
        if (!measures.isEmpty()) {
            measure.setValue(measures.getFirst());
        }
        drawChart();
    }

    private void drawChart() {
        chart.removeAll();
        if (timeline != null) {
            chart.add(new Html("<div>" + SubjectChart.svg(timeline, measure.getValue() == null ? "" : measure.getValue()) + "</div>"));
        }
        grid.getDataProvider().refreshAll();
    }

    /**
     * Every rating with a total taken during the subject's infusion sessions, in order (the bedside's CADSS, VAS...):
     * the chart and the outcome columns show the protocol's outcome measures only.
     */
    static List<InfusionRating> infusionRatings(SubjectTimeline t) {
        boolean crossover = t.lines().stream().anyMatch(l -> l.period() > 1);
        List<InfusionRating> out = new ArrayList<>();
        for (SubjectTimeline.Line l : t.lines()) {
            if (l.kind() != VisitKind.INFUSION) {
                continue;
            }
            l.ratings().stream().sorted(Comparator.comparing(SubjectFacts.MeasuredRating::finishedAt))
                    .filter(r -> r.measures().containsKey(r.instrumentId()))
                    .forEach(r -> out.add(new InfusionRating(ClinicDay.label(l, crossover), l.heldOn().map(DAY::format).orElse(""),
                            Text.timePoint(r.timePoint()) + " (" + Text.clock(r.finishedAt()) + ")", Text.form(r.instrumentId()),
                            Integer.toString(r.measures().get(r.instrumentId())))));
        }
        return out;
    }

    Grid<InfusionRating> infusionRatings() {
        return infusionRatings;
    }

    private boolean crossover() {
        return timeline != null && timeline.lines().stream().anyMatch(l -> l.period() > 1);
    }

    private Optional<MeasureOutcome> outcome(SubjectTimeline.Line l) {
        return measure.getValue() == null ? Optional.empty() : l.outcome(measure.getValue());
    }

    /** Change and response mean something only after the period's infusion (its line holds the baseline itself). */
    static boolean afterInfusion(SubjectTimeline.Line l) {
        return l.kind() != VisitKind.INFUSION && (l.planned() == null || l.planned().anchor() != VisitAnchor.CONSENT);
    }

    static String change(MeasureOutcome o) {
        if (o.change() == null) {
            return "";
        }
        return (o.change() > 0 ? "+" : "") + o.change() + (o.percentChange() == null ? "" : String.format(Locale.ROOT, " (%+.0f %%)", o.percentChange()));
    }

    private Span open(SubjectTimeline.Line l) {
        Span s = new Span();
        if (l.visitSessionId() != null) {
            String route = l.kind() == VisitKind.INFUSION ? "review/" + l.visitSessionId() : Routes.visit(l.visitSessionId());
            Button b = new Button(Text.get("subject.open"), e -> getUI().ifPresent(ui -> ui.navigate(route)));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.addClassName("subject-open");
            s.add(b);
        }
        return s;
    }

    Grid<SubjectTimeline.Line> grid() {
        return grid;
    }
}
