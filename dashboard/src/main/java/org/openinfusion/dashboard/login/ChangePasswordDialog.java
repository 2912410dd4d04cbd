package org.openinfusion.dashboard.login;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.BusGuard;

/**
 * Shown at sign-in when an administrator reset the password: the station answers nothing else until the user sets
 * their own (docs/security.md). The current password is checked like an e-signature's.
 */
final class ChangePasswordDialog extends Dialog {
    private final PasswordField current = new PasswordField("Password you were given");
    private final PasswordField next = new PasswordField("New password (at least 8 characters)");
    private final PasswordField repeat = new PasswordField("New password again");
    private final Paragraph message = new Paragraph();

    ChangePasswordDialog(String token, Runnable changed) {
        setHeaderTitle("Choose a new password");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        Button save = new Button("Change password", e -> change(token, changed));
        add(new VerticalLayout(new Paragraph("An administrator reset your password. Choose your own before you go on."),
                current, next, repeat, message, save));
    }

    private void change(String token, Runnable changed) {
        if (!next.getValue().equals(repeat.getValue())) {
            message.setText("The two new passwords differ.");
            return;
        }
        UI ui = UI.getCurrent();
        var request = new AuthMessages.ChangePassword(current.getValue().toCharArray(), next.getValue().toCharArray());
        DashboardServices.get().vertx().eventBus().request(Addresses.AUTH_CHANGE_PASSWORD, request,
                BusGuard.options(token, CurrentUser.TIMEOUT_MILLIS)).onComplete(ar -> {
                    try {
                        ui.access(() -> {
                            if (ar.succeeded()) {
                                close();
                                changed.run();
                            } else {
                                message.setText(ar.cause().getMessage());
                            }
                        });
                    } catch (UIDetachedException gone) {
                        // the page was closed meanwhile
                    }
                });
    }
}
