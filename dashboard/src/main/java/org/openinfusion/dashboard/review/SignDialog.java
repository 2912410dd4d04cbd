package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.clinical.review.SignatureMeaning;
import org.openinfusion.station.security.Authenticator;

/**
 * The e-signature (21 CFR 11.50, 11.200): the meaning with what it states, the signer's printed name, and the
 * password entered again. The station's refusal (wrong password, account locked, record not closed, nothing
 * changed since the last signature) is shown as it is; a signed record comes back and the dialog closes.
 */
final class SignDialog extends Dialog {
    private final RadioButtonGroup<SignatureMeaning> meaning = new RadioButtonGroup<>();
    private final Paragraph statement = new Paragraph();
    private final TextField userId = new TextField(Text.get("review.sign.userId"));
    private final PasswordField password = new PasswordField(Text.get("review.sign.password"));
    private final Span error = new Span();
    private final Button sign = new Button(Text.get("review.sign.submit"));

    /**
     * {@code firstOfSignIn}: this sign-in has not signed before, so the user id is asked as well as the password
     * (21 CFR 11.200(a)(1)); later signatures ask the password only.
     */
    SignDialog(ReviewClient client, String sessionId, long seenLastSeq, StationUser signer, boolean firstOfSignIn,
               Consumer<SessionRecord> signed) {
        setId("sign-dialog");
        setHeaderTitle(Text.get("review.sign.title"));
        meaning.setId("sign-meaning");
        meaning.setLabel(Text.get("review.sign.meaning"));
        meaning.setItems(SignatureMeaning.values());
        meaning.setItemLabelGenerator(SignatureMeaning::label);
        meaning.addValueChangeListener(e -> statement.setText(e.getValue() == null ? "" : statement(e.getValue())));
        statement.setId("sign-statement");
        statement.addClassName("sign-statement");
        Span who = new Span(Text.get("review.sign.as", signer.name(), signer.id()));
        who.setId("sign-signer");
        password.setId("sign-password");
        password.setHelperText(Text.get(firstOfSignIn ? "review.sign.passwordHelp" : "review.sign.passwordAgainHelp"));
        userId.setId("sign-user-id");
        // the dialog's width: a narrow field wrapped its help into three lines
        userId.setWidthFull();
        password.setWidthFull();
        userId.setHelperText(Text.get("review.sign.userIdHelp"));
        userId.setVisible(firstOfSignIn);
        error.setId("sign-error");
        error.addClassName("dialog-error");
        sign.setId("sign-submit");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickListener(e -> {
            error.setText("");
            if (meaning.getValue() == null || password.isEmpty() || (firstOfSignIn && userId.isEmpty())) {
                error.setText(Text.get(firstOfSignIn ? "review.sign.missingBoth" : "review.sign.missingPassword"));
                return;
            }
            char[] secret = password.getValue().toCharArray();
            password.clear();
            sign.setEnabled(false);
            String enteredId = firstOfSignIn ? userId.getValue().strip() : "";
            client.sign(new ReviewRequest.Sign(sessionId, meaning.getValue(), secret, seenLastSeq, enteredId), record -> {
                CurrentUser.signatureMade();
                close();
                signed.accept(record);
            }, message -> {
                sign.setEnabled(true);
                error.setText(firstOfSignIn ? message : wording(message));
            });
        });
        Button cancel = new Button(Text.get("review.cancel"), e -> close());
        cancel.setId("sign-cancel");
        VerticalLayout body = new VerticalLayout(meaning, statement, who, userId, password, error);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, sign);
        meaning.setValue(SignatureMeaning.REVIEWED);
    }

    /** What a signature of this meaning states, shown before signing and with every signature. */
    static String statement(SignatureMeaning m) {
        return switch (m) {
            case REVIEWED -> Text.get("review.sign.statement.REVIEWED");
            case APPROVED -> Text.get("review.sign.statement.APPROVED");
        };
    }

    /** When only the password was asked, the station's "wrong user name or password" means a wrong password. */
    static String wording(String refusal) {
        return refusal != null && refusal.startsWith(Authenticator.WRONG)
                ? Text.get("sign.wrongPassword") + refusal.substring(Authenticator.WRONG.length()) : refusal;
    }

    String error() {
        return error.getText();
    }
}
