package org.openinfusion.dashboard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.Text;

class UsersViewTest {
    @Test
    void aLocksEndIsShownInTheSitesTimeZoneWithItsNameLikeEveryOtherScreen() {
        ZoneId before = Text.zone();
        try {
            Text.zone(ZoneId.of("Europe/Berlin"));
            assertEquals("2026-11-22 10:15 CET", UsersView.lockedUntil(Instant.parse("2026-11-22T09:15:00Z")));
            Text.zone(ZoneId.of("America/New_York"));
            assertEquals("2026-11-22 04:15 EST", UsersView.lockedUntil(Instant.parse("2026-11-22T09:15:00Z")));
        } finally {
            Text.zone(before);
        }
    }
}
