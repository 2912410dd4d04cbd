package org.openinfusion.station.clinical.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Lists sessions matching a {@link ReviewFilter}, newest first (by creation time). Pure. */
public final class SessionIndex {
    private SessionIndex() {
    }

    public static List<SessionEntries> matching(Collection<SessionEntries> sessions, ReviewFilter filter) {
        return sessions.stream().filter(s -> matches(s.listing(), filter))
                .sorted(Comparator.comparing(SessionEntries::createdAt).reversed().thenComparing(SessionEntries::sessionId))
                .toList();
    }

    public static List<SessionListing> list(Collection<SessionEntries> sessions, ReviewFilter filter) {
        return matching(sessions, filter).stream().map(SessionEntries::listing).toList();
    }

    static boolean matches(SessionListing s, ReviewFilter f) {
        LocalDate day = LocalDate.ofInstant(s.createdAt(), f.zone());
        return (f.protocolId() == null || f.protocolId().equals(s.protocolId()))
                && (f.from() == null || !day.isBefore(f.from()))
                && (f.to() == null || !day.isAfter(f.to()))
                && (f.subjectCode() == null || s.subjectCode().toUpperCase(Locale.ROOT).contains(f.subjectCode().strip().toUpperCase(Locale.ROOT)))
                && (f.state() == null || f.state() == s.state())
                && (!f.needsSignatureOnly() || s.needsSignature());
    }
}
