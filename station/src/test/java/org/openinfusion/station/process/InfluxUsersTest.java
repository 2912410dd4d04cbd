package org.openinfusion.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxUsersTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartGeneratesTwoPasswordsIntoAnOwnerOnlyFileThatLaterStartsRead() throws IOException {
        Path file = dir.resolve(InfluxUsers.FILE_NAME);
        InfluxUsers first = InfluxUsers.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("station", first.admin().username());
        assertEquals("reader", first.reader().username());
        assertNotEquals(first.admin().password(), first.reader().password());
        assertEquals(32, first.admin().password().length(), "24 random bytes, base64url");
        assertFalse(Files.exists(dir.resolve(InfluxUsers.FILE_NAME + ".tmp")));
        assertEquals(first, InfluxUsers.loadOrCreate(file), "read back, not generated again");
        assertNotEquals(first.admin().password(), InfluxUsers.loadOrCreate(dir.resolve("other.properties")).admin().password());
    }

    @Test
    void aFileOthersCouldReadIsMadeOwnerOnly() throws IOException {
        Path file = dir.resolve(InfluxUsers.FILE_NAME);
        InfluxUsers users = InfluxUsers.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(users, InfluxUsers.loadOrCreate(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFileWithoutAGeneratedPasswordIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve(InfluxUsers.FILE_NAME), "station.password=secret\nreader.password=\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        IOException e = assertThrows(IOException.class, () -> InfluxUsers.loadOrCreate(file));
        assertTrue(e.getMessage().contains("station.password"), e.getMessage());
    }

    @Test
    void passwordsNeverAppearInToString() throws IOException {
        InfluxUsers users = InfluxUsers.loadOrCreate(dir.resolve(InfluxUsers.FILE_NAME));
        assertFalse(users.toString().contains(users.admin().password()));
        assertFalse(users.toString().contains(users.reader().password()));
    }
}
