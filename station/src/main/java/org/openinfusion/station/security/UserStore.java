package org.openinfusion.station.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Station accounts in a properties file, one line per user: {@code dr.ng = physician:$2a$12$...:Dr A Ng} (role, the
 * bcrypt hash of the password, then the printed name shown with e-signatures; older lines without a name are read
 * with the user id as name). The role may carry flags after commas: {@code physician,disabled,change-password} (an
 * account that cannot sign in or sign; one whose password an administrator reset, to be changed at the next sign-in).
 * Read on every sign-in, so accounts added by {@code cli.AddUserMain} count at once. Accounts are never deleted.
 */
public final class UserStore {
    public static final String FILE_NAME = "users.properties";
    /** The shortest password an account may have. */
    public static final int MIN_PASSWORD = 8;
    static final int COST = 12;
    private static final String ID = "[a-z0-9._-]{2,32}";

    static final String DISABLED = "disabled";
    static final String CHANGE_PASSWORD = "change-password";

    private final Path file;
    private final int cost;
    /** bcrypt verifications done, for the throttling tests and figures. */
    private final AtomicLong verifications = new AtomicLong();

    /** An account's state as sign-in needs it: who, whether disabled, whether its password must be changed now. */
    public record State(Principal principal, boolean disabled, boolean mustChangePassword) {
    }

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

    /**
     * The user when the password matches its hash; empty for an unknown user or a wrong password. An unknown user
     * costs the same bcrypt work as a known one, so the time taken does not tell which accounts exist.
     */
    public Optional<Principal> authenticate(String userId, char[] password) {
        return verify(userId, password).map(State::principal);
    }

    /** Like {@link #authenticate}, with the account's flags. Takes no lock: any number of callers verify at once. */
    public Optional<State> verify(String userId, char[] password) {
        Optional<Account> account = find(userId);
        char[] given = password == null ? new char[0] : password;
        String hash = account.map(Account::hash).orElse(dummyHash());
        verifications.incrementAndGet();
        boolean ok = BCrypt.verifyer().verify(given, hash.toCharArray()).verified;
        return ok && account.isPresent() && password != null ? Optional.of(account.get().state()) : Optional.empty();
    }

    /** How many passwords were checked (bcrypt) so far. */
    public long verifications() {
        return verifications.get();
    }

    /** Every account with its flags, ordered by id. */
    public List<State> states() {
        Properties p = read();
        List<State> out = new ArrayList<>();
        p.stringPropertyNames().stream().sorted().forEach(id -> parse(id, p.getProperty(id)).ifPresent(a -> out.add(a.state())));
        return out;
    }

    /** Disables or enables an account (never deletes it: the audit trail names it). */
    public synchronized void setDisabled(String userId, boolean disabled) {
        update(userId, a -> new Account(a.id(), a.role(), a.hash(), a.name(), disabled, a.mustChange()));
    }

    /** An administrator's reset: a new password that its owner must change at the next sign-in. */
    public synchronized void resetPassword(String userId, char[] password) {
        checkPassword(password);
        String hash = BCrypt.withDefaults().hashToString(cost, password);
        update(userId, a -> new Account(a.id(), a.role(), hash, a.name(), a.disabled(), true));
    }

    /** The owner's own change: a new password, and no change asked for any more. */
    public synchronized void changePassword(String userId, char[] password) {
        checkPassword(password);
        String hash = BCrypt.withDefaults().hashToString(cost, password);
        update(userId, a -> new Account(a.id(), a.role(), hash, a.name(), a.disabled(), false));
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD + " characters");
        }
    }

    private void update(String userId, UnaryOperator<Account> change) {
        Properties users = read();
        Account a = parse(userId, users.getProperty(userId == null ? "" : userId))
                .orElseThrow(() -> new IllegalArgumentException("no account " + userId));
        users.setProperty(a.id(), change.apply(a).line());
        write(users);
    }

    /** True when {@code userId} names an account. */
    public boolean has(String userId) {
        return find(userId).isPresent();
    }

    private volatile String dummy;

    /** A hash of a random password at this store's cost, made once: the work an unknown user id is made to cost. */
    private String dummyHash() {
        String d = dummy;
        if (d == null) {
            char[] random = UUID.randomUUID().toString().toCharArray();
            d = BCrypt.withDefaults().hashToString(cost, random);
            dummy = d;
        }
        return d;
    }

    /** Every account, without hashes, ordered by id. */
    public List<Principal> list() {
        Properties p = read();
        List<Principal> out = new ArrayList<>();
        p.stringPropertyNames().stream().sorted().forEach(id -> parse(id, p.getProperty(id)).ifPresent(a -> out.add(a.principal())));
        return out;
    }

    /** Adds or replaces a user without a printed name. */
    public void put(String userId, Role role, char[] password) {
        put(userId, role, userId, password);
    }

    /** Adds or replaces a user; the file is replaced atomically. */
    public synchronized void put(String userId, Role role, String printedName, char[] password) {
        if (userId == null || !userId.matches(ID)) {
            throw new IllegalArgumentException("user id must be 2-32 of a-z, 0-9, '.', '_' or '-'");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        String name = printedName == null || printedName.isBlank() ? userId : printedName.strip();
        if (name.length() > 80 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the printed name is at most 80 characters without control characters");
        }
        Properties users = read();
        boolean disabled = parse(userId, users.getProperty(userId)).map(Account::disabled).orElse(false);
        users.setProperty(userId, new Account(userId, role, BCrypt.withDefaults().hashToString(cost, password), name, disabled, false).line());
        write(users);
    }

    private Optional<Account> find(String userId) {
        String id = userId == null ? "" : userId.strip();
        return parse(id, read().getProperty(id));
    }

    private record Account(String id, Role role, String hash, String name, boolean disabled, boolean mustChange) {
        Principal principal() {
            return new Principal(id, role, name);
        }

        State state() {
            return new State(principal(), disabled, mustChange);
        }

        String line() {
            return role.key() + (disabled ? "," + DISABLED : "") + (mustChange ? "," + CHANGE_PASSWORD : "") + ":" + hash + ":" + name;
        }
    }

    /** {@code role:hash[:name]}; a bcrypt hash never contains ':'. A malformed line is no account. */
    private static Optional<Account> parse(String id, String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String[] parts = entry.split(":", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            List<String> role = List.of(parts[0].split(","));
            boolean disabled = role.contains(DISABLED);
            boolean change = role.contains(CHANGE_PASSWORD);
            if (role.size() > 1 + (disabled ? 1 : 0) + (change ? 1 : 0)) {
                return Optional.empty();
            }
            return Optional.of(new Account(id, Role.parse(role.get(0)), parts[1], parts.length == 3 ? parts[2] : id, disabled, change));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
                users.store(w, "station users: id = role:bcrypt hash:printed name (add with bin/add-user)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
