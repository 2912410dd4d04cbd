package org.openinfusion.station.clinical.audit;

import java.time.Instant;

/**
 * Mirrors an audit entry into InfluxDB: one line-protocol line (no line end), measurement "audit",
 * tags session (omitted for station-wide entries) and type, fields seq, actor, hash and payload (JSON
 * text), timestamp = entry time in microseconds (write with precision "u").
 */
public final class AuditLineProtocol {
    public static final String MEASUREMENT = "audit";

    private AuditLineProtocol() {
    }

    public static String toLine(AuditEntry e) {
        StringBuilder out = new StringBuilder(256).append(MEASUREMENT);
        if (e.sessionId() != null) {
            out.append(",session=").append(escapeTag(e.sessionId()));
        }
        out.append(",type=").append(escapeTag(e.type()))
                .append(" seq=").append(e.seq()).append('i')
                .append(",actor=\"").append(escapeString(e.actor())).append('"')
                .append(",hash=\"").append(e.hash()).append('"')
                .append(",payload=\"").append(escapeString(AuditJson.canonical(e.payload()))).append('"')
                .append(' ').append(micros(e.time()));
        return out.toString();
    }

    /** Tag values: backslash, comma, equals sign and space are escaped with a backslash. */
    static String escapeTag(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ");
    }

    /** String field values: backslash and double quote are escaped with a backslash. */
    static String escapeString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
