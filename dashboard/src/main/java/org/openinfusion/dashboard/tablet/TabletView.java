package org.openinfusion.dashboard.tablet;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.OptionalInt;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.Push;
import org.openinfusion.dashboard.rating.RatingDialog;
import org.openinfusion.dashboard.rating.RatingDraft;
import org.openinfusion.dashboard.rating.VasLine;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * The patient tablet (docs/tablet.md): locked, it asks for the one-time code staff read from the bed view (or a staff
 * sign-in); unlocked, it shows one questionnaire and nothing else - the instrument's own instructions, then one item
 * per screen with large answers, progress and a way back - and sends the answers through the ordinary rating command
 * with its tablet token, then locks. No menu, no link, no subject code, arm or bed data; while a rating is handed
 * over, every other page of this browser is rerouted here and shows it again ({@link TabletMode}). Idle for the station's {@code tablet.idleLock}, it locks itself and
 * the answers given so far are discarded. Staff take it back with their sign-in.
 */
@Route(Routes.TABLET)
@PageTitle("Questionnaire")
public class TabletView extends Div implements BeforeEnterObserver {
    private final Clock clock = Clock.systemUTC();
    private final InstrumentCatalog catalog = DashboardServices.get().instruments();
    private final Div screen = new Div();
    private final Button staff = new Button(Text.get("tablet.staff"));
    private TabletClient client;
    private UI ui;
    private TabletRequest.Unlocked unlocked;
    private RatingDraft draft;
    /** The hand-over this page holds in its browser session (null while locked). */
    private TabletMode.Held held;
    private long idleTimer = -1;

    public TabletView() {
        setId("tablet");
        addClassName("tablet");
        screen.addClassName("tablet-screen");
        staff.setId("tablet-staff");
        staff.addClassName("tablet-staff");
        staff.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        staff.addClickListener(e -> staffDialog());
        add(staff, screen);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TabletMode.opened(event.getUI().getSession());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
        client = new TabletClient(DashboardServices.get().vertx(), ui);
        ui.getPage().addJsModule("/js/vas-line.js");
        ui.getPage().addStyleSheet("styles/tablet.css");
        // the browser's back button stays on this page (the router reroutes any other page here as well)
        ui.getPage().executeJs("if (!window.tabletBackTrap) { window.tabletBackTrap = true; history.pushState(null, '', location.href);"
                + " window.addEventListener('popstate', () => history.pushState(null, '', location.href)); }");
        if (unlocked == null) {
            // a reload, a typed address or the back button while a rating is handed over: the same questionnaire again
            TabletMode.held(ui.getSession(), clock.instant()).ifPresentOrElse(h -> {
                held = h;
                resume(h.unlocked, h.draft);
            }, () -> showLocked(Text.get("tablet.locked")));
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        cancelIdle();
    }

    // ---- locked

    void showLocked(String message) {
        cancelIdle();
        TabletMode.release(VaadinSession.getCurrent(), unlocked);
        held = null;
        unlocked = null;
        draft = null;
        staff.setVisible(false);
        screen.removeAll();
        H1 title = new H1(Text.get("tablet.title"));
        Paragraph text = new Paragraph(message);
        text.setId("tablet-message");
        TextField code = new TextField(Text.get("tablet.code"));
        code.setId("tablet-code");
        code.addClassName("tablet-code");
        code.setMaxLength(6);
        code.setPattern("[0-9]*");
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "off");
        Span error = new Span();
        error.setId("tablet-error");
        error.addClassName("tablet-error");
        Button unlock = new Button(Text.get("tablet.unlock"), e -> client.<TabletRequest.Unlocked>request(Addresses.TABLET_UNLOCK,
                new TabletRequest.Unlock(code.getValue()), null, this::start, error::setText));
        unlock.setId("tablet-unlock");
        unlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        unlock.addClickShortcut(Key.ENTER);
        Button bySignIn = new Button(Text.get("tablet.staffUnlock"), e -> staffDialog());
        bySignIn.setId("tablet-staff-unlock");
        bySignIn.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div box = new Div(title, text, code, unlock, error, bySignIn);
        box.addClassName("tablet-locked");
        screen.add(box);
    }

    /** Staff sign in on the tablet: to unlock it for their latest handed-over rating, or to take it back. */
    private void staffDialog() {
        boolean takeBack = unlocked != null;
        screen.removeAll();
        staff.setVisible(false);
        TextField user = new TextField(Text.get("tablet.staffUser"));
        user.setId("tablet-staff-user");
        user.getElement().setAttribute("autocomplete", "off");
        PasswordField password = new PasswordField(Text.get("tablet.staffPassword"));
        password.setId("tablet-staff-password");
        Span error = new Span();
        error.setId("tablet-error");
        error.addClassName("tablet-error");
        Button go = new Button(Text.get(takeBack ? "tablet.takeBack" : "tablet.unlock"));
        go.setId("tablet-staff-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        go.addClickShortcut(Key.ENTER);
        TabletRequest.Unlocked holding = unlocked;
        RatingDraft answers = draft;
        go.addClickListener(e -> {
            char[] secret = password.getValue().toCharArray();
            if (takeBack) {
                client.<Boolean>asStaff(user.getValue(), secret, (token, id) -> client.sendAs(Addresses.TABLET_LOCK,
                        new TabletRequest.Lock(holding.token(), null), token), done -> showLocked(Text.get("tablet.takenBack")), error::setText);
            } else {
                client.<TabletRequest.Unlocked>asStaff(user.getValue(), secret, (token, id) -> client.sendAs(Addresses.TABLET_UNLOCK,
                        new TabletRequest.UnlockAsStaff(id), token), this::start, error::setText);
            }
        });
        Button cancel = new Button(Text.get("tablet.cancel"), e -> {
            if (takeBack) {
                resume(holding, answers);
            } else {
                showLocked(Text.get("tablet.locked"));
            }
        });
        cancel.setId("tablet-staff-cancel");
        Div box = new Div(new H1(Text.get(takeBack ? "tablet.takeBackTitle" : "tablet.staffUnlock")), user, password, go, cancel, error);
        box.addClassName("tablet-locked");
        screen.add(box);
        touch();
    }

    // ---- unlocked

    private void start(TabletRequest.Unlocked u) {
        FormKey form = FormKey.resolve(catalog, u.form()).orElseThrow();
        RatingDraft d = RatingDraft.only(catalog.get(form.instrumentId()), form, u.timePointId(), u.itemIds(), clock.instant(), Map.of());
        held = TabletMode.handOver(VaadinSession.getCurrent(), u, d, clock.instant());
        resume(u, d);
        showInstructions();
    }

    private void resume(TabletRequest.Unlocked u, RatingDraft d) {
        unlocked = u;
        draft = d;
        staff.setVisible(true);
        if (d != null) {
            showItem();
        }
    }

    private void showInstructions() {
        screen.removeAll();
        // without the site's wording the catalog names the site-file key: staff read that in the rating form's note,
        // the patient reads a plain sentence instead
        String id = draft.instrument().id();
        Paragraph text = new Paragraph(catalog.hasInstructions(id) ? catalog.instructions(id) : Text.get("tablet.noInstructions"));
        text.setId("tablet-instructions");
        text.addClassName("tablet-instructions");
        Button begin = new Button(Text.get("tablet.begin"), e -> showItem());
        begin.setId("tablet-begin");
        begin.addClassName("tablet-next");
        begin.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Div box = new Div(new H1(Text.get("tablet.instructionsTitle")), text, begin);
        box.addClassName("tablet-question");
        screen.add(box);
        touch();
    }

    private void showItem() {
        screen.removeAll();
        Item item = draft.item();
        Span progressText = new Span(Text.get("tablet.progress", draft.index() + 1, draft.size()));
        progressText.setId("tablet-progress");
        progressText.addClassName("tablet-progress");
        ProgressBar progress = new ProgressBar(0, draft.size(), draft.answered());
        progress.setId("tablet-progress-bar");
        progress.getElement().setAttribute("aria-label", progressText.getText());
        Div question = new Div(catalog.itemText(draft.instrument().id(), item.id()));
        question.setId("tablet-item");
        question.addClassName("tablet-item");
        Div answers = new Div();
        answers.setId("tablet-answers");
        answers.addClassName("tablet-answers");
        Button back = new Button(Text.get("tablet.back"), e -> {
            draft.previous();
            showItem();
        });
        back.setId("tablet-back");
        back.addClassName("tablet-nav");
        back.setEnabled(draft.index() > 0);
        Div nav = new Div(back);
        nav.addClassName("tablet-navs");
        if (item.max() - item.min() > 10) {
            answers.add(vas(item, nav));
        } else {
            if (!item.anchors().isEmpty()) {
                answers.addClassName("labelled"); // answers with words: one per row on a phone
            }
            for (int v = item.min(); v <= item.max(); v++) {
                if (item.inRange(v)) {
                    answers.add(answer(item, v));
                }
            }
        }
        Div box = new Div(progressText, progress, question, answers, nav);
        box.addClassName("tablet-question");
        screen.add(box);
        touch();
    }

    private Button answer(Item item, int v) {
        String label = item.anchors().stream().filter(a -> a.value() == v).map(Anchor::label).findFirst().map(l -> v + "  " + l)
                .orElse(String.valueOf(v));
        Button b = new Button(label, e -> {
            draft.set(v);
            afterAnswer();
        });
        b.setId("tablet-answer-" + v);
        b.addClassName("tablet-answer");
        if (draft.answer() instanceof Answer.Scored s && s.value() == v) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            b.getElement().setAttribute("aria-pressed", "true");
        }
        return b;
    }

    private Div vas(Item item, Div nav) {
        OptionalInt now = draft.answer() instanceof Answer.Scored s ? OptionalInt.of(s.value()) : OptionalInt.empty();
        Button next = new Button(Text.get("tablet.next"), e -> afterAnswer());
        next.setId("tablet-next");
        next.addClassName("tablet-nav");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setEnabled(now.isPresent());
        nav.add(next);
        VasLine line = new VasLine(catalog.itemText(draft.instrument().id(), item.id()), now, v -> {
            draft.set(v);
            next.setEnabled(true);
            touch();
        }, this::afterAnswer);
        Span low = new Span(anchor(item, item.min()));
        low.addClassName("vas-anchor");
        Span high = new Span(anchor(item, item.max()));
        high.addClassName("vas-anchor");
        Div ends = new Div(low, high);
        ends.addClassName("tablet-vas-ends");
        Div box = new Div(line, ends);
        box.addClassName("tablet-vas");
        if (!RatingDialog.hasEndLabels(item)) {
            // no end labels in the protocol: say what the ends are, never invent words for them
            low.setText(String.valueOf(item.min()));
            high.setText(String.valueOf(item.max()));
            Span none = new Span(Text.get("tablet.vasNoAnchors", item.min(), item.max()));
            none.setId("vas-no-anchors");
            none.addClassName("tablet-vas-note");
            box.add(none);
        }
        return box;
    }

    private static String anchor(Item item, int v) {
        return item.anchors().stream().filter(a -> a.value() == v).map(Anchor::label).findFirst().orElse("");
    }

    private void afterAnswer() {
        if (draft.answer() == null) {
            return;
        }
        stillInUse();
        if (draft.complete() && draft.index() == draft.size() - 1) {
            showFinish();
        } else {
            draft.next();
            showItem();
        }
    }

    private void showFinish() {
        screen.removeAll();
        Span error = new Span();
        error.setId("tablet-error");
        error.addClassName("tablet-error");
        Button send = new Button(Text.get("tablet.send"));
        send.setId("tablet-send");
        send.addClassName("tablet-next");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.addClickListener(e -> {
            send.setEnabled(false);
            TabletRequest.Unlocked u = unlocked;
            var rating = draft.toRating(u.staffRole(), u.staffUserId(), clock.instant(), null);
            Consumer<String> notSent = why -> {
                error.setText(Text.get("tablet.notSent"));
                send.setEnabled(true);
            };
            if (u.visitSessionId() != null) { // a rating visit: no bed
                client.<VisitReply.Done>request(Addresses.VISIT_COMMAND, new VisitCommand.RecordRating(u.visitSessionId(), rating), u.token(),
                        reply -> showLocked(Text.get("tablet.thanks")), notSent);
            } else {
                client.<CommandReply>request(Addresses.SESSION_COMMAND, new SessionCommand.RecordRating(u.bed(), rating), u.token(),
                        reply -> showLocked(Text.get("tablet.thanks")), notSent);
            }
        });
        Button back = new Button(Text.get("tablet.back"), e -> showItem());
        back.setId("tablet-back");
        back.addClassName("tablet-nav");
        Div nav = new Div(back);
        nav.addClassName("tablet-navs");
        Div box = new Div(new H1(Text.get("tablet.finishTitle")), new Paragraph(Text.get("tablet.finish", draft.size())), send, error, nav);
        box.addClassName("tablet-question");
        screen.add(box);
        touch();
    }

    // ---- idle lock

    /** Tells the station the tablet is in use (an answer was given); a tablet it has already locked shows locked. */
    private void stillInUse() {
        TabletRequest.Unlocked u = unlocked;
        client.<Boolean>request(Addresses.TABLET_TOUCH, new TabletRequest.StillInUse(u.token()), null, live -> {
            if (!live && unlocked == u) {
                showLocked(Text.get("tablet.idle"));
            }
        }, why -> { });
    }

    /** Restarts the idle timer: after the station's idle lock without a touch the tablet locks itself. */
    private void touch() {
        cancelIdle();
        TabletRequest.Unlocked u = unlocked;
        if (u == null || ui == null) {
            return;
        }
        if (held != null) {
            held.touched(clock.instant());
        }
        Vertx vertx = DashboardServices.get().vertx();
        idleTimer = vertx.setTimer(u.idleLock().toMillis(), id -> Push.access(ui, () -> {
            if (unlocked == u) {
                client.<Boolean>request(Addresses.TABLET_LOCK, new TabletRequest.Lock(u.token(), "idle"), null, x -> { }, x -> { });
                showLocked(Text.get("tablet.idle"));
            }
        }));
    }

    private void cancelIdle() {
        if (idleTimer >= 0) {
            DashboardServices.get().vertx().cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }
}
