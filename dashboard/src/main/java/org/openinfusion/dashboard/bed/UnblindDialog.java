package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.clinical.api.UnblindRequest;
import org.openinfusion.station.clinical.api.UnblindedArm;

/**
 * Emergency unblinding at the bedside, for the roles allowed to unblind (physicians, docs/security.md): states the
 * consequence, asks the reason and the e-signature (the password again; the user id too at the first signature of a
 * sign-in), and shows the arm the station answers in this dialog only. The arm is never kept by the bed view: closing
 * the dialog drops it, and no other screen shows it.
 */
final class UnblindDialog extends Dialog {
    /** Sends the request; the reply or the station's refusal comes back under the UI lock. */
    interface Station {
        void unblind(UnblindRequest request, Consumer<UnblindedArm> done, Consumer<String> refused);
    }

    private final Div body = new Div();
    private final Span error = new Span();

    UnblindDialog(String user, String bed, Station station) {
        setId("unblind-dialog");
        addClassName("confirm-dialog");
        setCloseOnOutsideClick(false);
        setHeaderTitle(Text.get("unblind.title"));
        boolean firstOfSignIn = !CurrentUser.signedBefore();
        Paragraph consequence = new Paragraph(Text.get("unblind.consequence"));
        consequence.setId("unblind-consequence");
        TextField reason = new TextField(Text.get("unblind.reason"));
        reason.setId("unblind-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        TextField userId = new TextField(Text.get("unblind.userId"));
        userId.setId("unblind-user-id");
        userId.setHelperText(Text.get("unblind.userIdHelp"));
        userId.setVisible(firstOfSignIn);
        PasswordField password = new PasswordField(Text.get("unblind.password"));
        password.setId("unblind-password");
        password.setHelperText(Text.get("unblind.passwordHelp"));
        error.setId("unblind-error");
        error.addClassName("dialog-error");
        error.getElement().setAttribute("role", "alert");
        body.addClassName("confirm-body");
        body.add(consequence, reason, userId, password, error);
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("unblind-cancel");
        Button submit = new Button(Text.get("unblind.submit"));
        submit.setId("unblind-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            error.setText("");
            if (reason.getValue().isBlank() || password.isEmpty() || (firstOfSignIn && userId.getValue().isBlank())) {
                error.setText(Text.get("unblind.missing"));
                return;
            }
            char[] secret = password.getValue().toCharArray();
            password.clear();
            submit.setEnabled(false);
            station.unblind(new UnblindRequest(user, bed, reason.getValue().strip(), firstOfSignIn ? userId.getValue() : "", secret), arm -> {
                CurrentUser.signatureMade();
                showArm(arm);
                getFooter().removeAll();
                Button close = new Button(Text.get("unblind.close"), c -> close());
                close.setId("unblind-close");
                close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                getFooter().add(close);
            }, why -> {
                submit.setEnabled(true);
                error.setText(why);
            });
        });
        add(body);
        getFooter().add(cancel, submit);
        // the arm lives in this dialog only: closing it removes the dialog and what it showed
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                body.removeAll();
                removeFromParent();
            }
        });
    }

    private void showArm(UnblindedArm arm) {
        body.removeAll();
        Paragraph shown = new Paragraph(Text.get("unblind.arm", arm.kitId(), arm.armDescription()));
        shown.setId("unblind-arm");
        shown.addClassName("unblind-arm");
        Paragraph note = new Paragraph(Text.get("unblind.armNote"));
        body.add(shown, note);
    }
}
