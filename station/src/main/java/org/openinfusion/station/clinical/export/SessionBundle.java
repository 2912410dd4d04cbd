package org.openinfusion.station.clinical.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.clinical.audit.AuditEntry;

/** One session as a JSON bundle: its metadata and every audit entry of it, with their hashes (verifiable). */
public final class SessionBundle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionBundle() {
    }

    public static String write(String sessionId, List<AuditEntry> entries) {
        List<Map<String, Object>> events = new ArrayList<>();
        Map<String, Object> session = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            if (!sessionId.equals(e.sessionId())) {
                continue;
            }
            if (e.type().equals("session.created")) {
                session.putAll(e.payload());
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("seq", e.seq());
            ev.put("time", e.time().toString());
            ev.put("type", e.type());
            ev.put("actor", e.actor());
            ev.put("payload", e.payload());
            ev.put("hash", e.hash());
            events.add(ev);
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no session " + sessionId + " in the audit trail");
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", "openinfusion-session-bundle/1");
        bundle.put("sessionId", sessionId);
        bundle.put("session", session);
        bundle.put("events", events);
        try {
            return JSON.writeValueAsString(bundle);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
