package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.session.Medication;

/**
 * Records a rescue or concomitant medication given on a physician's order: drug, dose and unit, route, when (site time),
 * who ordered it (required) and whether it was a rescue; the signed-in user gave it. A dialog over the bed view.
 */
final class MedicationDialog extends Dialog {
    static final List<String> UNITS = List.of("mg", "microgram", "mL", "g", "mmol", "units");
    static final List<String> ROUTES = List.of("IV", "oral", "sublingual", "IM", "SC", "intranasal", "inhaled");

    final ComboBox<String> drug = new ComboBox<>(Text.get("med.drug"));
    final NumberField dose = new NumberField(Text.get("med.dose"));
    final ComboBox<String> unit = new ComboBox<>(Text.get("med.unit"));
    final ComboBox<String> route = new ComboBox<>(Text.get("med.route"));
    final DateTimePicker givenAt = new DateTimePicker(Text.get("med.givenAt"));
    final TextField orderedBy = new TextField(Text.get("med.orderedBy"));
    final Checkbox rescue = new Checkbox(Text.get("med.rescue"));
    private final Span error = new Span();

    MedicationDialog(BedView view, Instant now) {
        setId("med-dialog");
        setHeaderTitle(Text.get("med.title"));
        setWidth("min(640px, 95vw)");
        setCloseOnOutsideClick(false);
        drug.setId("med-drug");
        drug.setItems("labetalol", "midazolam", "lorazepam", "ondansetron", "paracetamol", "metoclopramide");
        drug.setAllowCustomValue(true);
        drug.addCustomValueSetListener(e -> drug.setValue(e.getDetail()));
        dose.setId("med-dose");
        dose.setMin(0);
        unit.setId("med-unit");
        unit.setItems(UNITS);
        unit.setAllowCustomValue(true);
        unit.addCustomValueSetListener(e -> unit.setValue(e.getDetail()));
        unit.setValue("mg");
        route.setId("med-route");
        route.setItems(ROUTES);
        route.setAllowCustomValue(true);
        route.addCustomValueSetListener(e -> route.setValue(e.getDetail()));
        givenAt.setId("med-given-at");
        givenAt.setLocale(Locale.UK);
        givenAt.setValue(LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), Text.zone()));
        orderedBy.setId("med-ordered-by");
        orderedBy.setHelperText(Text.get("med.orderedByHelp"));
        rescue.setId("med-rescue");
        error.setId("med-error");
        error.addClassName("dialog-error");
        FormLayout form = new FormLayout(drug, dose, unit, route, givenAt, orderedBy, rescue);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form, error);
        Button cancel = new Button(Text.get("confirm.cancel"), e -> close());
        cancel.setId("med-cancel");
        Button save = new Button(Text.get("med.save"), e -> save(view));
        save.setId("med-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private void save(BedView view) {
        List<String> missing = new ArrayList<>();
        if (drug.getValue() == null || drug.getValue().isBlank()) {
            missing.add(Text.get("med.drug"));
        }
        if (dose.getValue() == null || !(dose.getValue() > 0)) {
            missing.add(Text.get("med.dose"));
        }
        for (ComboBox<String> c : List.of(unit, route)) {
            if (c.getValue() == null || c.getValue().isBlank()) {
                missing.add(c.getLabel());
            }
        }
        if (givenAt.getValue() == null) {
            missing.add(Text.get("med.givenAt"));
        }
        if (orderedBy.getValue().isBlank()) {
            missing.add(Text.get("med.orderedBy"));
        }
        if (!missing.isEmpty()) {
            error.setText(Text.get("ae.missing", String.join(", ", missing)));
            return;
        }
        Medication m;
        try {
            m = new Medication(drug.getValue(), dose.getValue(), unit.getValue(), route.getValue(), givenAt.getValue().atZone(Text.zone()).toInstant(),
                    view.user(), orderedBy.getValue(), rescue.getValue());
        } catch (IllegalArgumentException problem) {
            error.setText(problem.getMessage());
            return;
        }
        view.send(new SessionCommand.RecordMedication(view.user(), view.bed(), m), reply -> close(), error::setText);
    }

    String error() {
        return error.getText();
    }
}
