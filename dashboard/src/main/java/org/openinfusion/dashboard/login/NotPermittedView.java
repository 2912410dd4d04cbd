package org.openinfusion.dashboard.login;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;

/**
 * Where a signed-in user lands who opened a page their role may not open: says so, with a link to their own start
 * page, instead of sending them to sign in again. A visitor who is not signed in goes to the sign-in page.
 */
@Route(Routes.NOT_PERMITTED)
@PageTitle("Not permitted - Infusion station")
public class NotPermittedView extends VerticalLayout implements BeforeEnterObserver {
    private final Paragraph detail = new Paragraph();

    public NotPermittedView() {
        setId("not-permitted");
        H1 title = new H1(Text.get("notPermitted.title"));
        detail.setId("not-permitted-detail");
        add(title, detail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser.get().ifPresentOrElse(u -> {
            detail.setText(Text.get("notPermitted.detail", u.name(), Text.get("role." + u.role().key())));
            add(Routes.link(Text.get("notPermitted.home"), Access.home(u.role())), new SignOutButton());
        }, () -> event.forwardTo(Routes.LOGIN));
    }
}
