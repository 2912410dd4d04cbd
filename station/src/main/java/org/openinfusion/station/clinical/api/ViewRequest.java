package org.openinfusion.station.clinical.api;

/** Asks for the {@link SessionView} of a bed (request to {@code Addresses.SESSION_VIEW}); fails with 404 when no session is open. */
public record ViewRequest(String bed) {
}
