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
        grid.addColumn(SubjectView::status).setHeader(Text.get("subject.colStatus")).setWidth("9rem").setFlexGrow(3);
        grid.addColumn(l -> outcome(l).map(o -> Integer.toString(o.value())).orElse("")).setHeader(Text.get("subject.colValue")).setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(l -> afterInfusion(l) ? outcome(l).map(SubjectView::change).orElse("") : "").setHeader(Text.get("subject.colChange")).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(l -> afterInfusion(l) ? outcome(l).map(o -> o.response() == null ? "" : Text.get(o.response() ? "subject.yes" : "subject.no"))
                        .orElse("") : "")
                .setHeader(Text.get("subject.colResponse")).setWidth("6.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::open).setKey("open").setHeader("").setWidth("8.5rem").setFlexGrow(0);
        error.addClassName("dialog-error");
        add(top, chart, error, grid);
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
        new StationRequests(DashboardServices.get().vertx(), event.getUI()).<VisitReply.Timeline>request(Addresses.VISIT_QUERY,
                new VisitQuery.Timeline(subject, protocolId, LocalDate.now(Text.zone())), r -> show(r.timeline()), error::setText);
    }

    private void show(SubjectTimeline t) {
        timeline = t;
        title.setText(Text.get("subject.title", t.subject()));
        grid.setItems(t.lines());
        var measures = SubjectChart.measures(t);
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

    static String status(SubjectTimeline.Line l) {
        String s = Text.of("subject.status", l.status());
        if (l.missedReason() != null) {
            s += ": " + l.missedReason();
        } else if (l.unscheduledReason() != null) {
            s += ": " + l.unscheduledReason();
        }
        return s;
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
