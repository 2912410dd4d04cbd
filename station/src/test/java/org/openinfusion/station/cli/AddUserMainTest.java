package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.security.UserStore;

class AddUserMainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addUserCommandWritesTheUsersFileUnderTheDataFolder() {
        // given a data folder
        // when a nurse is added there
        int code = run("long enough", "--user", "nurse2", "--role", "nurse", "--data-dir", dir.toString());
        // then the users file under it signs the nurse in
        assertEquals(0, code);
        Path file = dir.resolve("users.properties");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("user saved in " + file));
        assertTrue(UserStore.at(file).authenticate("nurse2", "long enough".toCharArray()).isPresent());
    }

    @Test
    void aShortPasswordAnUnknownRoleOrTwoTargetsExitTwoAndSaveNothing() {
        // given a users file to write
        Path file = dir.resolve("users.properties");
        // when the command is refused for each reason
        int shortPassword = run("short", "--user", "x1", "--role", "nurse", "--file", file.toString());
        int unknownRole = run("long enough", "--user", "x1", "--role", "boss", "--file", file.toString());
        int twoTargets = run("long enough", "--user", "x1", "--role", "nurse", "--file", file.toString(), "--data-dir",
                dir.toString());
        // then each exits 2 with its reason and the usage, and no file is written
        assertEquals(2, shortPassword);
        assertEquals(2, unknownRole);
        assertEquals(2, twoTargets);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("the password needs at least 8 characters"), printed);
        assertTrue(printed.contains("role must be one of nurse, physician, engineer, admin; got 'boss'"), printed);
        assertTrue(printed.contains("mutually exclusive"), printed);
        assertTrue(printed.contains("Usage: add-user"), printed);
        assertFalse(Files.exists(file));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        // given nothing
        // when asked for help
        int code = run("", "--help");
        // then the usage is printed on standard output
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--role=ROLE"), out.toString(StandardCharsets.UTF_8));
    }

    private int run(String password, String... args) {
        return AddUserMain.run(args, password::toCharArray, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
