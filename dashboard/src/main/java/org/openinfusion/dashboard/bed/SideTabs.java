package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import java.util.ArrayList;
import java.util.List;

/**
 * The bed view's secondary lists as tabs (plain HTML with ARIA tab roles, so assistive technology and axe-core read
 * them as tabs): one panel shows at a time and scrolls inside itself, so the page never scrolls.
 */
final class SideTabs extends Div {
    private final Div strip = new Div();
    private final Div panels = new Div();
    private final List<NativeButton> tabs = new ArrayList<>();
    private final List<Component> contents = new ArrayList<>();

    SideTabs() {
        addClassName("side-tabs");
        setId("bed-tabs");
        strip.addClassName("side-tab-strip");
        strip.getElement().setAttribute("role", "tablist");
        panels.addClassName("side-tab-panel");
        panels.getElement().setAttribute("tabindex", "0"); // it scrolls: reachable by keyboard (axe scrollable-region-focusable)
        add(strip, panels);
    }

    void add(String label, String id, Component content) {
        int index = tabs.size();
        NativeButton tab = new NativeButton(label, e -> select(index));
        tab.setId("tab-" + id);
        tab.addClassName("side-tab");
        tab.getElement().setAttribute("role", "tab");
        tab.getElement().setAttribute("aria-controls", "panel-" + id);
        Div panel = new Div(content);
        panel.setId("panel-" + id);
        panel.getElement().setAttribute("role", "tabpanel");
        panel.getElement().setAttribute("aria-labelledby", "tab-" + id);
        tabs.add(tab);
        contents.add(panel);
        strip.add(tab);
        panels.add(panel);
        select(index == 0 ? 0 : selected());
    }

    int selected() {
        for (int i = 0; i < tabs.size(); i++) {
            if ("true".equals(tabs.get(i).getElement().getAttribute("aria-selected"))) {
                return i;
            }
        }
        return 0;
    }

    void select(int index) {
        for (int i = 0; i < tabs.size(); i++) {
            boolean on = i == index;
            tabs.get(i).getElement().setAttribute("aria-selected", String.valueOf(on));
            tabs.get(i).getElement().setAttribute("tabindex", on ? "0" : "-1");
            contents.get(i).setVisible(on);
        }
    }

    /** Selects the tab labelled {@code label}. */
    void select(String label) {
        for (int i = 0; i < tabs.size(); i++) {
            if (tabs.get(i).getText().equals(label)) {
                select(i);
            }
        }
    }
}
