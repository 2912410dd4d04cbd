package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionListing;
import org.openinfusion.station.security.Permission;

/**
 * The physician's list of session records, newest first, with filters; a row opens the record. The export menu
 * writes every session the filters match (ratings, REDCap, SDTM...) as a download.
 */
@Route(Routes.REVIEW)
@PageTitle("Records - Infusion station")
@StyleSheet("styles/review.css")
public class ReviewListView extends Div implements BeforeEnterObserver {
    private final ListingFilters filters = new ListingFilters(this::load);
    private final Grid<SessionListing> grid = new Grid<>();
    private final Span count = new Span();
    private final Span who = new Span();
    private volatile ReviewFilter filter = ReviewFilter.ALL;
    private volatile ReviewClient client;

    public ReviewListView() {
        addClassName("review-view");
        ExportMenu export = new ExportMenu("bulk-export", "Export listed sessions", () -> client,
                f -> new ReviewRequest.Export(null, filter, f));
        who.setId("signed-in");
        Div top = new Div(new H1("Session records"), Routes.link(Text.get("clinic.title"), Routes.CLINIC), who, export, new SignOutButton());
        top.addClassName("review-top");
        grid.setId("sessions-grid");
        // widths that fit 1024 and 1280 px without scrolling sideways: long texts (protocol, dates, signature) wrap
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(SessionListing::subjectCode).setHeader("Subject").setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(ReviewFormat::protocol).setHeader("Protocol").setWidth("10rem").setFlexGrow(3);
        grid.addColumn(SessionListing::bed).setHeader("Bed").setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(l -> ReviewFormat.dateTime(l.createdAt())).setHeader("Created").setWidth("7rem").setFlexGrow(1);
        grid.addColumn(l -> ReviewFormat.dateTime(l.closedAt())).setHeader("Closed").setWidth("7rem").setFlexGrow(1);
        grid.addColumn(l -> ReviewFormat.words(l.state())).setHeader("State").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(ReviewFormat::signatureStatus).setHeader("Signature").setWidth("8rem").setFlexGrow(2);
        grid.addComponentColumn(ReviewListView::badge).setHeader("").setWidth("7rem").setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem()));
        count.setId("sessions-count");
        add(top, filters, count, grid);
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
        filters.protocols(sessions);
        long unsigned = sessions.stream().filter(SessionListing::needsSignature).count();
        count.setText(sessions.size() + (sessions.size() == 1 ? " session" : " sessions") + ", " + unsigned + " needing a signature");
    }

    private void open(SessionListing l) {
        getUI().ifPresent(ui -> ui.navigate(ReviewRecordView.class, new RouteParameters(ReviewRecordView.SESSION_ID, l.sessionId())));
    }

    /** A badge when the record still needs a signature (its words may wrap in a narrow column, never cut). */
    private static Span badge(SessionListing l) {
        Span s = new Span(l.needsSignature() ? "needs signature" : "");
        if (l.needsSignature()) {
            s.addClassName("badge-needs");
            s.addClassName("badge-wrap");
        }
        return s;
    }

    Grid<SessionListing> grid() {
        return grid;
    }
}
