package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.session.StartGates;

/**
 * The station would confirm the infusion start only over unmet pre-dose gates (pretreatment lead not reached, no fresh
 * pre-dose blood pressure, blood pressure above the protocol's limit): lists EVERY one of them in staff words, each
 * rule's source folded beneath it, and asks for one reason. A gate listed at the staff's last try that is met now (a cuff
 * reading taken, the lead reached) is named first as cleared. The start is sent naming exactly the gates shown; the station
 * refuses it if those are no longer the gates unmet at that moment, so nothing is overridden that the nurse did not see.
 */
final class StartOverride extends Dialog {
    /** Whether the station's refusal is one a reason overrides (it says so). */
    static boolean offered(String refusal) {
        return refusal != null && refusal.toLowerCase(Locale.ROOT).contains("reason");
    }

    /** One gate in staff words; a capsule given less than a minute ago was given "just now", never "0 min ago". */
    static String words(StartGates.Unmet gate) {
        boolean justNow = gate.kind() == StartGates.Kind.PRETREATMENT_LEAD && gate.figures().size() > 1 && gate.figures().get(1).equals("0");
        return Text.get("start.gate." + gate.kind().name() + (justNow ? ".justNow" : ""), gate.figures().toArray());
    }

    /**
     * @param cleared the gates listed at the last try that are met now (said first, so staff see what their step changed)
     * @param go receives the reason and the gates it overrides (those listed)
     */
    StartOverride(List<StartGates.Unmet> gates, Set<StartGates.Kind> cleared, BiConsumer<String, Set<StartGates.Kind>> go) {
        setId("start-override-dialog");
        addClassName("confirm-dialog");
        setCloseOnOutsideClick(false);
        setHeaderTitle(Text.get("start.override.title"));
        Div why = new Div();
        why.setId("start-override-why");
        if (!cleared.isEmpty()) {
            UnorderedList done = new UnorderedList();
            for (StartGates.Kind k : StartGates.Kind.values()) {
                if (cleared.contains(k)) {
                    done.add(new ListItem(Text.get("start.cleared." + k.name())));
                }
            }
            Div since = new Div(new Span(Text.get("start.override.cleared")), done);
            since.setId("start-override-cleared");
            since.addClassName("start-override-cleared");
            why.add(since);
        }
        why.add(new Paragraph(Text.get(cleared.isEmpty() ? "start.override.intro" : "start.override.introStill")));
        UnorderedList list = new UnorderedList();
        list.setId("start-override-gates");
        for (StartGates.Unmet gate : gates) {
            String id = "start-override-gate-" + gate.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            Span line = new Span(words(gate));
            line.setId(id);
            ListItem item = new ListItem(line);
            item.getElement().setAttribute("data-gate", gate.kind().name());
            gate.source().ifPresent(s -> {
                Details source = new Details(Text.get("start.override.source"), new Paragraph(s));
                source.setId(id + "-source");
                source.addClassName("override-source");
                item.add(source);
            });
            list.add(item);
        }
        why.add(list);
        Set<StartGates.Kind> kinds = EnumSet.noneOf(StartGates.Kind.class);
        gates.forEach(g -> kinds.add(g.kind()));
        TextField reason = new TextField(Text.get(gates.size() > 1 ? "start.override.reasonAll" : "start.override.reason"));
        reason.setId("start-override-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button(Text.get("start.override.confirm"), e -> {
            close();
            go.accept(reason.getValue().strip(), Set.copyOf(kinds));
        });
        confirm.setId("start-override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("start-override-cancel");
        add(why, reason);
        getFooter().add(cancel, confirm);
    }
}
