package org.openinfusion.dashboard;

import com.vaadin.flow.component.html.Anchor;

/**
 * Every page's route, spelled once. Views link and navigate by these routes rather than by each other's classes,
 * so no feature package imports another's view (no package cycles).
 */
public final class Routes {
    public static final String BEDS = "";
    public static final String BED = "bed/:bedId";
    public static final String LOGIN = "login";
    public static final String NOT_PERMITTED = "not-permitted";
    public static final String REVIEW = "review";
    public static final String DEVICES = "devices";
    public static final String USERS = "users";
    public static final String TABLET = "tablet";
    public static final String SIMULATOR = "simulator";
    public static final String CLINIC = "clinic";
    public static final String VISIT = "visit/:visitId";
    public static final String SUBJECT = "subject/:protocol/:subject";

    private Routes() {
    }

    /** A link the router follows without reloading the page (as a RouterLink does, but by route). */
    public static Anchor link(String text, String route) {
        Anchor a = new Anchor(route.isEmpty() ? "." : route, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    /** The page of the rating visit {@code visitSessionId}. */
    public static String visit(String visitSessionId) {
        return "visit/" + visitSessionId;
    }

    /** The timeline of {@code subject} in {@code protocolId}. */
    public static String subject(String protocolId, String subject) {
        return "subject/" + protocolId + "/" + subject;
    }

    /** The bed view of {@code bedId}. */
    public static String bed(String bedId) {
        return "bed/" + bedId;
    }
}
