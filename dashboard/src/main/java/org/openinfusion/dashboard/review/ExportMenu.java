package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewRequest;

/** A menu with every export format the station writes, each a download ({@code export-<format key>}). */
final class ExportMenu extends MenuBar {
    private final Map<ExportFormat, ExportDownload> downloads = new EnumMap<>(ExportFormat.class);

    /** {@code request}: what to export in a format, asked when the download starts (e.g. with the filters then set). */
    ExportMenu(String id, String label, Supplier<ReviewClient> client, Function<ExportFormat, ReviewRequest.Export> request) {
        setId(id);
        addThemeVariants(MenuBarVariant.LUMO_DROPDOWN_INDICATORS);
        SubMenu menu = addItem(label).getSubMenu();
        for (ExportFormat f : ExportFormat.values()) {
            ExportDownload d = new ExportDownload(client, () -> request.apply(f));
            downloads.put(f, d);
            Anchor a = new Anchor(d, AttachmentType.DOWNLOAD, title(f));
            a.setId("export-" + f.key());
            a.addClassName("export-link");
            // feedback on the click; the whole menu row is the link (styles/review.css)
            a.getElement().addEventListener("click", e -> Notification.show("Preparing " + title(f) + " ...", 3000,
                    Notification.Position.BOTTOM_END));
            menu.addItem(a).addClassName("export-item");
        }
    }

    /** What a physician reads in the menu, e.g. "Ratings (CSV)". */
    static String title(ExportFormat f) {
        return switch (f) {
            case VITALS_CSV -> "Vital signs (CSV)";
            case RATINGS_CSV -> "Ratings (CSV)";
            case BUNDLE_JSON -> "Session bundle (JSON)";
            case REDCAP_DICTIONARY -> "REDCap data dictionary (CSV)";
            case REDCAP_IMPORT -> "REDCap records import (CSV)";
            case SDTM_VS -> "SDTM VS vital signs (CSV)";
            case SDTM_RS -> "SDTM RS ratings (CSV)";
            case SDTM_QS -> "SDTM QS questionnaires (CSV)";
            case SDTM_EC -> "SDTM EC exposure, blinded (CSV)";
            case SDTM_AE -> "SDTM AE adverse events (CSV)";
            case AUDIT_CSV -> "Audit trail (CSV)";
            case VISITS_CSV -> "Study visits summary (CSV)";
            case FHIR_JSON -> "HL7 FHIR R4 bundle (JSON)";
            case EDF_PLUS -> "Waveforms with events (EDF+)";
            default -> f.key() + " (" + f.fileSuffix() + ")";
        };
    }

    /** The download of one format, for tests. */
    ExportDownload download(ExportFormat f) {
        return downloads.get(f);
    }
}
