package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewRequest;

/**
 * Every export format the station writes as a plain list of download links under one disclosure button (a native
 * {@code <details>}: a button with its expanded state for screen readers, no menu roles), grouped: summaries, CDISC SDTM,
 * REDCap, HL7 FHIR, waveforms. Each row is one link from edge to edge ({@code export-<format key>}); following it says
 * "Preparing ..." and marks the row busy until the file is sent.
 */
final class ExportMenu extends NativeDetails {
    /** The groups in the order the list shows them, each with its formats in order. */
    static final Map<String, List<ExportFormat>> GROUPS = groups();

    private final Map<ExportFormat, ExportDownload> downloads = new EnumMap<>(ExportFormat.class);
    private final Map<ExportFormat, ListItem> rows = new EnumMap<>(ExportFormat.class);

    /** {@code request}: what to export in a format, asked when the download starts (e.g. with the filters then set). */
    ExportMenu(String id, String label, Supplier<ReviewClient> client, Function<ExportFormat, ReviewRequest.Export> request) {
        setId(id);
        addClassName("export-menu");
        setSummaryText(label);
        getSummary().addClassName("export-toggle");
        Div panel = new Div();
        panel.addClassName("export-panel");
        for (Map.Entry<String, List<ExportFormat>> group : GROUPS.entrySet()) {
            H3 heading = new H3(Text.get("export.group." + group.getKey()));
            heading.setId(id + "-group-" + group.getKey());
            UnorderedList list = new UnorderedList();
            list.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
            for (ExportFormat f : group.getValue()) {
                list.add(row(client, request, f));
            }
            Section section = new Section(heading, list);
            section.addClassName("export-group");
            panel.add(section);
        }
        setContent(panel);
        getElement().addEventListener("keydown", e -> setOpen(false)).setFilter("event.key === 'Escape'");
        // like a menu: a click anywhere else on the page or Escape closes the open list (once per element)
        addAttachListener(e -> getElement().executeJs("""
                const d = this;
                if (d.__closesOutside) return;
                d.__closesOutside = true;
                document.addEventListener('click', ev => { if (d.open && !d.contains(ev.target)) d.open = false; }, true);
                document.addEventListener('keydown', ev => { if (ev.key === 'Escape' && d.open) d.open = false; });"""));
    }

    private ListItem row(Supplier<ReviewClient> client, Function<ExportFormat, ReviewRequest.Export> request, ExportFormat f) {
        ListItem row = new ListItem();
        ExportDownload d = new ExportDownload(client, () -> request.apply(f), () -> done(f));
        downloads.put(f, d);
        Anchor a = new Anchor(d, AttachmentType.DOWNLOAD, title(f));
        a.setId("export-" + f.key());
        a.addClassName("export-link");
        a.getElement().addEventListener("click", e -> preparing(f));
        row.add(a);
        rows.put(f, row);
        return row;
    }

    /** Feedback on the click: a notice, and the row marked busy until the download is sent or refused. */
    private void preparing(ExportFormat f) {
        Notification.show(Text.get("export.preparing", title(f)), 3000, Notification.Position.BOTTOM_END);
        rows.get(f).addClassName("preparing");
        rows.get(f).getElement().setAttribute("aria-busy", "true");
    }

    private void done(ExportFormat f) {
        getUI().ifPresent(ui -> ui.access(() -> {
            rows.get(f).removeClassName("preparing");
            rows.get(f).getElement().removeAttribute("aria-busy");
        }));
    }

    /**
     * What a physician reads in the list, e.g. "Ratings (CSV)": the bundle's {@code export.<format key>}. Every format
     * has one; a format without it fails the list's test rather than showing its key.
     */
    static String title(ExportFormat f) {
        return Text.get("export." + f.key());
    }

    /** The download of one format, for tests. */
    ExportDownload download(ExportFormat f) {
        return downloads.get(f);
    }

    /** True while a format's download is being prepared (its row is busy), for tests. */
    boolean busy(ExportFormat f) {
        return rows.get(f).hasClassName("preparing");
    }

    private static Map<String, List<ExportFormat>> groups() {
        Map<String, List<ExportFormat>> g = new LinkedHashMap<>();
        g.put("summaries", List.of(ExportFormat.VITALS_CSV, ExportFormat.RATINGS_CSV, ExportFormat.VISITS_CSV, ExportFormat.AUDIT_CSV,
                ExportFormat.BUNDLE_JSON));
        g.put("sdtm", List.of(ExportFormat.SDTM_DM, ExportFormat.SDTM_TS, ExportFormat.SDTM_VS, ExportFormat.SDTM_SUPPVS, ExportFormat.SDTM_RS, ExportFormat.SDTM_QS,
                ExportFormat.SDTM_EC, ExportFormat.SDTM_SUPPEC, ExportFormat.SDTM_AE, ExportFormat.SDTM_SUPPAE, ExportFormat.SDTM_CM,
                ExportFormat.SDTM_SUPPCM, ExportFormat.SDTM_XPT));
        g.put("redcap", List.of(ExportFormat.REDCAP_DICTIONARY, ExportFormat.REDCAP_IMPORT, ExportFormat.REDCAP_EVENTS,
                ExportFormat.REDCAP_DESIGNATIONS, ExportFormat.REDCAP_REPEATING));
        g.put("fhir", List.of(ExportFormat.FHIR_JSON));
        g.put("waveforms", List.of(ExportFormat.EDF_PLUS));
        Set<ExportFormat> missing = EnumSet.allOf(ExportFormat.class);
        List<ExportFormat> all = new ArrayList<>();
        g.values().forEach(all::addAll);
        all.forEach(missing::remove);
        if (!missing.isEmpty() || all.size() != ExportFormat.values().length) {
            // a new format must be placed in a group: the list would otherwise hide it
            throw new IllegalStateException("export formats without a group or in two: " + missing + " " + all);
        }
        return g;
    }
}
