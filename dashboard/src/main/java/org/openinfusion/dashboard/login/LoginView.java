package org.openinfusion.dashboard.login;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in with a station account (users file, bcrypt hashes). Every other view sends visitors here. */
@Route("login")
@PageTitle("Sign in - Infusion station")
public class LoginView extends VerticalLayout {
    private static final Logger LOG = LoggerFactory.getLogger(LoginView.class);
    private final LoginForm form = new LoginForm();
    private String error = "";

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));
        add(new H1("Infusion station"), form);
    }

    void signIn(String user, String password) {
        Optional<StationUser> u = DashboardServices.get().users().authenticate(user, password.toCharArray());
        if (u.isEmpty()) {
            LOG.info("sign-in refused");
            refuse("Wrong user name or password.");
            return;
        }
        Optional<String> home = Access.home(u.get().role());
        if (home.isEmpty()) {
            refuse("Role " + u.get().role().key() + " has no view yet.");
            return;
        }
        CurrentUser.set(u.get());
        LOG.info("user {} signed in as {}", u.get().id(), u.get().role().key());
        getUI().ifPresent(ui -> ui.navigate(home.get()));
    }

    /** The last refusal shown, for tests. */
    String error() {
        return error;
    }

    private void refuse(String message) {
        error = message;
        form.setI18n(i18n(message));
        form.setError(true);
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
