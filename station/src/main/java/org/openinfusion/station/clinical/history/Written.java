package org.openinfusion.station.clinical.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry exactly as the file holds it: its type name, payload, the previous entry's hash and its own. Only the
 * exports that reproduce the trail verbatim (audit CSV, session bundle) read it; everything else reads the typed event.
 */
public record Written(String type, Map<String, Object> payload, String previousHash, String hash) {
    public Written {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
