package org.openinfusion.station.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.LaunchSettings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.UserStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Adds (or replaces) a station account, e.g. the first administrator at install ({@code bin/add-user}):
 * {@code AddUserMain --user nurse1 --role nurse [--name "Printed Name"] [--data-dir DIR | --file FILE | --config STATION_CONFIG]}.
 * The password is read from the console without echo, or as the first line of standard input. Without
 * {@code --file}, the users file is {@code {station.dataDir}/users.properties}.
 */
@Command(name = "add-user", mixinStandardHelpOptions = true, version = "infusion station 0.1.0",
        description = "Adds (or replaces) a station account. The password is asked for without echo, "
                + "or read from the first line of standard input.",
        footer = "Exit 0 saved, 2 usage or configuration error (e.g. a password shorter than " + UserStore.MIN_PASSWORD
                + " characters).")
public final class AddUserMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "account id, e.g. nurse1")
    private String user;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
            description = "nurse, physician, engineer or admin")
    private Role role;

    @Option(names = "--name", paramLabel = "NAME", description = "the printed name shown on signatures")
    private String name;

    @ArgGroup(exclusive = true)
    private Where where;

    private final Supplier<char[]> password;

    private AddUserMain(Supplier<char[]> password) {
        this.password = password;
    }

    static final class Where {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "the station's data folder (users.properties in it)")
        Path dataDir;

        @Option(names = "--file", paramLabel = "FILE", description = "the users file itself")
        Path file;

        @Option(names = "--config", paramLabel = "FILE", description = "station properties: its station.dataDir")
        Path config;
    }

    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, AddUserMain::readPassword, System.out, System.err));
    }

    /** Runs the command with the password from {@code password}; returns the exit code (0 saved, 2 refused). */
    static int run(String[] args, Supplier<char[]> password, PrintStream out, PrintStream err) {
        return Commands.execute(new AddUserMain(password), args, out, err);
    }

    @Override
    public Integer call() {
        Path file;
        try {
            file = usersFile();
        } catch (ConfigException e) {
            return Commands.usage(spec, "configuration: " + e.getMessage());
        }
        char[] secret = password.get();
        if (secret == null || secret.length < UserStore.MIN_PASSWORD) {
            return Commands.usage(spec, "the password needs at least " + UserStore.MIN_PASSWORD + " characters");
        }
        try {
            UserStore.at(file).put(user, role, name, secret);
        } catch (IllegalArgumentException e) {
            return Commands.usage(spec, e.getMessage());
        }
        spec.commandLine().getOut().println("user saved in " + file);
        return Commands.OK;
    }

    private Path usersFile() {
        if (where != null && where.file != null) {
            return where.file;
        }
        if (where != null && where.dataDir != null) {
            return where.dataDir.resolve(UserStore.FILE_NAME);
        }
        StationConfig config = StationConfig.from(LaunchSettings.read(where == null ? null : where.config));
        return config.dataDir().resolve(UserStore.FILE_NAME);
    }

    static char[] readPassword() {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("password: ");
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
