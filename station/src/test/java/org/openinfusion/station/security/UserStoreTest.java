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

    @Test
    void addUserCommandWritesTheUsersFileUnderTheDataFolder() throws Exception {
        Path file = AddUserMain.run(new String[] {"--user", "nurse2", "--role", "nurse", "--data-dir", dir.toString()},
                "long enough".toCharArray());

        assertEquals(dir.resolve("users.properties"), file);
        assertTrue(UserStore.at(file).authenticate("nurse2", "long enough".toCharArray()).isPresent());
        assertThrows(IllegalArgumentException.class, () -> AddUserMain.run(new String[] {"--user", "x1", "--role", "nurse",
                "--file", file.toString()}, "short".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> AddUserMain.run(new String[] {"--user", "x1", "--role", "boss",
                "--file", file.toString()}, "long enough".toCharArray()));
    }
}
