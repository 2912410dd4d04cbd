package org.openinfusion.dashboard.visit;

import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.clinical.review.VisitSignOff;
import org.openinfusion.station.clinical.review.SignatureMeaning;
import org.openinfusion.station.clinical.review.Signature;
import org.openinfusion.station.clinical.review.ReviewRequest;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.SiteDates;
import org.openinfusion.dashboard.StaffNames;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.tablet.CodeDialog;
import org.openinfusion.dashboard.rating.RatingDialog;
import org.openinfusion.dashboard.rating.RatingDraft;
import org.openinfusion.dashboard.safety.AdverseEventDialog;
import org.openinfusion.dashboard.safety.AdverseEventForm;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.security.Permission;

/**
 * A rating visit (docs/visits.md): no devices, no kit. Its instruments are rated with the bedside rating form, vital signs
 * are entered by hand, notes and adverse events (the bedside dialog) recorded, then the visit is completed. Every entry
 * goes to the station, which writes it to the audit trail before it answers; the page shows what the trail holds.
 */
@Route(Routes.VISIT)
@PageTitle("Rating visit - Infusion station")
@StyleSheet("styles/review.css")
@StyleSheet("styles/visits.css")
public class VisitView extends Div implements BeforeEnterObserver {
    /** The vital signs entered by hand, in the order of the form. */
    static final List<String> VITALS = List.of("nibp_sys", "nibp_dia", "hr", "spo2", "rr");

    private final Clock clock = Clock.systemUTC();
    private final H1 title = new H1();
    private final Span facts = new Span();
    private final Div instruments = new Div();
    private final Map<String, NumberField> vitals = new LinkedHashMap<>();
    private final UnorderedList vitalsDone = new UnorderedList();
    private final TextArea note = new TextArea(Text.get("visit.note"));
    private final UnorderedList notes = new UnorderedList();
    private final UnorderedList events = new UnorderedList();
    private final Span error = new Span();
    private final Button complete = new Button(Text.get("visit.complete"));
    private final UnorderedList signatures = new UnorderedList();
    private final Select<VisitReply.Monitor> monitorBed = new Select<>();
    private final Button takeFromMonitor = new Button(Text.get("visit.takeFromMonitor"));
    private final Span monitorNote = new Span();
    private final UnorderedList amendments = new UnorderedList();
    private final Button amendNote = new Button(Text.get("visit.amendNote"));
    private final Button amendAdverseEvent = new Button(Text.get("visit.amendNewAe"));
    private final Div amendSection;
    private Dialog amendDialog;
    private final Button sign = new Button(Text.get("visit.sign"));
    /** The last entry changing the visit's content when the page showed it: a signature is for what was shown. */
    private long shownLastChange;
    private Dialog signDialog;
    private Dialog handOverDialog;
    private final List<Button> editing = new ArrayList<>();
    /** The entry forms of an open visit: hidden once it is completed (only amendments change it then). */
    private final List<Component> entryForms = new ArrayList<>();
    private String visitId;
    private StationRequests station;
    private VisitSheet sheet;
    private RatingDialog ratingDialog;
    private AdverseEventDialog aeDialog;

    public VisitView() {
        addClassName("review-view");
        addClassName("visit-view");
        title.setId("visit-title");
        facts.setId("visit-facts");
        facts.addClassName("record-fields");
        Div top = new Div(Routes.link(Text.get("visit.back"), Routes.CLINIC), title, facts, new SignOutButton());
        top.addClassName("review-top");
        instruments.setId("visit-instruments");

        Div vitalsForm = new Div();
        vitalsForm.addClassName("visit-vitals");
        for (String stream : VITALS) {
            NumberField f = new NumberField(Text.get("stream." + stream) + " (" + Text.get("unit." + stream) + ")");
            f.setId("vital-" + stream);
            vitals.put(stream, f);
            vitalsForm.add(f);
        }
        Button recordVitals = new Button(Text.get("visit.recordVitals"), e -> recordVitals());
        recordVitals.setId("visit-record-vitals");
        // a monitor streaming to the station: the station records its own latest values, with the devices as source
        monitorBed.setId("visit-monitor-bed");
        monitorBed.setLabel(Text.get("visit.monitorBed"));
        monitorBed.setItemLabelGenerator(VisitReply.Monitor::bedId);
        monitorBed.addValueChangeListener(e -> showMonitor(e.getValue()));
        takeFromMonitor.setId("visit-take-monitor");
        takeFromMonitor.addClickListener(e -> {
            if (monitorBed.getValue() != null) {
                send(new VisitCommand.TakeFromMonitor(visitId, monitorBed.getValue().bedId()), done -> {
                });
            }
        });
        monitorNote.setId("visit-monitor-note");
        monitorNote.addClassName("visit-monitor-note");
        Div monitorRow = new Div(monitorBed, takeFromMonitor);
        monitorRow.addClassName("visit-monitor");
        vitalsDone.setId("visit-vitals-done");
        vitalsDone.addClassName("visit-list");
        note.setId("visit-note");
        note.setWidthFull();
        Button addNote = new Button(Text.get("visit.addNote"), e -> addNote());
        addNote.setId("visit-add-note");
        notes.setId("visit-notes");
        notes.addClassName("visit-list");
        Button ae = new Button(Text.get("ae.record"), e -> openAdverseEvent());
        ae.setId("visit-ae");
        events.setId("visit-aes");
        events.addClassName("visit-list");
        editing.addAll(List.of(recordVitals, addNote, ae, complete));
        entryForms.addAll(List.of(vitalsForm, recordVitals, monitorRow, monitorNote, note, addNote, ae, complete));

        Div ratings = section(Text.get("visit.instruments"), instruments);
        Div vitalsSection = section(Text.get("visit.vitals"), vitalsForm, recordVitals, monitorRow, monitorNote, vitalsDone);
        Div notesSection = section(Text.get("visit.notes"), note, addNote, notes);
        Div aeSection = section(Text.get("visit.adverseEvents"), ae, events);
        signatures.setId("visit-signatures");
        signatures.addClassName("visit-list");
        sign.setId("visit-sign");
        sign.addClickListener(e -> openSign());
        Div signSection = section(Text.get("visit.signatures"), signatures, sign);
        amendments.setId("visit-amendments");
        amendments.addClassName("visit-list");
        amendNote.setId("visit-amend-note");
        amendNote.addClickListener(e -> openAmendNote());
        amendAdverseEvent.setId("visit-amend-new-ae");
        amendAdverseEvent.addClickListener(e -> openAmendAdverseEvent(Optional.empty()));
        Div amendButtons = new Div(amendNote, amendAdverseEvent);
        amendButtons.addClassName("visit-amend-buttons");
        amendSection = section(Text.get("visit.amendments"), amendments, amendButtons);
        Div grid = new Div(ratings, vitalsSection, notesSection, aeSection, signSection, amendSection);
        grid.addClassName("visit-sections");
        error.setId("visit-error");
        error.addClassName("dialog-error");
        complete.setId("visit-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.addClickListener(e -> station.<VisitReply.Done>request(Addresses.VISIT_COMMAND, new VisitCommand.Complete(visitId),
                done -> getUI().ifPresent(ui -> ui.navigate(Routes.CLINIC)), error::setText));
        Div actions = new Div(error, complete);
        actions.addClassName("visit-actions");
        add(top, grid, actions);
    }

    private static Div section(String heading, Component... content) {
        Div d = new Div(new H2(heading));
        d.add(content);
        d.addClassName("visit-section");
        return d;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.SESSION_RUN);
        visitId = event.getRouteParameters().get("visitId").orElse("");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!Access.allowed(Permission.SESSION_RUN)) {
            return;
        }
        station = new StationRequests(DashboardServices.get().vertx(), event.getUI());
        reload();
    }

    private void reload() {
        station.<VisitReply.Visit>request(Addresses.VISIT_QUERY, new VisitQuery.Visit(visitId), v -> {
            shownLastChange = VisitSignOff.lastChangeSeq(v.visit());
            show(VisitSheet.of(v));
        }, error::setText);
        station.<VisitReply.Monitors>request(Addresses.VISIT_QUERY, new VisitQuery.Monitors(visitId), this::showMonitors, monitorNote::setText);
    }

    /** The monitors streaming to the station; the first whose values can be taken is chosen. */
    private void showMonitors(VisitReply.Monitors m) {
        String chosen = monitorBed.getValue() == null ? null : monitorBed.getValue().bedId();
        monitorBed.setItems(m.monitors());
        monitorBed.setVisible(!m.monitors().isEmpty());
        if (m.monitors().isEmpty()) {
            showMonitor(null);
            return;
        }
        monitorBed.setValue(m.monitors().stream().filter(x -> x.bedId().equals(chosen)).findFirst()
                .or(() -> m.monitors().stream().filter(x -> x.unavailable() == null).findFirst()).orElse(m.monitors().getFirst()));
    }

    /** The chosen monitor's latest values with their age, or why they cannot be taken; the button says so by being off. */
    private void showMonitor(VisitReply.Monitor m) {
        boolean open = sheet == null || !sheet.completed();
        if (m == null) {
            monitorNote.setText(Text.get("visit.noMonitor"));
            takeFromMonitor.setEnabled(false);
            return;
        }
        String values = String.join(", ", m.values().stream().map(v -> Text.get(v.current() ? "visit.monitorValue" : "visit.monitorStale",
                Text.orElse("stream." + v.stream(), v.stream()), VisitSheet.number(v.value()), v.ageSeconds())).toList());
        monitorNote.setText(m.unavailable() == null ? values : values + ". " + Text.get("visit.monitorUnavailable", m.unavailable()));
        takeFromMonitor.setEnabled(open && m.unavailable() == null);
    }

    private void show(VisitSheet s) {
        sheet = s;
        title.setText(Text.get("visit.title", s.visitName(), s.subject()));
        facts.setText(s.facts());
        instruments.removeAll();
        for (VisitSheet.Instrument i : s.instruments()) {
            Span state = new Span(i.state());
            state.setId("visit-state-" + i.id());
            Div row = new Div(new Span(Text.form(i.id())), state);
            row.addClassName("visit-instrument");
            boolean mayCorrect = s.completed() ? Access.allowed(Permission.RECORD_AMEND) : Access.allowed(Permission.SESSION_RUN);
            if (i.rated() && mayCorrect) {
                // the original stays in the audit trail; on a completed visit the correction is a physician's amendment
                Button correct = new Button(Text.get("visit.correct"), e -> correct(i));
                correct.setId("visit-correct-" + i.id());
                correct.addClassName("visit-correct");
                row.add(correct);
            }
            if (!s.completed() && !i.rated()) {
                Button rate = new Button(Text.get(i.awaitsObserverItems() ? "visit.rateObserver" : "visit.rate"), e -> rate(i));
                rate.setId("visit-rate-" + i.id());
                rate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                row.add(rate);
                if (!i.awaitsObserverItems() && subjectRated(i.id()) && Access.allowed(Permission.HAND_TO_PATIENT)) {
                    Button tablet = new Button(Text.get("visit.handOver"), e -> handOver(i.id()));
                    tablet.setId("visit-tablet-" + i.id());
                    row.add(tablet);
                }
            }
            instruments.add(row);
        }
        vitalsDone.removeAll();
        boolean amends = s.completed() && Access.allowed(Permission.RECORD_AMEND);
        int vitalsLine = 0;
        for (VisitSheet.Vitals v : s.vitals()) {
            vitalsLine++;
            ListItem item = new ListItem(v.text());
            if (!v.outOfLimits().isEmpty()) {
                // flagged as the bedside alarms word a value outside a limit; the value is kept
                Span flag = new Span(Text.get("visit.outOfLimits", String.join(", ", v.outOfLimits())));
                flag.addClassName("visit-flag");
                item.add(flag);
                item.addClassName("visit-flagged");
            }
            if (amends) {
                // a physician's correction of a completed visit: the original stays in the trail, the line shows the value in effect
                Button correct = new Button(Text.get("visit.correct"), e -> openCorrectVitals(v));
                correct.setId("visit-correct-vitals-" + vitalsLine);
                correct.addClassName("visit-line-action");
                correct.addThemeVariants(ButtonVariant.LUMO_SMALL);
                item.add(correct);
            }
            vitalsDone.add(item);
        }
        if (s.vitals().isEmpty()) {
            vitalsDone.add(new ListItem(Text.get("visit.noneRecorded")));
        }
        fill(notes, s.notes().isEmpty() ? List.of(Text.get("visit.noneRecorded")) : s.notes());
        // an empty section says so: on a completed visit its form is hidden, and an empty list read as a page not loaded
        events.removeAll();
        if (s.adverseEvents().isEmpty()) {
            events.add(new ListItem(Text.get("visit.noneRecorded")));
        }
        for (VisitSheet.Event a : s.adverseEvents()) {
            ListItem item = new ListItem(a.event().term() + " (" + Text.of("ae.severity", a.event().severity()) + ")"
                    + (a.amendedBecause() == null ? "" : " " + Text.get("visit.amendedValue", a.amendedBecause())));
            if (amends) {
                Button amend = new Button(Text.get("visit.amendAe"), e -> openAmendAdverseEvent(Optional.of(a.event())));
                amend.setId("visit-amend-ae-" + a.event().id());
                amend.addClassName("visit-line-action");
                amend.addThemeVariants(ButtonVariant.LUMO_SMALL);
                item.add(amend);
            }
            events.add(item);
        }
        List<String> signed = new ArrayList<>(s.signatures().stream().map(x -> {
            Signature g = x.signature();
            // named with the role, as review names its signers; the time in the site's zone (site.timeZone) with its name
            String who = StaffNames.roleOf(g.userId()).map(role -> Text.get("staff.named", g.printedName(), role)).orElse(g.printedName());
            String line = Text.get("visit.signedLine", g.meaning().label(), who,
                    SiteDates.FORMAT.format(g.at().atZone(Text.zone())) + " " + Text.clockWithZone(g.at()));
            return x.beforeAmendment() ? Text.get("visit.signedBeforeAmendment", line) : line;
        }).toList());
        if (signed.isEmpty()) {
            signed.add(Text.get("visit.notSigned"));
        } else if (s.signatures().stream().allMatch(VisitSheet.Signed::beforeAmendment)) {
            signed.add(Text.get("visit.needsNewSignature"));
        }
        fill(signatures, signed);
        fill(amendments, s.amendments().isEmpty() ? List.of(Text.get("visit.noAmendments")) : s.amendments());
        amendSection.setVisible(s.completed());
        amendNote.setVisible(amends);
        amendAdverseEvent.setVisible(amends);
        // a physician signs a completed visit as an infusion session's record (e-signature, audit trail)
        sign.setVisible(s.completed() && Access.allowed(Permission.RECORD_SIGN));
        editing.forEach(b -> b.setEnabled(!s.completed()));
        entryForms.forEach(c -> c.setVisible(!s.completed()));
        if (s.completed()) {
            takeFromMonitor.setEnabled(false);
        }
        note.setReadOnly(s.completed());
        vitals.values().forEach(f -> f.setReadOnly(s.completed()));
    }

    private static void fill(UnorderedList list, List<String> lines) {
        list.removeAll();
        lines.forEach(l -> list.add(new ListItem(l)));
    }

    /** Whether the patient can answer some of the form's items on the tablet (all, or the subject-rated ones of a CADSS). */
    private static boolean subjectRated(String formKey) {
        InstrumentCatalog catalog = DashboardServices.get().instruments();
        return FormKey.resolve(catalog, formKey).map(f -> catalog.get(f.instrumentId()).itemsOf(f.shortFormId()).stream()
                .anyMatch(i -> i.rater() == Rater.SUBJECT)).orElse(false);
    }

    /** "Tablet": the station issues a one-time code for this one form, shown large for the patient tablet. */
    private void handOver(String form) {
        station.<TabletRequest.Code>request(Addresses.TABLET_HANDOVER_VISIT, new TabletRequest.HandOverVisit(CurrentUser.require().id(), visitId, form),
                code -> {
                    error.setText("");
                    handOverDialog = CodeDialog.open(form, code, Text.get("visit.handOverDetail", Text.clock(code.expiresAt()), code.items()),
                            this::reload);
                }, error::setText);
    }

    private void rate(VisitSheet.Instrument instrument) {
        String instrumentId = instrument.id();
        InstrumentCatalog catalog = DashboardServices.get().instruments();
        FormKey form = FormKey.resolve(catalog, instrumentId).orElseThrow(() -> new IllegalArgumentException("unknown form " + instrumentId));
        // after the subject answered the subject-rated items on the tablet, staff rate the others only; the subject's
        // answers go into the one rating unchanged (each item's rater is recorded by the station)
        RatingDraft draft = RatingDraft.completing(catalog.get(form.instrumentId()), form, sheet.timePoint(), clock.instant(),
                instrument.awaitsObserverItems() ? instrument.tabletPart() : Map.of());
        ratingDialog = new RatingDialog(draft, catalog, Text.form(instrumentId) + " - " + sheet.visitName(),
                rater(rating -> new VisitCommand.RecordRating(visitId, rating)));
        ratingDialog.open();
    }

    /**
     * "Correct...": the rating form filled with the rating in effect; a correction needs its reason. While the visit is
     * open it is recorded as a correction; on a completed visit as a physician's amendment with that reason.
     */
    private void correct(VisitSheet.Instrument instrument) {
        Rating original = instrument.effective();
        InstrumentCatalog catalog = DashboardServices.get().instruments();
        String formKey = original.shortFormId() == null ? original.instrumentId() : original.shortFormId();
        FormKey form = FormKey.resolve(catalog, formKey).orElseThrow(() -> new IllegalArgumentException("unknown form " + formKey));
        RatingDraft draft = new RatingDraft(catalog.get(form.instrumentId()), form, sheet.timePoint(), clock.instant(), original.id(), original.answers());
        boolean amendment = sheet.completed();
        ratingDialog = new RatingDialog(draft, catalog, Text.get("rating.correctForm", Text.form(formKey), sheet.visitName()), rater(rating -> {
            VisitCommand.RecordRating rate = new VisitCommand.RecordRating(visitId, rating);
            return amendment ? new VisitCommand.Amend(visitId, rating.correction().reason(), rate) : rate;
        }));
        ratingDialog.open();
    }

    /**
     * The rating dialog's link to the station: the rating is made by the signed-in user, sent as {@code command}, and
     * once recorded its total (or "no total") is said and the page reloads.
     */
    private RatingDialog.Rater rater(Function<Rating, VisitCommand> command) {
        return new RatingDialog.Rater() {
            @Override
            public Rating finish(RatingDraft d, String correctionReason) {
                var u = CurrentUser.require();
                return d.toRating(u.role().key(), u.id(), clock.instant(), correctionReason);
            }

            @Override
            public void submit(Rating rating, Consumer<String> recorded, Consumer<String> refused) {
                station.<VisitReply.Done>request(Addresses.VISIT_COMMAND, command.apply(rating), reply -> {
                    recorded.accept(reply.score().filter(x -> x.total().isPresent()).map(x -> Text.get("visit.total", x.summary()))
                            .orElse(Text.get("visit.noTotal")));
                    reload();
                }, refused);
            }
        };
    }

    /** A physician adds a note to a completed visit as an amendment: reason required, appended to the trail. */
    private void openAmendNote() {
        TextField reason = reasonField("visit-amend-reason");
        TextArea text = new TextArea(Text.get("visit.amendText"));
        text.setId("visit-amend-text");
        text.setWidthFull();
        Span problem = errorLine("visit-amend-error");
        Dialog d = new Dialog();
        d.setId("visit-amend-dialog");
        d.setHeaderTitle(Text.get("visit.amendTitle"));
        Button ok = new Button(Text.get("visit.amendSubmit"), e -> {
            if (reason.getValue().isBlank() || text.getValue().isBlank()) {
                problem.setText(Text.get("visit.amendMissing"));
                return;
            }
            sendThenClose(d, new VisitCommand.Amend(visitId, reason.getValue(), new VisitCommand.AddNote(visitId, text.getValue())),
                    problem::setText);
        });
        ok.setId("visit-amend-submit");
        Div body = new Div(reason, text, problem);
        body.addClassName("visit-fields");
        openAmendDialog(d, body, ok);
    }

    /** An amendment's reason field, the whole dialog's width. */
    private static TextField reasonField(String id) {
        TextField reason = new TextField(Text.get("visit.amendReason"));
        reason.setId(id);
        reason.setWidthFull();
        return reason;
    }

    /** A dialog's line for what the station or the form refused, empty until then. */
    private static Span errorLine(String id) {
        Span problem = new Span();
        problem.setId(id);
        problem.addClassName("dialog-error");
        return problem;
    }

    /** Sends {@code c}; once the station took it the dialog closes and the page reloads, else {@code refused} says why. */
    private void sendThenClose(Dialog d, VisitCommand c, Consumer<String> refused) {
        station.<VisitReply.Done>request(Addresses.VISIT_COMMAND, c, done -> {
            d.close();
            reload();
        }, refused);
    }

    /** Opens an amendment dialog: its fields, Cancel and the submit button {@code ok}. */
    private void openAmendDialog(Dialog d, Div body, Button ok) {
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(Text.get("confirm.cancel"), e -> d.close());
        d.add(body);
        d.getFooter().add(cancel, ok);
        amendDialog = d;
        d.open();
    }

    Dialog amendDialog() {
        return amendDialog;
    }

    /**
     * A physician corrects vital signs of a completed visit: the line's values in effect, each editable, and the reason
     * (required). Only the values changed are sent; the station keeps the original entry and when each was measured.
     */
    private void openCorrectVitals(VisitSheet.Vitals line) {
        Map<String, NumberField> fields = new LinkedHashMap<>();
        Div body = new Div();
        body.addClassName("visit-fields");
        line.values().forEach((stream, value) -> {
            NumberField f = new NumberField(Text.orElse("stream." + stream, stream) + " (" + Text.orElse("unit." + stream, "") + ")");
            f.setId("visit-correct-vital-" + stream);
            f.setValue(value);
            fields.put(stream, f);
            body.add(f);
        });
        TextField reason = reasonField("visit-correct-vitals-reason");
        Span problem = errorLine("visit-correct-vitals-error");
        body.add(reason, problem);
        Dialog d = new Dialog();
        d.setId("visit-correct-vitals-dialog");
        d.setHeaderTitle(Text.get("visit.correctVitalsTitle", Text.clock(line.at())));
        Button ok = new Button(Text.get("visit.amendSubmit"), e -> {
            List<TrailEvent.VitalReading> changed = new ArrayList<>();
            fields.forEach((stream, f) -> {
                if (f.getValue() != null && !f.getValue().equals(line.values().get(stream))) {
                    changed.add(new TrailEvent.VitalReading(stream, f.getValue(), clock.instant()));
                }
            });
            if (changed.isEmpty() || reason.getValue().isBlank()) {
                problem.setText(Text.get("visit.correctVitalsMissing"));
                return;
            }
            sendThenClose(d, new VisitCommand.Amend(visitId, reason.getValue(), new VisitCommand.CorrectVitals(visitId, line.entry(), changed)),
                    problem::setText);
        });
        ok.setId("visit-correct-vitals-submit");
        openAmendDialog(d, body, ok);
    }

    /**
     * A physician amends an adverse event of a completed visit (the bedside form filled with the version in effect), or
     * adds one: the reason is required; the station appends it under the same id, the earlier version stays in the trail.
     */
    private void openAmendAdverseEvent(Optional<AdverseEvent> existing) {
        String id = existing.map(AdverseEvent::id).orElseGet(() -> AdverseEventForm.nextId(sheet.adverseEvents().stream().map(VisitSheet.Event::event).toList()));
        TextField reason = reasonField("visit-amend-ae-reason");
        aeDialog = new AdverseEventDialog(existing.map(a -> Text.get("visit.amendAeTitle", a.term())).orElse(Text.get("visit.amendNewAeTitle")), id,
                existing.flatMap(AdverseEvent::fromAlarm), (event, refused) -> {
                    if (reason.getValue().isBlank()) {
                        refused.accept(Text.get("visit.amendReasonMissing"));
                        return;
                    }
                    // a change of the one shown, or a new one (refused if its id was taken meanwhile: never a silent replacement)
                    VisitCommand change = existing.isPresent() ? new VisitCommand.AmendAdverseEvent(visitId, event)
                            : new VisitCommand.RecordAdverseEvent(visitId, event);
                    sendThenClose(aeDialog, new VisitCommand.Amend(visitId, reason.getValue(), change), refused);
                });
        existing.ifPresentOrElse(aeDialog.form()::show, () -> aeDialog.form().startingAt(clock.instant()));
        aeDialog.add(reason);
        aeDialog.open();
    }

    private void recordVitals() {
        List<TrailEvent.VitalReading> values = new ArrayList<>();
        vitals.forEach((stream, f) -> {
            if (f.getValue() != null) {
                values.add(new TrailEvent.VitalReading(stream, f.getValue(), clock.instant()));
            }
        });
        send(new VisitCommand.RecordVitals(visitId, values), done -> vitals.values().forEach(NumberField::clear));
    }

    private void addNote() {
        send(new VisitCommand.AddNote(visitId, note.getValue()), done -> note.clear());
    }

    private void openAdverseEvent() {
        aeDialog = new AdverseEventDialog(Text.get("ae.recordTitle"), AdverseEventForm.nextId(sheet.adverseEvents().stream().map(VisitSheet.Event::event)
                .toList()), Optional.empty(),
                (event, refused) -> sendThenClose(aeDialog, new VisitCommand.RecordAdverseEvent(visitId, event), refused));
        aeDialog.form().startingAt(clock.instant());
        aeDialog.open();
    }

    private void send(VisitCommand c, Consumer<VisitReply.Done> then) {
        station.<VisitReply.Done>request(Addresses.VISIT_COMMAND, c, done -> {
            error.setText("");
            then.accept(done);
            reload();
        }, error::setText);
    }

    private void openSign() {
        StationUser u = CurrentUser.require();
        boolean first = !CurrentUser.signedBefore();
        RadioButtonGroup<SignatureMeaning> meaning = new RadioButtonGroup<>(Text.get("visit.signMeaning"));
        meaning.setId("visit-sign-meaning");
        meaning.setItems(SignatureMeaning.values());
        meaning.setItemLabelGenerator(SignatureMeaning::label);
        Paragraph statement = new Paragraph();
        statement.setId("visit-sign-statement");
        meaning.addValueChangeListener(e -> statement.setText(e.getValue() == null ? "" : Text.of("visit.signStatement", e.getValue())));
        meaning.setValue(SignatureMeaning.REVIEWED);
        TextField userId = new TextField(Text.get("visit.signUserId"));
        userId.setId("visit-sign-user-id");
        userId.setVisible(first);
        PasswordField password = new PasswordField(Text.get("visit.signPassword"));
        password.setId("visit-sign-password");
        Span problem = errorLine("visit-sign-error");
        Dialog d = new Dialog();
        d.setId("visit-sign-dialog");
        d.setHeaderTitle(Text.get("visit.signTitle"));
        Button ok = new Button(Text.get("visit.signSubmit"));
        ok.setId("visit-sign-submit");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickListener(e -> {
            problem.setText("");
            if (meaning.getValue() == null || password.isEmpty() || (first && userId.isEmpty())) {
                problem.setText(Text.get("visit.signMissing"));
                return;
            }
            char[] secret = password.getValue().toCharArray();
            password.clear();
            ok.setEnabled(false);
            station.<VisitSignOff.VisitSignatures>request(Addresses.REVIEW_SIGN_VISIT, new ReviewRequest.Sign(visitId, meaning.getValue(), secret,
                    shownLastChange, first ? userId.getValue().strip() : ""), signed -> {
                        CurrentUser.signatureMade();
                        d.close();
                        reload();
                    }, refused -> {
                        ok.setEnabled(true);
                        problem.setText(refused);
                    });
        });
        Button cancel = new Button(Text.get("confirm.cancel"), e -> d.close());
        cancel.setId("visit-sign-cancel");
        Div body = new Div(meaning, statement, new Span(Text.get("visit.signAs", u.name(), u.id())), userId, password, problem);
        body.addClassName("visit-fields");
        d.add(body);
        d.getFooter().add(cancel, ok);
        signDialog = d;
        d.open();
    }

    Dialog signDialog() {
        return signDialog;
    }

    Dialog handOverDialog() {
        return handOverDialog;
    }

    RatingDialog ratingDialog() {
        return ratingDialog;
    }

    AdverseEventDialog aeDialog() {
        return aeDialog;
    }
}
