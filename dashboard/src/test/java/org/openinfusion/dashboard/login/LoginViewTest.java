package org.openinfusion.dashboard.login;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.openinfusion.dashboard.admin.UsersView;
import org.openinfusion.dashboard.devices.DevicesView;
import org.openinfusion.station.security.AuthMessages;
import org.openinfusion.station.security.Role;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.bed.BedView;
import org.openinfusion.dashboard.live.LiveView;
import org.openinfusion.dashboard.users.CurrentUser;

class LoginViewTest {
    private KaribuStation station;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    @Test
    void everyViewSendsAVisitorToSignInFirst() {
        UI.getCurrent().navigate("");
        assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView());
    }

    private static void signInWith(String user, String password) {
        UI.getCurrent().navigate("login");
        LoginFormKt._login(_get(LoginForm.class), user, password);
    }

    @Test
    void aNurseWithTheRightPasswordReachesTheBeds() {
        signInWith("nurse1", "secret-pw");

        KaribuStation.until(() -> UI.getCurrent().getCurrentView() instanceof LiveView);
        assertEquals("nurse1", CurrentUser.require().id());
        assertTrue(station.signIns.resolve(CurrentUser.require().token()).isPresent(), "the station knows the sign-in");
        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(BedView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void afterAnAdministratorsResetTheNurseChoosesANewPasswordBeforeReachingTheBeds() {
        // given the nurse's password was reset by an administrator
        station.users.resetPassword("nurse1", "given-by-admin".toCharArray());
        // when the nurse signs in with it
        signInWith("nurse1", "given-by-admin");
        // then a dialog asks for a new password before anything else
        KaribuStation.until(() -> !LocatorJ._find(ChangePasswordDialog.class).isEmpty());
        assertTrue(CurrentUser.get().isEmpty());
        ChangePasswordDialog dialog = _get(ChangePasswordDialog.class);
        var fields = LocatorJ._find(dialog, PasswordField.class);
        fields.get(0).setValue("given-by-admin");
        fields.get(1).setValue("nurse-own-pw");
        fields.get(2).setValue("nurse-own-pw");
        ButtonKt._click(_get(dialog, Button.class, spec -> spec.withText("Change password")));
        // and once it is changed the beds open, and the new password is the one that signs in
        KaribuStation.until(() -> UI.getCurrent().getCurrentView() instanceof LiveView);
        assertEquals("nurse1", CurrentUser.require().id());
        assertTrue(station.users.authenticate("nurse1", "nurse-own-pw".toCharArray()).isPresent());
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("user.password_changed")));
    }

    @Test
    void aWrongPasswordIsRefusedWithTheStationsMessage() {
        signInWith("nurse1", "wrong");
        LoginView view = (LoginView) UI.getCurrent().getCurrentView();

        KaribuStation.until(() -> !view.error().isEmpty());
        assertEquals("Wrong user name or password.", view.error());
        assertTrue(CurrentUser.get().isEmpty());
        assertTrue(_get(LoginForm.class).isError());
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        for (int i = 1; i <= 5; i++) {
            signInWith("nurse1", "wrong" + i);
            LoginView view = (LoginView) UI.getCurrent().getCurrentView();
            KaribuStation.until(() -> !view.error().isEmpty());
        }
        signInWith("nurse1", "secret-pw");
        LoginView view = (LoginView) UI.getCurrent().getCurrentView();
        KaribuStation.until(() -> !view.error().isEmpty());
        assertTrue(view.error().contains("locked after 5 wrong passwords"), view.error());
        assertTrue(CurrentUser.get().isEmpty());
    }

    @Test
    void aPhysicianCanWatchABedButNotTheDevices() {
        signInWith("doc", "secret-pw");
        KaribuStation.until(() -> CurrentUser.get().isPresent());
        assertEquals("Dr Doc", CurrentUser.require().name());
        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(BedView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("devices");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void anEngineerLandsOnTheDevicesPageAndCannotOpenABedOrTheAccounts() {
        signInWith("eng1", "secret-pw");

        KaribuStation.until(() -> UI.getCurrent().getCurrentView() instanceof DevicesView);
        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("users");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void aNurseWhoOpensTheDevicesOrAccountsPagesIsToldItIsNotPermitted() {
        station.signIn("nurse1", Role.NURSE);
        UI.getCurrent().navigate("devices");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("users");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
        String shown = _get(Component.class, s -> s.withId("not-permitted")).getElement().getTextRecursively();
        assertTrue(shown.contains("Not permitted") && shown.contains("Your role does not allow this page"), shown);
    }

    @Test
    void theAdministratorManagesAccountsButSeesNoBed() {
        signInWith("admin1", "secret-pw");
        KaribuStation.until(() -> UI.getCurrent().getCurrentView() instanceof UsersView);
        KaribuStation.until(() -> GridKt._size(_get(Grid.class)) == 5);

        _get(TextField.class, spec -> spec.withLabel("User id")).setValue("dr.ng");
        _get(TextField.class, spec -> spec.withLabel("Printed name")).setValue("Dr A Ng");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class);
        role.setValue(Role.PHYSICIAN);
        _get(PasswordField.class).setValue("doctor-password");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Save account")));
        KaribuStation.until(() -> GridKt._size(_get(Grid.class)) == 6);
        assertEquals(Role.PHYSICIAN, station.users.list().stream().filter(p -> p.userId().equals("dr.ng")).findFirst().orElseThrow().role());
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("user.saved") && a.actor().equals("admin1")));

        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void theAdministratorDisablesAnAccountFromItsRow() {
        signInWith("admin1", "secret-pw");
        KaribuStation.until(() -> UI.getCurrent().getCurrentView() instanceof UsersView);
        @SuppressWarnings("unchecked")
        Grid<AuthMessages.UserRow> grid = _get(Grid.class);
        KaribuStation.until(() -> GridKt._size(grid) == 5);
        // when the administrator clicks Disable on nurse1's row (rows sorted by id: admin1, doc, eng1, nurse1, nurse7)
        var actions = (Component) GridKt._getCellComponent(grid, 3, "actions");
        ButtonKt._click(_get(actions, Button.class, spec -> spec.withText("Disable")));
        // then the station disabled the account and audited it
        KaribuStation.until(() -> GridKt._get(grid, 3).disabled());
        assertTrue(station.users.states().stream().anyMatch(a -> a.principal().userId().equals("nurse1") && a.disabled()));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("user.disabled") && a.actor().equals("admin1")));
    }
}
