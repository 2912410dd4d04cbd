package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.openinfusion.dashboard.Text;

/**
 * The station refused to confirm the infusion start but would take it with a reason (pretreatment lead not reached,
 * no pre-dose blood pressure, blood pressure above the protocol's gate): shows why in a short staff message, the rule's
 * source as a secondary detail (folded), and asks for the reason, which the station records with the start.
 */
final class StartOverride extends Dialog {
    private static final String SOURCE = " (source: ";

    /** Whether the station's refusal is one a reason overrides (it says so). */
    static boolean offered(String refusal) {
        return refusal != null && refusal.toLowerCase(Locale.ROOT).contains("reason");
    }

    /** The refusal without its "(source: ...)" citations, and the citations. */
    record Parts(String message, List<String> sources) {
    }

    /** Splits the station's refusal: every " (source: ...)" (brackets inside it balanced) goes to the sources. */
    static Parts split(String refusal) {
        StringBuilder message = new StringBuilder();
        List<String> sources = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = refusal.indexOf(SOURCE, from)) >= 0) {
            message.append(refusal, from, at);
            int depth = 1;
            int i = at + SOURCE.length();
            while (i < refusal.length() && depth > 0) {
                char c = refusal.charAt(i++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            sources.add(refusal.substring(at + SOURCE.length(), depth == 0 ? i - 1 : i).strip());
            from = i;
        }
        message.append(refusal.substring(from));
        return new Parts(message.toString(), sources);
    }

    StartOverride(String refusal, Consumer<String> go) {
        setId("start-override-dialog");
        addClassName("confirm-dialog");
        setCloseOnOutsideClick(false);
        setHeaderTitle(Text.get("start.override.title"));
        Parts parts = split(refusal);
        Paragraph why = new Paragraph(parts.message());
        why.setId("start-override-why");
        TextField reason = new TextField(Text.get("start.override.reason"));
        reason.setId("start-override-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button(Text.get("start.override.confirm"), e -> {
            close();
            go.accept(reason.getValue().strip());
        });
        confirm.setId("start-override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("start-override-cancel");
        add(why);
        if (!parts.sources().isEmpty()) {
            Div cited = new Div();
            parts.sources().forEach(s -> cited.add(new Paragraph(s)));
            Details source = new Details(Text.get("start.override.source"), cited);
            source.setId("start-override-source");
            source.addClassName("override-source");
            add(source);
        }
        add(reason);
        getFooter().add(cancel, confirm);
    }
}
