package org.openinfusion.dashboard.tablet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.TabletRequest;

/**
 * The one-time code for the patient tablet, shown large with what it unlocks (docs/tablet.md): the same dialog at a
 * bed's due rating and at a rating visit.
 */
public final class CodeDialog {
    private CodeDialog() {
    }

    /** Opens the dialog for {@code form}'s {@code code}; {@code detail} says until when and for what; closing runs {@code closed}. */
    public static Dialog open(String form, TabletRequest.Code code, String detail, Runnable closed) {
        Dialog d = new Dialog();
        d.setId("handover-dialog");
        d.setHeaderTitle(Text.get("bed.handOverTitle", Text.form(form)));
        Div digits = new Div(code.code());
        digits.setId("handover-code");
        digits.addClassName("handover-code");
        digits.getElement().setAttribute("aria-label", Text.get("bed.handOverCode"));
        d.add(digits, new Paragraph(detail));
        Button close = new Button(Text.get("bed.handOverClose"), e -> {
            d.close();
            closed.run();
        });
        close.setId("handover-close");
        d.getFooter().add(close);
        d.open();
        return d;
    }
}
