package org.openinfusion.dashboard.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.security.BusGuard;

/** Signs the user out at the station (the token stops working at once), ends the browser session, shows sign-in. */
public final class SignOutButton extends Button {
    public SignOutButton() {
        super("Sign out");
        setId("sign-out");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(e -> {
            CurrentUser.get().ifPresent(u -> signOutAtStation(u.token(), "sign-out"));
            CurrentUser.signOut();
            e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        });
    }

    /** Closes the sign-in at the station; fire and forget (an expired token is already closed). */
    public static void signOutAtStation(String token, String reason) {
        DashboardServices.get().vertx().eventBus().request(Addresses.AUTH_SIGN_OUT, reason, BusGuard.options(token, CurrentUser.TIMEOUT_MILLIS));
    }
}
