package org.openinfusion.dashboard.visit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.SiteDates;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.security.Permission;

/**
 * The clinic list (docs/visits.md): for a study day (today in the site's zone unless another is picked), which subjects
 * are due for which visit and instruments, with the window status; start or open a rating visit, mark a visit missed
 * with a reason, add an unscheduled visit, enrol a subject in a protocol's visit schedule. Nurses and physicians.
 */
@Route(Routes.CLINIC)
@PageTitle("Clinic list - Infusion station")
@StyleSheet("styles/review.css")
@StyleSheet("styles/visits.css")
public class ClinicView extends Div implements BeforeEnterObserver {
    private final DatePicker day = SiteDates.picker(Text.get("clinic.day"));
    private final Grid<ClinicDay.Row> grid = new Grid<>();
    private final Span count = new Span();
    private final Span error = new Span();
    private final Span who = new Span();
    private final Div notEnrolled = new Div();
    private StationRequests station;
    private VisitReply.DaySheet sheet;
    private Dialog open;
    private Span dialogError;

    public ClinicView() {
        addClassName("review-view");
        addClassName("clinic-view");
        day.setId("clinic-day");
        day.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                load(e.getValue());
            }
        });
        Button today = new Button(Text.get("clinic.today"), e -> load(null));
        today.setId("clinic-today");
        Button enrol = new Button(Text.get("clinic.enrol"), e -> enrolDialog(null, null));
        enrol.setId("clinic-enrol");
        Button unscheduled = new Button(Text.get("clinic.unscheduled"), e -> unscheduledDialog());
        unscheduled.setId("clinic-unscheduled");
        who.setId("signed-in");
        Div top = new Div(new H1(Text.get("clinic.title")), Routes.link(Text.get("clinic.allBeds"), Routes.BEDS), who, new SignOutButton());
        top.addClassName("review-top");
        Div tools = new Div(day, today, unscheduled, enrol);
        tools.addClassName("review-filters");
        grid.setId("clinic-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(r -> Routes.link(r.subject(), Routes.subject(r.protocolId(), r.subject()))).setKey("subject")
                .setHeader(Text.get("clinic.colSubject")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(ClinicDay.Row::visit).setHeader(Text.get("clinic.colVisit")).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(ClinicDay.Row::window).setHeader(Text.get("clinic.colWindow")).setWidth("7.5rem").setFlexGrow(0);
        grid.addComponentColumn(ClinicView::status).setKey("status").setHeader(Text.get("clinic.colStatus")).setWidth("12rem").setFlexGrow(2);
        grid.addColumn(ClinicDay.Row::instrumentNames).setHeader(Text.get("clinic.colInstruments")).setWidth("8rem").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(Text.get("clinic.colActions")).setWidth("15rem").setFlexGrow(0);
        count.setId("clinic-count");
        error.setId("clinic-error");
        error.addClassName("dialog-error");
        notEnrolled.setId("clinic-not-enrolled");
        notEnrolled.addClassName("clinic-not-enrolled");
        add(top, tools, count, error, notEnrolled, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.SESSION_RUN);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!Access.allowed(Permission.SESSION_RUN)) {
            return;
        }
        CurrentUser.get().ifPresent(u -> who.setText(u.name() + " (" + Text.get("role." + u.role().key()) + ")"));
        station = new StationRequests(DashboardServices.get().vertx(), event.getUI());
        load(null);
    }

    /** Loads the list of {@code d}, or of the station's today when null. */
    void load(LocalDate d) {
        station.<VisitReply.DaySheet>request(Addresses.VISIT_QUERY, new VisitQuery.Day(d), this::show, error::setText);
    }

    private void show(VisitReply.DaySheet s) {
        sheet = s;
        error.setText("");
        day.setValue(s.day());
        List<ClinicDay.Row> rows = ClinicDay.rows(s.day(), s.timelines());
        grid.setItems(rows);
        // subjects seen at a bed that day but not enrolled in the protocol's visit schedule: said so, with "Enrol..."
        notEnrolled.removeAll();
        for (var u : s.notEnrolled()) {
            Span line = new Span(Text.get("clinic.notEnrolled", u.subject(), protocolTitle(u.protocolId())));
            Button enrolIt = new Button(Text.get("clinic.enrol"), e -> enrolDialog(u.subject(), u.protocolId()));
            enrolIt.addThemeVariants(ButtonVariant.LUMO_SMALL);
            enrolIt.addClassName("clinic-enrol-subject");
            Div row = new Div(line, enrolIt);
            row.addClassName("clinic-not-enrolled-row");
            notEnrolled.add(row);
        }
        count.setText(rows.isEmpty() && s.notEnrolled().isEmpty() ? Text.get("clinic.none") : rows.isEmpty() ? Text.get("clinic.noneEnrolled") : Text.get("clinic.count", rows.size(),
                rows.stream().filter(r -> r.standing() == ClinicDay.Standing.OVERDUE).count(),
                rows.stream().filter(r -> r.standing() == ClinicDay.Standing.DUE).count(),
                rows.stream().filter(r -> r.standing() == ClinicDay.Standing.IN_PROGRESS).count()));
    }

    private static Span status(ClinicDay.Row r) {
        Span s = new Span(r.status());
        s.addClassName("visit-status");
        s.addClassName("visit-" + r.standing().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return s;
    }

    private Div actions(ClinicDay.Row r) {
        Div d = new Div();
        d.addClassName("clinic-actions");
        if (r.canStart()) {
            Button start = new Button(Text.get("clinic.start"), e -> send(new VisitCommand.StartVisit(r.subject(), r.protocolId(), r.visitId(), r.period()),
                    done -> navigate(done.visitSessionId())));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            start.addClassName("clinic-start");
            d.add(start);
        }
        if (r.canOpen()) {
            Button o = new Button(Text.get("clinic.open"), e -> navigate(r.visitSessionId()));
            o.addThemeVariants(ButtonVariant.LUMO_SMALL);
            o.addClassName("clinic-open");
            d.add(o);
        }
        if (r.kind() == VisitKind.INFUSION && r.visitSessionId() == null) {
            d.add(new Span(Text.get("clinic.atBed")));
        }
        if (r.canMarkMissed()) {
            Button m = new Button(Text.get("clinic.missed"), e -> missedDialog(r));
            m.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            m.addClassName("clinic-missed");
            d.add(m);
        }
        return d;
    }

    private void navigate(String visitSessionId) {
        if (open != null) {
            open.close(); // a dialog is attached to the UI: it would stay over the visit page
        }
        getUI().ifPresent(ui -> ui.navigate(Routes.visit(visitSessionId)));
    }

    private void send(VisitCommand c, Consumer<VisitReply.Done> then) {
        station.<VisitReply.Done>request(Addresses.VISIT_COMMAND, c, then, problem -> {
            if (open != null && open.isOpened()) {
                dialogError.setText(problem);
            } else {
                error.setText(problem);
            }
        });
    }

    private void missedDialog(ClinicDay.Row r) {
        TextField reason = new TextField(Text.get("clinic.missedReason"));
        reason.setId("missed-reason");
        reason.setWidthFull();
        dialog("missed-dialog", Text.get("clinic.missedTitle", r.visit(), r.subject()), Text.get("clinic.missedSave"),
                () -> send(new VisitCommand.MarkMissed(r.subject(), r.protocolId(), r.visitId(), r.period(), reason.getValue()), this::reloaded), reason);
    }

    private void unscheduledDialog() {
        Select<SubjectTimeline> subject = new Select<>();
        subject.setLabel(Text.get("clinic.unscheduledSubject"));
        subject.setId("unscheduled-subject");
        subject.setItems(sheet == null ? List.of() : sheet.timelines());
        subject.setItemLabelGenerator(t -> t.subject() + " - " + protocolTitle(t.protocolId()));
        subject.setWidthFull();
        TextField reason = new TextField(Text.get("clinic.unscheduledReason"));
        reason.setId("unscheduled-reason");
        reason.setWidthFull();
        dialog("unscheduled-dialog", Text.get("clinic.unscheduledTitle"), Text.get("clinic.unscheduledSave"), () -> {
            SubjectTimeline t = subject.getValue();
            if (t != null) {
                send(new VisitCommand.StartUnscheduled(t.subject(), t.protocolId(), ClinicDay.currentPeriod(t), reason.getValue()),
                        done -> navigate(done.visitSessionId()));
            }
        }, subject, reason);
    }

    /** Enrol: {@code subjectCode} and {@code protocolId} prefilled for a subject seen at a bed (both null from the button). */
    private void enrolDialog(String subjectCode, String protocolId) {
        TextField subject = new TextField(Text.get("clinic.enrolSubject"));
        subject.setId("enrol-subject");
        if (subjectCode != null) {
            subject.setValue(subjectCode);
        }
        // the whole title of each protocol, one per line (the titles begin alike: a cut title does not tell them apart)
        RadioButtonGroup<ProtocolChoices.Choice> protocol = new RadioButtonGroup<>(Text.get("clinic.enrolProtocol"));
        protocol.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        protocol.setId("enrol-protocol");
        List<ProtocolChoices.Choice> choices = sheet == null ? List.of() : sheet.enrolable();
        protocol.setItems(choices);
        protocol.setItemLabelGenerator(ProtocolChoices.Choice::label);
        protocol.setWidthFull();
        if (!choices.isEmpty()) { // the station lists only protocols with a visit schedule
            protocol.setValue(choices.stream().filter(c -> c.id().equals(protocolId)).findFirst().orElse(choices.getFirst()));
        }
        DatePicker consent = SiteDates.picker(Text.get("clinic.enrolConsent"));
        consent.setId("enrol-consent");
        consent.setValue(day.getValue());
        dialog("enrol-dialog", Text.get("clinic.enrolTitle"), Text.get("clinic.enrolSave"), () -> {
            if (protocol.getValue() != null && consent.getValue() != null) {
                send(new VisitCommand.Enrol(subject.getValue().strip(), protocol.getValue().id(), consent.getValue()), this::reloaded);
            }
        }, subject, protocol, consent);
        if (choices.isEmpty()) {
            error.setText(Text.get("clinic.noProtocol"));
        }
    }

    private void reloaded(VisitReply.Done done) {
        if (open != null) {
            open.close();
        }
        load(day.getValue());
    }

    private void dialog(String id, String title, String save, Runnable action, Component... fields) {
        Dialog d = new Dialog();
        d.setId(id);
        d.setHeaderTitle(title);
        d.setWidth("min(720px, 95vw)");
        d.setCloseOnOutsideClick(false);
        Span problem = new Span();
        problem.setId(id + "-error");
        problem.addClassName("dialog-error");
        Div form = new Div(fields);
        form.addClassName("visit-fields");
        d.add(form, problem);
        dialogError = problem;
        Button cancel = new Button(Text.get("confirm.cancel"), e -> d.close());
        cancel.setId(id + "-cancel");
        Button ok = new Button(save, e -> action.run());
        ok.setId(id + "-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(cancel, ok);
        open = d;
        d.open();
    }

    private String protocolTitle(String protocolId) {
        return sheet.enrolable().stream().filter(c -> c.id().equals(protocolId)).map(ProtocolChoices.Choice::label).findFirst().orElse(protocolId);
    }

    Grid<ClinicDay.Row> grid() {
        return grid;
    }
}
