package org.openinfusion.station.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesABcryptHashNeverThePasswordAndChecksIt() throws Exception {
        UserStore store = UserStore.at(dir.resolve("users.properties"), 4);
        store.put("nurse1", Role.NURSE, "correct horse".toCharArray());

        String file = Files.readString(store.file());
        assertTrue(file.contains("nurse1=nurse\\:$2a$04$"), file);
        assertFalse(file.contains("correct horse"));
        assertEquals(new Principal("nurse1", Role.NURSE, "nurse1"), store.authenticate("nurse1", "correct horse".toCharArray()).orElseThrow());
        assertTrue(store.authenticate("nurse1", "wrong".toCharArray()).isEmpty());
        assertTrue(store.authenticate("nobody", "correct horse".toCharArray()).isEmpty());
    }

    @Test
    void refusesABadUserId() {
        UserStore store = UserStore.at(dir.resolve("users.properties"), 4);
        assertThrows(IllegalArgumentException.class, () -> store.put("Nurse One", Role.NURSE, "x".toCharArray()));
    }
}
