package org.openinfusion.dashboard.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationRequests;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.Permission;
import org.openinfusion.station.security.Role;

/**
 * The administrator's page: station accounts (id, printed name, role, lock, disabled), adding or replacing one, ending a
 * lock early, disabling or enabling one, resetting a password (to the one typed in the password field). Every action goes to the station, which checks the admin role again and audits it.
 */
@Route(Routes.USERS)
@PageTitle("Accounts - Infusion station")
public class UsersView extends VerticalLayout implements BeforeEnterObserver {

    private final Grid<AuthMessages.UserRow> grid = new Grid<>();
    private final TextField id = new TextField("User id");
    private final TextField name = new TextField("Printed name");
    private final Select<Role> role = new Select<>();
    private final PasswordField password = new PasswordField("Password (8 or more characters)");
    private final Span message = new Span();
    private StationRequests station;

    public UsersView() {
        setPadding(true);
        grid.setId("users");
        grid.addColumn(AuthMessages.UserRow::userId).setHeader("User id");
        grid.addColumn(AuthMessages.UserRow::name).setHeader("Printed name");
        grid.addColumn(r -> Text.get("role." + r.role().key())).setHeader("Role");
        grid.addColumn(r -> r.lockedUntil() == null ? "" : "locked until " + lockedUntil(r.lockedUntil())).setHeader("Lock");
        grid.addComponentColumn(r -> {
            Button unlock = new Button("Unlock", e -> station.request(Addresses.USERS_UNLOCK, new AuthMessages.Unlock(r.userId()),
                    this::show, this::refuse));
            unlock.setVisible(r.lockedUntil() != null);
            Button disable = new Button(r.disabled() ? "Enable" : "Disable", e -> station.request(Addresses.USERS_DISABLE,
                    new AuthMessages.SetDisabled(r.userId(), !r.disabled()), this::show, this::refuse));
            Button reset = new Button("Reset password", e -> resetPassword(r.userId()));
            return new HorizontalLayout(unlock, disable, reset);
        }).setKey("actions");
        grid.addColumn(r -> (r.disabled() ? "disabled " : "") + (r.mustChangePassword() ? "must change password" : "")).setHeader("State");
        grid.setAllRowsVisible(true);
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> Text.get("role." + r.key()));
        role.setValue(Role.NURSE);
        id.setId("new-user-id");
        password.setId("new-user-password");
        message.setId("users-message");
        Button save = new Button("Save account", e -> save());
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H1("Accounts"), Routes.link("Devices", Routes.DEVICES), new SignOutButton()), grid,
                new H2("Add or replace an account"), new HorizontalLayout(id, name, role, password), save, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.USERS_MANAGE);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        station = new StationRequests(DashboardServices.get().vertx(), event.getUI());
        station.request(Addresses.USERS_LIST, "", this::show, this::refuse);
    }

    void save() {
        var request = new AuthMessages.SaveUser(id.getValue().strip(), role.getValue(), name.getValue(), password.getValue().toCharArray());
        station.request(Addresses.USERS_SAVE, request, (AuthMessages.UserList list) -> {
            show(list);
            message.setText("Saved " + request.userId() + ".");
            password.clear();
        }, this::refuse);
    }

    /** Sets the password typed below as the account's new one, to be changed by its owner at the next sign-in. */
    void resetPassword(String userId) {
        station.request(Addresses.USERS_RESET_PASSWORD, new AuthMessages.ResetPassword(userId, password.getValue().toCharArray()),
                (AuthMessages.UserList list) -> {
                    show(list);
                    message.setText("Password of " + userId + " reset; it must be changed at the next sign-in.");
                    password.clear();
                }, this::refuse);
    }

    private void show(AuthMessages.UserList list) {
        grid.setItems(list.users());
    }

    private void refuse(String why) {
        message.setText(why);
    }

    /** When a lock ends, in the site's time zone like every other screen, e.g. "2026-11-22 10:15 CET". */
    static String lockedUntil(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH).withZone(Text.zone()).format(t);
    }
}
