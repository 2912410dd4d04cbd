package org.openinfusion.station.process;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two InfluxDB users of a private influxd: {@code station} (administrator: creates the database, writes) and
 * {@code reader} (granted READ on the station's database, for review and exports). Their passwords are generated
 * once, from {@link SecureRandom}, into a properties file that only its owner may read or write (0600), and read back
 * at every later start.
 */
public record InfluxUsers(Credentials admin, Credentials reader) {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxUsers.class);
    public static final String FILE_NAME = "influxd-users.properties";
    static final String ADMIN = "station";
    static final String READER = "reader";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    /** A user name and its password; the password never appears in {@link #toString()}. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return username + ":***";
        }
    }

    /** The users kept in {@code file}, generated and written there first when the file does not exist yet. */
    public static InfluxUsers loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            write(file, new InfluxUsers(new Credentials(ADMIN, generate()), new Credentials(READER, generate())));
            LOG.info("generated the passwords of the private influxd's users into {} (owner-only)", file);
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("{} was readable by others ({}); made owner-only", file, PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return new InfluxUsers(new Credentials(ADMIN, required(p, file, ADMIN)), new Credentials(READER, required(p, file, READER)));
    }

    private static String required(Properties p, Path file, String user) throws IOException {
        String password = p.getProperty(user + ".password", "");
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IOException(file + ": " + user + ".password is missing or not a generated password");
        }
        return password;
    }

    /** Written to a temporary owner-only file first, then moved into place, so it is never seen half-written or open. */
    private static void write(Path file, InfluxUsers users) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not create " + tmp, e);
        }
        Files.writeString(tmp, """
                # Users of the station's private influxd, generated at its first start. Keep this file owner-only (0600).
                # %s: administrator (creates the database, writes); %s: READ on the station's database (review, exports).
                %s.password=%s
                %s.password=%s
                """.formatted(ADMIN, READER, ADMIN, users.admin().password(), READER, users.reader().password()));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
