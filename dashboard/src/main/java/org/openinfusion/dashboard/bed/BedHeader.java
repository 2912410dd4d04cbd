package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        who.setText(user == null ? "" : user.id() + " (" + Text.get("role." + user.role().key()) + ")");
    }

    void session(Optional<SessionView> v) {
        session.setText(v.map(s -> s.subjectCode() + "  |  " + s.protocolLabel() + "  |  " + Text.of("state", s.state())
                + "  |  " + Text.get("bed.kit", s.kitId())).orElse(Text.get("bed.noSession")));
        session.getElement().setAttribute("data-state", v.map(s -> s.state().name().toLowerCase(Locale.ROOT)).orElse("none"));
    }

    void devices(Map<String, Boolean> online) {
        StringBuilder text = new StringBuilder();
        online.forEach((id, on) -> text.append(id).append(' ').append(Text.get(on ? "bed.deviceOnline" : "bed.deviceOffline")).append("  "));
        devices.setText(text.toString().trim());
        devices.getElement().setAttribute("data-offline", String.valueOf(online.containsValue(false)));
    }
}
