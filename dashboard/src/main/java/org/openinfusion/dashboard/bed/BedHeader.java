package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.openinfusion.dashboard.live.LiveView;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationUser;

/** Bed name, devices online, who is signed in, the way back to all beds and sign-out. */
final class BedHeader extends Div {
    private final H1 title = new H1();
    private final Span devices = new Span();
    private final Span who = new Span();

    BedHeader() {
        addClassName("bed-header");
        title.setId("bed-title");
        devices.addClassName("devices");
        devices.setId("bed-devices");
        who.setId("signed-in");
        add(title, devices, new RouterLink("All beds", LiveView.class), who, new SignOutButton());
    }

    void show(String bed, StationUser user) {
        title.setText(bed);
        who.setText(user == null ? "" : user.id() + " (" + user.role().key() + ")");
    }

    void devices(Map<String, Boolean> online) {
        StringBuilder text = new StringBuilder();
        online.forEach((id, on) -> text.append(id).append(on ? " online  " : " OFFLINE  "));
        devices.setText(text.toString().trim());
    }
}
