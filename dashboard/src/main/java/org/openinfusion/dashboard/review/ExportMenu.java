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
import org.openinfusion.dashboard.Text;
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
            a.getElement().addEventListener("click", e -> Notification.show(Text.get("export.preparing", title(f)), 3000,
                    Notification.Position.BOTTOM_END));
            menu.addItem(a).addClassName("export-item");
        }
    }

    /**
     * What a physician reads in the menu, e.g. "Ratings (CSV)": the bundle's {@code export.<format key>}. Every format
     * has one; a format without it fails the menu's test rather than showing its key.
     */
    static String title(ExportFormat f) {
        return Text.get("export." + f.key());
    }

    /** The download of one format, for tests. */
    ExportDownload download(ExportFormat f) {
        return downloads.get(f);
    }
}
