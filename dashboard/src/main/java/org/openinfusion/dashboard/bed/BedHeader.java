package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.clinical.api.SessionView;

/** Breadcrumb back to all beds, the bed, its session (subject code, blinded label, step, kit), devices, who is signed in. */
final class BedHeader extends Div {
    private final H1 title = new H1();
    private final Span session = new Span();
    private final Span devices = new Span();
    private final Span who = new Span();

    BedHeader() {
        addClassName("bed-header");
        title.setId("bed-title");
        session.setId("session-header");
        session.addClassName("session-header");
        devices.addClassName("devices");
        devices.setId("bed-devices");
        who.setId("signed-in");
        who.addClassName("signed-in");
        Div crumbs = new Div(Routes.link(Text.get("bed.allBeds"), Routes.BEDS), new Span("/"), title);
        crumbs.addClassName("breadcrumbs");
        add(crumbs, session, devices, who, new SignOutButton());
    }

    void show(String bed, StationUser user) {
        title.setText(Text.get("bed.title", bed));
        who.setText(user == null ? "" : user.name() + " (" + Text.get("role." + user.role().key()) + ")");
    }

    void session(Optional<SessionView> v) {
        session.setText(v.map(s -> s.subjectCode() + "  |  " + Text.state(s) + "  |  " + Text.get("bed.kit", s.kitId())
                + "  |  " + s.protocolLabel()).orElse(Text.get("bed.noSession")));
        session.getElement().setAttribute("data-state", v.map(s -> s.state().name().toLowerCase(Locale.ROOT)).orElse("none"));
    }

    /** Only what needs attention: the devices that are disconnected, else that all are connected. */
    void devices(Map<String, Boolean> online, UnaryOperator<String> name) {
        // named as staff name them ("Monitor 2"), never by their configured ids
        List<String> off = online.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().map(name).toList();
        devices.setText(online.isEmpty() ? "" : off.isEmpty() ? Text.get("bed.allConnected", online.size())
                : Text.get("bed.disconnected", String.join(", ", off)));
        devices.getElement().setAttribute("data-offline", String.valueOf(!off.isEmpty()));
    }
}
