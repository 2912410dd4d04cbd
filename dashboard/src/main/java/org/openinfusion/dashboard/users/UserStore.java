package org.openinfusion.dashboard.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Station accounts in a properties file, one line per user: {@code nurse1 = nurse:$2a$12$...} (role, then the
 * bcrypt hash of the password). Read on every sign-in, so users added by {@link AddUserMain} count at once.
 */
public final class UserStore {
    public static final String FILE_NAME = "users.properties";
    static final int COST = 12;
    private static final String ID = "[a-z0-9._-]{2,32}";

    private final Path file;
    private final int cost;

    private UserStore(Path file, int cost) {
        this.file = file;
        this.cost = cost;
    }

    public static UserStore at(Path file) {
        return new UserStore(file, COST);
    }

    /** A store hashing new passwords with {@code cost} (4-31); tests use 4 to stay fast. */
    public static UserStore at(Path file, int cost) {
        return new UserStore(file, cost);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** The user when the password matches its hash; empty for an unknown user or a wrong password. */
    public Optional<StationUser> authenticate(String userId, char[] password) {
        String entry = read().getProperty(userId == null ? "" : userId.strip());
        if (entry == null || entry.indexOf(':') < 0) {
            return Optional.empty();
        }
        String role = entry.substring(0, entry.indexOf(':'));
        String hash = entry.substring(entry.indexOf(':') + 1);
        boolean ok = BCrypt.verifyer().verify(password, hash.toCharArray()).verified;
        return ok ? Optional.of(new StationUser(userId.strip(), Role.parse(role))) : Optional.empty();
    }

    /** Adds or replaces a user; the file is replaced atomically. */
    public void put(String userId, Role role, char[] password) {
        if (userId == null || !userId.matches(ID)) {
            throw new IllegalArgumentException("user id must be 2-32 of a-z, 0-9, '.', '_' or '-'");
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        Properties users = read();
        users.setProperty(userId, role.key() + ":" + BCrypt.withDefaults().hashToString(cost, password));
        write(users);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private void write(Properties users) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "users", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                users.store(w, "station users: id = role:bcrypt hash (add with AddUserMain)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
