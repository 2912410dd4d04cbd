package org.openinfusion.station.clinical.api;

import java.util.List;

/** The protocols a session can be started under, as nurses see them: id, version and title (the study design, naming every arm; never a participant's arm). */
public record ProtocolChoices(List<Choice> protocols) {
    public record Choice(String id, int version, String label) {
    }

    public ProtocolChoices {
        protocols = List.copyOf(protocols);
    }
}
