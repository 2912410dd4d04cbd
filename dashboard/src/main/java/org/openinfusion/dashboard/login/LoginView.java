package org.openinfusion.dashboard.login;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.security.AuthMessages;

/**
 * Sign-in with a station account. The station checks the password (bcrypt), counts failures and locks the account
 * after too many; this page only shows its answer. Every other view sends visitors here. The browser session then
 * ends after the station's idle timeout without use (docs/security.md).
 */
@Route(Routes.LOGIN)
@PageTitle("Sign in - Infusion station")
public class LoginView extends VerticalLayout {
    private final LoginForm form = new LoginForm();
    private String error = "";

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setId("login-form");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));
        add(new H1("Infusion station"), form);
    }

    /**
     * Asks the station, waiting for its answer on this request's thread (the password check takes a fraction of a
     * second), so that on success the browser session gets a new id in this request's response before anything else
     * (no session fixation; docs/security.md "Sign-in, tokens and timeout").
     */
    void signIn(String user, String password) {
        error = "";
        UI ui = UI.getCurrent();
        var request = new AuthMessages.SignInRequest(user, password.toCharArray(),
                ui == null || ui.getSession() == null ? null : ui.getSession().getBrowser().getAddress());
        AuthMessages.SignedIn signedIn;
        try {
            signedIn = DashboardServices.get().vertx().eventBus()
                    .<AuthMessages.SignedIn>request(Addresses.AUTH_SIGN_IN, request, new DeliveryOptions().setSendTimeout(CurrentUser.TIMEOUT_MILLIS))
                    .toCompletionStage().toCompletableFuture().get(CurrentUser.TIMEOUT_MILLIS + 1000, TimeUnit.MILLISECONDS).body();
        } catch (ExecutionException e) {
            refuse(e.getCause().getMessage());
            return;
        } catch (TimeoutException e) {
            refuse("The station did not answer; try again.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse("Interrupted; try again.");
            return;
        }
        SessionIds.renew();
        signedIn(ui, signedIn);
    }

    private void signedIn(UI ui, AuthMessages.SignedIn s) {
        if (s.mustChangePassword()) {
            new ChangePasswordDialog(s.token(), () -> enter(ui, s)).open();
            return;
        }
        enter(ui, s);
    }

    private void enter(UI ui, AuthMessages.SignedIn s) {
        CurrentUser.set(new StationUser(s.principal(), s.token()));
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setMaxInactiveInterval((int) s.idleTimeout().toSeconds());
        }
        ui.navigate(Access.home(s.principal().role()));
    }

    /** The last refusal shown, for tests. */
    String error() {
        return error;
    }

    private void refuse(String message) {
        error = message;
        form.setI18n(i18n(message));
        form.setError(true);
        form.setEnabled(true);
    }

    private static LoginI18n i18n(String error) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        if (error != null) {
            i18n.getErrorMessage().setTitle("Not signed in");
            i18n.getErrorMessage().setMessage(error);
        }
        return i18n;
    }
}
