package org.openinfusion.dashboard.login;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @Test
    void aNurseWithTheRightPasswordReachesTheBeds() {
        UI.getCurrent().navigate("login");
        LoginFormKt._login(_get(LoginForm.class), "nurse1", "secret-pw");

        assertEquals("nurse1", CurrentUser.require().id());
        assertInstanceOf(LiveView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(BedView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void aWrongPasswordIsRefused() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);
        LoginFormKt._login(form, "nurse1", "wrong");

        assertTrue(CurrentUser.get().isEmpty());
        assertTrue(form.isError());
        assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void aPhysicianHasNoBedsideViewYet() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);
        LoginFormKt._login(form, "doc", "secret-pw");

        assertTrue(CurrentUser.get().isEmpty());
        assertTrue(((LoginView) UI.getCurrent().getCurrentView()).error().contains("physician"));
    }

    @Test
    void anEngineerLandsOnTheDevicesPageAndCannotOpenABed() {
        UI.getCurrent().navigate("login");
        LoginFormKt._login(_get(LoginForm.class), "eng1", "secret-pw");

        assertInstanceOf(org.openinfusion.dashboard.devices.DevicesView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("bed/bed-01");
        assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView());
    }

    @Test
    void aNurseCannotOpenTheDevicesPage() {
        UI.getCurrent().navigate("login");
        LoginFormKt._login(_get(LoginForm.class), "nurse1", "secret-pw");
        UI.getCurrent().navigate("devices");
        assertInstanceOf(LoginView.class, UI.getCurrent().getCurrentView());
    }
}
