package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.SiteDates;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.dashboard.visit.ClinicDay;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.security.Permission;

/**
 * The physician's list of session records, newest first, with filters; a row opens the record. The export menu
 * writes every session the filters match (ratings, REDCap, SDTM...) as a download. The page is the window's height and
 * never scrolls (1280x800, 1024x768): the sessions grid takes the room left and scrolls its own rows; the rating visits
 * show all their rows while they are few ({@link #VISITS_ALL_ROWS}), else share the room with the sessions.
 */
@Route(Routes.REVIEW)
@PageTitle("Records - Infusion station")
@StyleSheet("styles/review.css")
public class ReviewListView extends Div implements BeforeEnterObserver {
    private final ListingFilters filters = new ListingFilters(this::load);
    private final Grid<SessionListing> grid = new Grid<>();
    private final Span count = new Span();
    private final Span who = new Span();
    private final H2 visitsHeading = new H2(Text.get("review.visits"));
    private final Grid<VisitRow> visits = new Grid<>();
    /** Up to this many rating visits the visits grid is as tall as its rows; more share the page's height with the sessions. */
    static final int VISITS_ALL_ROWS = 3;
    private volatile ReviewFilter filter = ReviewFilter.ALL;
    private volatile ReviewClient client;

    public ReviewListView() {
        addClassName("review-view");
        addClassName("review-list");
        ExportMenu export = new ExportMenu("bulk-export", Text.get("review.list.exportListed"), () -> client,
                f -> new ReviewRequest.Export(null, filter, f));
        who.setId("signed-in");
        Div top = new Div(new H1(Text.get("review.list.title")), Routes.link(Text.get("clinic.title"), Routes.CLINIC), who, export, new SignOutButton());
        top.addClassName("review-top");
        grid.setId("sessions-grid");
        // widths that fit 1024 and 1280 px without scrolling sideways: long texts (protocol, dates, signature) wrap
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(SessionListing::subjectCode).setHeader(Text.get("review.list.subject")).setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(ReviewFormat::protocol).setHeader(Text.get("review.list.protocol")).setWidth("10rem").setFlexGrow(3);
        grid.addColumn(SessionListing::bed).setHeader(Text.get("review.list.bed")).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(l -> ReviewFormat.dateTime(l.createdAt())).setHeader(Text.get("review.list.created")).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(l -> ReviewFormat.dateTime(l.closedAt())).setHeader(Text.get("review.list.closed")).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(l -> ReviewFormat.words(l.state())).setHeader(Text.get("review.list.state")).setWidth("5rem").setFlexGrow(0);
        grid.addColumn(ReviewFormat::signatureStatus).setHeader(Text.get("review.list.signature")).setWidth("8rem").setFlexGrow(2);
        grid.addComponentColumn(ReviewListView::badge).setHeader("").setWidth("7rem").setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(Text.get("review.list.none"));
        count.setId("sessions-count");
        visitsHeading.setId("visits-heading");
        visits.setId("visits-grid");
        visits.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        visits.setAllRowsVisible(true);
        visits.setEmptyStateText(Text.get("review.visitsNone"));
        visits.addComponentColumn(v -> Routes.link(v.subject(), Routes.subject(v.protocolId(), v.subject()))).setKey("subject")
                .setHeader(Text.get("review.visitsSubject")).setWidth("6.5rem").setFlexGrow(0);
        visits.addColumn(VisitRow::protocol).setHeader(Text.get("review.visitsProtocol")).setWidth("10rem").setFlexGrow(3);
        visits.addColumn(VisitRow::visit).setHeader(Text.get("review.visitsVisit")).setWidth("8rem").setFlexGrow(1);
        visits.addColumn(VisitRow::held).setHeader(Text.get("review.visitsHeld")).setWidth("6rem").setFlexGrow(0);
        visits.addColumn(VisitRow::status).setHeader(Text.get("review.visitsStatus")).setWidth("9rem").setFlexGrow(1);
        visits.addColumn(VisitRow::signature).setHeader(Text.get("review.visitsSignature")).setKey("signature").setWidth("8rem").setFlexGrow(1);
        visits.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(Routes.visit(e.getItem().visitSessionId()))));
        add(top, filters, count, grid, visitsHeading, visits);
    }

    /**
     * A rating visit held (started or completed) for review: one click opens its page, where a physician signs it; the
     * subject's code links their timeline across visits; {@code signature}: not signed, reviewed, approved, or signed before
     * an amendment (to sign again).
     */
    public record VisitRow(String subject, String protocolId, String protocol, String visit, String held, String status, String signature,
                    String visitSessionId) {
    }

    /** The rating visits of every enrolled subject, latest first, from the station's day sheet (its today). */
    static List<VisitRow> visitRows(VisitReply.DaySheet sheet) {
        record Held(VisitRow row, LocalDate day) {
        }
        List<Held> held = new ArrayList<>();
        for (SubjectTimeline t : sheet.timelines()) {
            boolean crossover = t.lines().stream().anyMatch(l -> l.period() > 1);
            String title = sheet.enrolable().stream().filter(c -> c.id().equals(t.protocolId())).map(ProtocolChoices.Choice::label).findFirst()
                    .orElse("");
            for (SubjectTimeline.Line l : t.lines()) {
                if (l.kind() == VisitKind.RATING && l.visitSessionId() != null) {
                    LocalDate day = l.heldOn().orElse(sheet.day());
                    held.add(new Held(new VisitRow(t.subject(), t.protocolId(), title, ClinicDay.label(l, crossover), SiteDates.FORMAT.format(day),
                            ClinicDay.status(sheet.day(), l), Text.of("review.visitsSignature", sheet.signature(l.visitSessionId())), l.visitSessionId()),
                            day));
                }
            }
        }
        held.sort(Comparator.comparing(Held::day).reversed().thenComparing(h -> h.row().subject()));
        return held.stream().map(Held::row).toList();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.REVIEW_READ);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!Access.allowed(Permission.REVIEW_READ)) {
            return;
        }
        CurrentUser.get().ifPresent(u -> who.setText(u.name() + " (" + Text.get("role." + u.role().key()) + ")"));
        client = new ReviewClient(DashboardServices.get().vertx(), event.getUI());
        load(filters.filter());
        ReviewScripts.askEarly(event.getUI()); // a record opened from this list finds its scripts loaded
        if (Access.allowed(Permission.BEDSIDE_VIEW)) { // the visits' day sheet is asked with the bedside view permission
            new StationRequests(DashboardServices.get().vertx(), event.getUI()).<VisitReply.DaySheet>request(Addresses.VISIT_QUERY,
                    new VisitQuery.Day(null), sheet -> showVisits(visitRows(sheet)), why -> visitsHeading.setText(Text.get("review.visits") + ": " + why));
        } else {
            visitsHeading.setVisible(false);
            visits.setVisible(false);
        }
    }

    void load(ReviewFilter f) {
        filter = f;
        if (client == null) {
            return;
        }
        client.list(new ReviewRequest.ListSessions(f), listings -> show(listings.sessions()), Refusals::show);
    }

    private void show(List<SessionListing> sessions) {
        grid.setItems(sessions);
        // an empty list says why: nothing recorded yet, or nothing the filters let through
        grid.setEmptyStateText(Text.get(filter.matchesAll() ? "review.list.none" : "review.list.noneMatch"));
        filters.protocols(sessions);
        long unsigned = sessions.stream().filter(SessionListing::needsSignature).count();
        count.setText(Text.get("review.list.count", sessions.size(), unsigned));
    }

    /** A few visits as tall as their rows; more in a grid that shares the page's height and scrolls its own rows. */
    void showVisits(List<VisitRow> rows) {
        boolean few = rows.size() <= VISITS_ALL_ROWS;
        visits.setAllRowsVisible(few);
        visits.setClassName("fill", !few);
        visits.setItems(rows);
    }

    private void open(SessionListing l) {
        getUI().ifPresent(ui -> ui.navigate(ReviewRecordView.class, new RouteParameters(ReviewRecordView.SESSION_ID, l.sessionId())));
    }

    /** A badge when the record still needs a signature (its words may wrap in a narrow column, never cut). */
    private static Span badge(SessionListing l) {
        Span s = new Span(l.needsSignature() ? Text.get("review.list.needsSignature") : "");
        if (l.needsSignature()) {
            s.addClassName("badge-needs");
            s.addClassName("badge-wrap");
        }
        return s;
    }

    Grid<VisitRow> visits() {
        return visits;
    }

    Grid<SessionListing> grid() {
        return grid;
    }
}
